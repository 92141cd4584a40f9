import MigrationCore
import Testing
@testable import MigrationEditor

@Suite("Constraint map screen: navigation, selection, broken marks and leaving")
struct MapScreenTests {
    private static let conflict = Keys.toggle("postcopy-ram") + Keys.toggle("multifd")
    private let map = ConstraintMap.of(.v9_0)

    private func view(_ state: EditorState) -> MapView? {
        guard case .map(let view) = state.mode else { return nil }
        return view
    }

    private func index(_ name: String) -> Int {
        map.axis.firstIndex(of: itemID(name))!
    }

    /// The texts of the lines under the grid about the selection.
    private func selectionText(_ state: EditorState) -> [String] {
        guard let view = view(state) else { return [] }
        return MapContent(document: state.document).selectionLines(view.selection, width: 200).map(\.text)
    }

    private func screenText(_ screen: Screen) -> [String] {
        (0..<screen.size.rows).map(screen.text(ofRow:))
    }

    /// The screen cell of grid cell (row, column), both indices into the axis, when on screen.
    private func cell(_ row: Int, _ column: Int, in state: EditorState, _ screen: Screen) -> Cell? {
        guard let view = view(state) else { return nil }
        let geometry = MapLayout(size: screen.size, map: map)
        var shown = view
        shown.keepSelectionVisible(on: geometry)
        let line = row - shown.scroll, offset = column - shown.columnScroll
        guard line >= 0, line < geometry.regionHeight, offset >= 0, offset < geometry.visibleColumns else { return nil }
        return screen[geometry.gridTop + line, geometry.gridLeft + offset * geometry.cellWidth]
    }

