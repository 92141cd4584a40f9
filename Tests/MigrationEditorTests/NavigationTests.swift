import MigrationCore
import Testing
@testable import MigrationEditor

@Suite("Moving around")
struct NavigationTests {
    @Test func arrowsAndVimKeysMoveOneEntryAndSkipHeadings() {
        var state = EditorState.fresh()
        #expect(state.focus == subject("xbzrle"))
        state.press(.down)
        #expect(state.focus == subject("rdma-pin-all"))
        state.press(.character("j"), .character("j"))
        #expect(state.focus == subject("zero-blocks"))
        state.press(.up, .character("k"))
        #expect(state.focus == subject("rdma-pin-all"))
        state.press(Keys.find("mapped-ram") + [.down])
        #expect(state.focus == subject("announce-initial"), "the Parameters heading is skipped")
    }

    @Test func movementStopsAtBothEnds() {
        var state = EditorState.fresh()
        state.press(.up, .character("k"))
        #expect(state.focus == subject("xbzrle"))
        state.press(.end, .down)
        #expect(state.focus == .host(.compressionMethods))
    }

    @Test func homeEndAndGJumpToFirstAndLast() {
        var state = EditorState.fresh()
        state.press(.end)
        #expect(state.focus == .host(.compressionMethods))
        state.press(.home)
        #expect(state.focus == subject("xbzrle"))
        state.press(.character("G"))
        #expect(state.focus == .host(.compressionMethods))
        state.press(.character("g"))
        #expect(state.focus == subject("xbzrle"))
    }

    @Test func pageKeysMoveByAListHeightAndKeepTheFocusVisible() {
        var state = EditorState.fresh()
        let height = Layout(size: state.size).listHeight
        state.press(.pageDown)
        let entries = Release.for(.v9_0).subjects
        #expect(state.focus == entries[height - 1])
        let row = state.focusRow!
        #expect(row >= state.listScroll && row < state.listScroll + height)
        state.press(.pageUp)
        #expect(state.focus == entries[0])
        #expect(state.listScroll == 0, "the Capabilities heading comes back into view")
    }

    @Test func tabSwitchesToTheDetailPaneWhichThenScrolls() {
        var state = EditorState.fresh()
        state.press(Keys.toggle("postcopy-ram") + Keys.toggle("multifd"))
        state.press(.tab)
        #expect(state.pane == .detail)
        state.press(.down, .character("j"))
        #expect(state.detailScroll == 2)
        #expect(state.focus == subject("multifd"), "movement scrolls the pane, not the list")
        state.press(.end)
        let total = DetailContent.lines(for: state, width: Layout(size: state.size).detailTextWidth).count
        #expect(state.detailScroll == total - Layout(size: state.size).listHeight)
        state.press(.home)
        #expect(state.detailScroll == 0)
        state.press(.tab)
        #expect(state.pane == .list)
        state.press(.tab, .escape)
        #expect(state.pane == .list, "Esc also returns to the list")
    }

    @Test func commandsStillActOnTheFocusedEntryFromTheDetailPane() {
        var state = EditorState.fresh()
        state.press([.tab, .character(" ")])
        #expect(state["xbzrle"] == .bool(true))
    }

    @Test func changingFocusScrollsTheDetailPaneBackToItsTop() {
        var state = EditorState.fresh()
        state.press(Keys.toggle("postcopy-ram") + Keys.toggle("multifd") + [.tab, .down, .tab, .down])
        #expect(state.detailScroll == 0)
    }

    @Test func resizeRelaysOutAtOnce() {
        var state = EditorState.fresh()
        state.press(.end)
        let small = state.listScroll
        state.press(.resize(Size(columns: 120, rows: 40)))
        #expect(state.size == Size(columns: 120, rows: 40))
        #expect(state.listScroll < small, "a taller list needs less scrolling")
        let screen = render(state, size: state.size, monochrome: false)
        #expect(screen.text(ofRow: 39).contains("q quit"))
    }

    @Test func belowTheMinimumOnlyQuitWorks() {
        var state = EditorState.fresh()
        state.press(.resize(Size(columns: 70, rows: 20)))
        state.press(.character(" "), .down, .character("e"))
        #expect(state.document == Profile())
        #expect(state.focus == subject("xbzrle"))
        #expect(state.mode == .list)
        #expect(state.press(.character("q")) == [.quit(printing: nil)])
    }

    @Test func belowTheMinimumQuitStillAsksAboutUnsavedChanges() {
        var state = EditorState.fresh()
        state.press(.character(" "), .resize(Size(columns: 70, rows: 20)))
        #expect(state.press(.character("q")).isEmpty)
        #expect(state.mode == .confirmLeaving(.quit))
        let screen = render(state, size: state.size, monochrome: false)
        #expect((0..<20).contains { screen.text(ofRow: $0).contains("quit without saving? y quits") })
        #expect(state.press(.character("y")) == [.quit(printing: nil)])
    }

    @Test func growingBackRestoresTheEditor() {
        var state = EditorState.fresh()
        state.press(.resize(Size(columns: 60, rows: 20)), .resize(Size(columns: 80, rows: 24)), .character(" "))
        #expect(state["xbzrle"] == .bool(true))
    }
}
