import MigrationCore
import Testing
@testable import MigrationEditor

@Suite("Changing values")
struct ChangeTests {
    @Test func spaceTogglesABool() {
        var state = EditorState.fresh()
        state.press(.character(" "))
        #expect(state["xbzrle"] == .bool(true))
        #expect(state.isModified)
        state.press(.character(" "))
        #expect(state["xbzrle"] == .bool(false))
        #expect(!state.isModified, "back to what was saved")
    }

    @Test func spaceCyclesAnEnumThroughEveryChoice() {
        var state = EditorState.fresh()
        state.press(Keys.find("multifd-compression"))
        state.press(.character(" "))
        #expect(state["multifd-compression"] == .choice("zlib"))
        state.press(.character(" "))
        #expect(state["multifd-compression"] == .choice("zstd"))
        state.press(.character(" "))
        #expect(state["multifd-compression"] == .choice("none"))
    }

    @Test func spaceCyclesHostFactChoices() {
        var state = EditorState.fresh()
        state.press(Keys.find("host.write-tracking"))
        state.press(.character(" "))
        #expect(state.document.host.writeTracking == .absent, "compatible wraps round to the first choice")
        state.press(Keys.find("host.dirty-ring") + [.character(" ")])
        #expect(state.document.host.dirtyRing)
    }

    @Test func enterOnAToggleOrChoiceActsAsSpace() {
        var state = EditorState.fresh()
        state.press(.enter)
        #expect(state["xbzrle"] == .bool(true))
        state.press(Keys.find("mode") + [.enter])
        #expect(state["mode"] == .choice("cpr-reboot"))
    }

    @Test func spaceOnAFieldExplainsInsteadOfChanging() {
        var state = EditorState.fresh()
        state.press(Keys.find("multifd-channels") + [.character(" ")])
        #expect(state.document == Profile())
        #expect(state.status?.text.contains("Enter") == true)
    }

    @Test func blockBitmapMappingIsReadOnlyWithANote() {
        var state = EditorState.fresh()
        state.press(Keys.find("block-bitmap-mapping") + [.enter])
        #expect(state.mode == .list)
        let note = "block-bitmap-mapping is a JSON list: set it in a profile (o opens one) or through QMP; d clears it"
        #expect(EntryKind.readOnlyNote(for: subject("block-bitmap-mapping")) == note)
        #expect(state.status?.text == note)
        state.press(.character(" "))
        #expect(state.status?.text == note)
    }

    @Test func dResetsToTheDefault() {
        var state = EditorState.fresh()
        state.press(Keys.set("downtime-limit", to: "500"))
        #expect(state["downtime-limit"] == .number(500))
        state.press(.character("d"))
        #expect(state["downtime-limit"] == .number(300))
        #expect(state.status == nil)
        state.press(.character("d"))
        #expect(state.status?.text == "downtime-limit is already at its default (300 ms)")
    }

    @Test func dResetsAHostFact() {
        var state = EditorState.fresh()
        state.press(Keys.find("host.kvm") + [.character(" "), .character("d")])
        #expect(state.document.host == .standard)
    }

    @Test func undoAndRedoWalkTheWholeHistory() {
        var state = EditorState.fresh()
        state.press(Keys.toggle("multifd") + Keys.set("multifd-channels", to: "8") + Keys.toggle("host.kvm"))
        let final = state.document
        state.press(.character("u"))
        #expect(state.document.host.kvm)
        #expect(state.focus == .host(.kvm))
        #expect(state.status?.text == "Undid: host.kvm = off")
        state.press(.character("u"), .character("u"))
        #expect(state.document == Profile())
        #expect(state.focus == subject("multifd"))
        state.press(.character("u"))
        #expect(state.status?.text == "Nothing to undo")
        state.press(.control("r"), .control("r"), .control("r"))
        #expect(state.document == final)
        state.press(.control("r"))
        #expect(state.status?.text == "Nothing to redo")
    }

    @Test func aNewChangeForgetsWhatCouldBeRedone() {
        var state = EditorState.fresh()
        state.press(.character(" "), .character("u"), .down, .character(" "), .control("r"))
        #expect(state["xbzrle"] == .bool(false))
        #expect(state["rdma-pin-all"] == .bool(true))
        #expect(state.status?.text == "Nothing to redo")
    }

    @Test func undoIsUnlimited() {
        var state = EditorState.fresh()
        for _ in 0..<500 { state.press(.character(" ")) }
        for _ in 0..<500 { state.press(.character("u")) }
        #expect(state.document == Profile())
        #expect(state.history.undoStack.isEmpty)
        #expect(state.history.redoStack.count == 500)
    }

    @Test func navigationIsNotRecordedInTheHistory() {
        var state = EditorState.fresh()
        state.press(.down, .down, .character("c"), .character("c"), .character("?"), .escape)
        #expect(state.history.undoStack.isEmpty)
    }

    @Test func cTogglesBetweenChangedOnlyAndAll() {
        var state = EditorState.fresh()
        state.press(Keys.toggle("multifd") + Keys.set("downtime-limit", to: "500") + [.character("c")])
        #expect(state.filter == .changed)
        #expect(state.rows == [
            .heading(.capabilities), .entry(subject("multifd")),
            .heading(.parameters), .entry(subject("downtime-limit")),
        ])
        state.press(.up)
        #expect(state.focus == subject("multifd"))
        state.press(.character("c"))
        #expect(state.filter == .all)
        #expect(state.status?.text == "Showing all settings")
        #expect(state.rows.count == Section.allCases.count + Release.for(.v9_0).subjects.count)
    }

    @Test func resettingInTheChangedViewMovesTheFocusToANeighbour() {
        var state = EditorState.fresh()
        state.press(Keys.toggle("multifd") + Keys.set("downtime-limit", to: "500") + [.character("c"), .up, .character("d")])
        #expect(state.focus == subject("downtime-limit"))
        state.press(.character("d"))
        #expect(state.rows.isEmpty)
        let screen = render(state, size: state.size, monochrome: false)
        #expect(screen.text(ofRow: 2).contains("Nothing differs from QEMU's"))
    }

    @Test func theAnalysisFollowsEveryChange() {
        var state = EditorState.fresh()
        state.press(Keys.toggle("postcopy-ram") + Keys.toggle("multifd"))
        #expect(state.report.firstError?.ruleID == "postcopy-ram-vs-multifd")
        #expect(state.analysis.mark(of: subject("multifd")) == .error)
        #expect(state.analysis.mark(of: subject("xbzrle")) == .whatIf)
        state.press(.character("u"))
        #expect(state.report.isAccepted)
        #expect(state.analysis.mark(of: subject("multifd")) == .whatIf)
    }

    @Test func hostFactsGetWhatIfMarksToo() {
        var state = EditorState.fresh()
        state.press(Keys.toggle("dirty-limit"))
        #expect(state.analysis.mark(of: .host(.dirtyRing)) == .error)
        state.press(Keys.toggle("host.dirty-ring"))
        #expect(state.report.isAccepted)
        #expect(state.analysis.mark(of: .host(.kvm)) == .whatIf)
        #expect(state.analysis.mark(of: .host(.dirtyRing)) == .whatIf)
    }
}