    @Test func mOpensOnTheBrokenCellAndSaysWhichRuleBreaks() {
        var state = EditorState.fresh()
        state.press(Self.conflict + [.character("m")])
        #expect(view(state)?.selection == .cell(row: index("postcopy-ram"), column: index("multifd")))
        #expect(selectionText(state) == [
            "✗ postcopy-ram-vs-multifd: postcopy-ram conflicts with multifd",
            "now postcopy-ram = on, multifd = on",
            "QEMU says: Postcopy is not yet compatible with multifd",
        ])
        let content = MapContent(document: state.document)
        #expect(content.title(of: view(state)!.selection) == "postcopy-ram × multifd · conflict: refused together")
        let screen = render(state, size: state.size, monochrome: false)
        #expect(screenText(screen).contains { $0.hasPrefix("─ postcopy-ram × multifd · conflict: refused together") && $0.contains("✗ broken now") })
    }

    @Test func withNothingBrokenItOpensOnTheFocusedSettingsFirstRule() {
        var state = EditorState.fresh()
        state.press(Keys.find("switchover-ack") + [.character("m")])
        #expect(view(state)?.selection == .cell(row: index("switchover-ack"), column: index("return-path")))
        #expect(selectionText(state).first == "  switchover-ack-requires-return-path: switchover-ack requires return-path")
        #expect(MapContent(document: state.document).title(of: view(state)!.selection)
            == "switchover-ack → return-path · row needs column")
    }

    @Test func arrowsMoveOverTheCellsAndStopAtTheEdges() {
        var state = EditorState.fresh()
        state.press(.character("m"))
        let start = view(state)!.selection
        #expect(start == .cell(row: 0, column: index("compress")))
        state.press(.right, .right, .down)
        #expect(view(state)?.selection == .cell(row: 1, column: index("compress") + 2))
        state.press(.character("h"), .character("k"))
        #expect(view(state)?.selection == .cell(row: 0, column: index("compress") + 1))
        state.press(.up, .home, .left)
        #expect(view(state)?.selection == .cell(row: 0, column: 0), "Home goes to the first column, nothing goes past it")
        state.press(.end, .right)
        #expect(view(state)?.selection == .cell(row: 0, column: map.axis.count - 1))
        state.press(.character("G"))
        #expect(view(state)?.selection == .cell(row: map.axis.count - 1, column: map.axis.count - 1))
        state.press(.pageUp)
        guard case .cell(let row, _) = view(state)!.selection else { return }
        #expect(row < map.axis.count - 1 && row > 0, "a page up, not to the top")
    }

    @Test func belowTheLastRowComeTheSideRulesAndTabSwitchesBackToTheSameCell() {
        var state = EditorState.fresh()
        state.press(.character("m"), .character("G"), .down)
        #expect(view(state)?.selection == .sideRule(0))
        #expect(selectionText(state).last == "now " + map.sideRules[0].subjects.map { "\($0.name) = \(state.document.displayValue(of: $0))" }
            .joined(separator: ", "))
        state.press(.up)
        let column = index("compress")
        #expect(view(state)?.selection == .cell(row: map.axis.count - 1, column: column), "back where it left the grid")
        state.press(.right, .tab, .end)
        #expect(view(state)?.selection == .sideRule(map.sideRules.count - 1))
        state.press(.tab)
        #expect(view(state)?.selection == .cell(row: map.axis.count - 1, column: column + 1))
        state.press(.backTab)
        #expect(view(state)?.selection == .sideRule(map.sideRules.count - 1), "Tab returns to the side rule chosen last")
    }

    @Test func aSideRulesMessageMarksWhereQEMUAddsWhatItFound() throws {
        let index = try #require(map.sideRules.firstIndex { $0.identity == .multifdCompressionNeedsBuildSupport })
        var state = EditorState.fresh()
        state.press(.character("m"), .tab)
        for _ in 0..<index { state.press(.down) }
        #expect(selectionText(state).first == "  Parameter 'multifd-compression' does not accept value '…")
        state.press(.escape)
        state.press(Keys.set("host.compression-methods", to: "none") + Keys.find("multifd-compression"))
        state.press(.right, .right, .character("m"))
        #expect(state["multifd-compression"] == .choice("zstd"))
        #expect(view(state)?.selection == .sideRule(index), "the only broken thing is this side rule")
        #expect(selectionText(state).first == "✗ Parameter 'multifd-compression' does not accept value 'zstd'")
    }

    @Test func theGridScrollsToKeepTheSelectionOnA24RowScreen() {
        var state = EditorState.fresh()
        state.press(.character("m"))
        var text = screenText(render(state, size: state.size, monochrome: false))
        #expect(text.contains { $0.hasPrefix("  1 xbzrle") })
        #expect(!text.contains { $0.contains("28 multifd-compression") })
        state.press(.character("G"))
        text = screenText(render(state, size: state.size, monochrome: false))
        #expect(text.contains { $0.contains("28 multifd-compression") })
        #expect(!text.contains { $0.hasPrefix("  1 xbzrle") })
        state.press(.down)
        text = screenText(render(state, size: state.size, monochrome: false))
        #expect(text.contains(" Rules of 3+ settings or the host" + String(repeating: " ", count: 80 - 33)))
    }

    @Test func brokenCellsAreInTheErrorRoleAndTheirSettingsMarked() throws {
        var state = EditorState.fresh()
        state.press(Self.conflict + [.character("m"), .left])
        let screen = render(state, size: state.size, monochrome: false)
        let postcopy = index("postcopy-ram"), multifd = index("multifd")
        #expect(cell(multifd, postcopy, in: state, screen) == Cell("×", role: .error), "the mirrored cell too")
        #expect(cell(postcopy, multifd - 1, in: state, screen)?.role == .selected)
        #expect(cell(postcopy, multifd, in: state, screen) == Cell("×", role: .error))
        #expect(cell(index("xbzrle"), index("compress"), in: state, screen) == Cell("×", role: .whatIf), "a conflict not broken now")
        #expect(cell(postcopy, postcopy, in: state, screen)?.character == "╲")
        let geometry = MapLayout(size: screen.size, map: map)
        #expect(screen[geometry.gridTop + postcopy, 0] == Cell("✗", role: .error))
        #expect(screen[geometry.gridTop + postcopy, geometry.nameColumn].role == .changed)
        #expect(screen[geometry.gridTop + index("xbzrle"), 0].character == " ")
        #expect(screen[geometry.headerTop + 1, geometry.gridLeft + multifd * geometry.cellWidth] == Cell("3", role: .changed))
        #expect(screen[geometry.headerTop + 1, geometry.gridLeft + (multifd - 1) * geometry.cellWidth] == Cell("2", role: .selected))
    }

    @Test func anEmptyCellSaysNoRuleTiesThePair() {
        var state = EditorState.fresh()
        state.press(Keys.find("events") + [.character("m")])
        #expect(view(state)?.selection == .cell(row: index("events"), column: index("events")), "no rule: the diagonal")
        state.press(.right)
        #expect(selectionText(state) == ["No rule of QEMU 9.0 ties these two as a pair.", "now events = off, postcopy-ram = off"])
        state.press(.enter)
        #expect(view(state)?.detailScroll == nil)
        #expect(state.status?.text == "events · postcopy-ram · no rule: no rule to show")
    }

    @Test func bracketsVisitWhatIsBrokenCellsThenSideRules() {
        var state = EditorState.fresh()
        state.press(Self.conflict + Keys.toggle("dirty-limit") + [.character("m")])
        let broken = MapView.Selection.cell(row: index("postcopy-ram"), column: index("multifd"))
        let side = MapView.Selection.sideRule(map.sideRules.firstIndex { $0.identity == .dirtyLimitRequiresKvmDirtyRing }!)
        #expect(view(state)?.selection == broken)
        state.press(.character("]"))
        #expect(view(state)?.selection == side)
        #expect(selectionText(state).first == "✗ dirty-limit requires KVM with accelerator property 'dirty-ring-size' set")
        state.press(.character("]"))
        #expect(view(state)?.selection == broken, "wraps around")
        state.press(.character("["))
        #expect(view(state)?.selection == side)
    }

    @Test func bracketsSayWhenNothingIsBroken() {
        var state = EditorState.fresh()
        state.press(.character("m"), .character("]"))
        #expect(state.status?.text == "Nothing on the map is broken: QEMU 9.0 accepts these settings")
    }

    @Test func enterShowsTheRuleInFullAndEscGoesBackToTheSameCell() {
        var state = EditorState.fresh()
        state.press(Self.conflict + [.character("m")])
        let selection = view(state)?.selection
        state.press(.enter)
        #expect(view(state)?.detailScroll == 0)
        let text = screenText(render(state, size: state.size, monochrome: false))
        #expect(text.contains { $0.contains("✗ broken · postcopy-ram-vs-multifd · migrate_caps_check") })
        #expect(text.contains { $0.contains("Postcopy is not yet compatible with multifd") })
        #expect(text.contains { $0.contains("fix: set postcopy-ram off") })
        #expect(text.contains { $0.contains("releases: 8.1 to 10.0") })
        #expect(text.contains { $0.contains("why: Only 8.1 to 10.0 refuse the pair.") })
        state.press(.escape)
        #expect(view(state)?.detailScroll == nil)
        #expect(view(state)?.selection == selection)
        state.press(.enter, .character("m"))
        #expect(state.mode == .list, "m leaves the map from the detail too")
    }

    @Test(arguments: [Key.escape, .character("q"), .character("m")])
    func escQAndMGoBackToTheListWhereItWas(key: Key) {
        var state = EditorState.fresh()
        state.press(Self.conflict + [.character("m"), .down, .down, .right, key])
        #expect(state.mode == .list)
        #expect(state.focus == .item(.multifd))
        #expect(state.isModified, "the map changes nothing")
    }

    @Test func theMapWorksBelowTheMainScreensMinimum() {
        var state = EditorState.fresh()
        state.press(Self.conflict + [.character("m"), .resize(Size(columns: 60, rows: 20))])
        var text = screenText(render(state, size: state.size, monochrome: false))
        #expect(!text.contains { $0.contains("terminal too small") })
        #expect(text.contains { $0.hasPrefix(" → needs  ← needed by       1234567890123456789012345678") })
        state.press(.down)
        #expect(view(state)?.selection == .cell(row: index("postcopy-ram") + 1, column: index("multifd")))
        state.press(.escape)
        text = screenText(render(state, size: state.size, monochrome: false))
        #expect(text.contains { $0.contains("terminal too small") })
        state.press(.character("m"))
        #expect(state.mode == .list, "the list takes no keys while too small")
    }

    @Test func aGridWiderThanTheScreenScrollsSideways() {
        var state = EditorState.fresh()
        state.press(.character("m"), .resize(Size(columns: 40, rows: 12)))
        let screen = render(state, size: state.size, monochrome: false)
        let geometry = MapLayout(size: screen.size, map: map)
        #expect(geometry.visibleColumns < map.axis.count)
        #expect(screen.text(ofRow: geometry.headerTop + 1).hasSuffix("1234567890123456789012345"))
        state.press(.end)
        let scrolled = render(state, size: state.size, monochrome: false)
        #expect(scrolled.text(ofRow: geometry.headerTop + 1).hasSuffix("4567890123456789012345678"))
        #expect(cell(0, map.axis.count - 1, in: state, scrolled)?.role == .selected)
        #expect(cell(0, 0, in: state, scrolled) == nil, "the first column scrolled out")
    }

    @Test func theMapIsTheProfilesRelease() {
        var state = EditorState.fresh(version: .v10_1)
        state.press(Self.conflict + [.character("m")])
        let later = ConstraintMap.of(.v10_1)
        #expect(later.mark(row: .postcopyRam, column: .multifd) == .none)
        let text = screenText(render(state, size: state.size, monochrome: false))
        #expect(text.contains { $0.hasSuffix("of \(later.axis.count) ") })
        #expect(text.contains { $0.hasPrefix("  5 events") }, "9.1 removed compress, so events moved up")
        #expect(!text.contains { $0.contains("broken now") })
    }
}
