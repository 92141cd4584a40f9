import MigrationCore
import Testing
@testable import MigrationEditor

@Suite("Rendering")
struct RenderTests {
    private func row(_ screen: Screen, containing text: String) -> Int? {
        (0..<screen.size.rows).first { screen.text(ofRow: $0).contains(text) }
    }

    /// The screen row of the focused entry.
    private func focusedRow(_ state: EditorState) -> Int {
        Layout(size: state.size).paneTop + 1 + state.focusRow! - state.listScroll
    }

    @Test func theTitleShowsProfileModifiedMarkerAndVerdict() {
        var state = EditorState.fresh(profilePath: "/etc/qemu/prod.json")
        var screen = render(state, size: state.size, monochrome: false)
        #expect(screen.text(ofRow: 0).hasPrefix(" migedit · QEMU 9.0 · prod.json "))
        #expect(screen.text(ofRow: 0).hasSuffix("✓ accepted "))
        state.press(Keys.toggle("postcopy-ram") + Keys.toggle("multifd") + Keys.toggle("block"))
        screen = render(state, size: state.size, monochrome: false)
        #expect(screen.text(ofRow: 0).contains("prod.json (modified)"))
        #expect(screen.text(ofRow: 0).hasSuffix("✗ 1 error, 1 warning "))
        #expect(screen[0, 79 - "✗ 1 error, 1 warning".count].role == .error)
    }

    @Test func markersForErrorsWhatIfAndQMPOnly() throws {
        var state = EditorState.fresh()
        state.press(Keys.toggle("postcopy-ram") + Keys.toggle("multifd"))
        let screen = render(state, size: state.size, monochrome: false)
        // Markers sit in the list pane's last column inside its border.
        let markColumn = Layout(size: state.size).listWidth - 2
        let postcopy = try #require(row(screen, containing: "[x] postcopy-ram"))
        #expect(screen[postcopy, markColumn].character == "✗")
        #expect(screen[postcopy, markColumn].role == .error)
        let line = screen.text(ofRow: postcopy)
        let nameColumn = line.distance(from: line.startIndex, to: try #require(line.firstRange(of: "postcopy-ram")).lowerBound)
        #expect(screen[postcopy, nameColumn].role == .error, "the name of an item in an error stands out")
        let xbzrle = try #require(row(screen, containing: "[ ] xbzrle"))
        #expect(screen[xbzrle, markColumn].character == "!")
        #expect(screen[xbzrle, markColumn].role == .whatIf)
        let bitmaps = try #require(row(screen, containing: "dirty-bitmaps"))
        #expect(screen.text(ofRow: bitmaps).contains("(QMP)"))
    }

    @Test func theFirstErrorIsMarkedInTheErrorPane() throws {
        // 29 rows: a fourth error-pane row, spare beside the two findings and the first's fix.
        var state = EditorState.fresh(size: Size(columns: 80, rows: 29))
        state.press(Keys.toggle("postcopy-ram") + Keys.toggle("multifd") + Keys.toggle("xbzrle"))
        let screen = render(state, size: state.size, monochrome: false)
        let first = Layout(size: state.size).errorTop
        #expect(screen.text(ofRow: first).hasPrefix(" ✗ [QEMU first] postcopy-ram + multifd: Postcopy is not yet compatible"))
        #expect(screen.text(ofRow: first + 1).hasPrefix("   multifd"), "the first finding wraps into a spare row")
        #expect(screen.text(ofRow: first + 2).hasPrefix("   fix (f): set postcopy-ram off"), "then its first fix")
        #expect(screen.text(ofRow: first + 3).hasPrefix(" ✗ multifd + xbzrle: Multifd is not compatible with xbzrle"))
        #expect(screen[first, 1].role == .error)
    }

    @Test func tooManyFindingsSayHowManyMore() {
        var state = EditorState.fresh()
        for name in ["background-snapshot", "postcopy-ram", "multifd", "xbzrle", "return-path", "auto-converge"] {
            state.press(Keys.toggle(name))
        }
        let screen = render(state, size: state.size, monochrome: false)
        let last = Layout(size: state.size).exportRow - 1
        #expect(screen.text(ofRow: last).contains("more: p lists every problem, ] jumps to the next marked entry"))
    }

    @Test func changedValuesGetAStarOnlyInMonochrome() {
        var state = EditorState.fresh()
        state.press(Keys.set("multifd-channels", to: "4"))
        let line = focusedRow(state)
        let colour = render(state, size: state.size, monochrome: false)
        let mono = render(state, size: state.size, monochrome: true)
        #expect(mono.text(ofRow: line).hasPrefix("│▸*multifd-channels"))
        #expect(colour.text(ofRow: line).hasPrefix("│▸ multifd-channels"))
        state.press(.up)
        let unfocused = render(state, size: state.size, monochrome: false)
        #expect(unfocused[line, 36].character == "4")
        #expect(unfocused[line, 36].role == .changed)
    }

    @Test func theDetailPaneShowsFindingsWithTheOtherItemsValues() {
        var state = EditorState.fresh()
        state.press(Keys.toggle("postcopy-ram") + Keys.toggle("multifd"))
        let text = DetailContent.lines(for: state, width: 200).map(\.text)
        #expect(text.contains("-global migration.x-multifd=on"))
        #expect(text.contains("capability · bool"))
        #expect(text.contains("now on (changed; default off)"))
        #expect(text.contains("✗ Postcopy is not yet compatible with multifd (QEMU stops here)"))
        #expect(text.contains("with postcopy-ram = on"))
        #expect(text.contains { $0.hasPrefix("why: Only 8.1 to 10.0 refuse the pair") })
        #expect(text.contains("✓ off would clear: Postcopy is not yet compatible with multifd"))
    }

    @Test func theDetailPaneSaysQMPOnlyAndShowsRangeAndUnit() {
        var state = EditorState.fresh()
        state.press(Keys.find("dirty-bitmaps"))
        var text = DetailContent.lines(for: state, width: 200).map(\.text)
        #expect(text.first == "QMP only (no -global property): set it with QMP or HMP")
        state.press(Keys.find("downtime-limit"))
        text = DetailContent.lines(for: state, width: 200).map(\.text)
        #expect(text.contains("parameter · uint64 · unit ms"))
        #expect(text.contains("range 0 to 2000000"))
        #expect(text.contains("now 300 ms (the default)"))
    }

    @Test func zeroCopySendIsQMPOnlyOffLinux() {
        var state = EditorState.fresh()
        state.press(Keys.toggle("host.os") + Keys.find("zero-copy-send"))
        let text = DetailContent.lines(for: state, width: 200).map(\.text)
        #expect(text.first == "QMP only (no -global property on this host): set it with QMP or HMP")
    }

    @Test func theExportLineShowsTheGlobalFragmentAndQMPOnlyCount() {
        var state = EditorState.fresh()
        var screen = render(state, size: state.size, monochrome: false)
        let row = Layout(size: state.size).exportRow
        #expect(screen.text(ofRow: row).contains("-global: nothing to set"))
        state.press(Keys.toggle("multifd") + Keys.toggle("dirty-bitmaps"))
        screen = render(state, size: state.size, monochrome: false)
        #expect(screen.text(ofRow: row).hasPrefix(" -global migration.x-multifd=on "))
        #expect(screen.text(ofRow: row).contains("+1 QMP-only (e shows all)"))
    }

    @Test func theLegendIsAlwaysThere() {
        var state = EditorState.fresh()
        let keys: [[Key]] = [[], [.tab], [.tab, .enter], Keys.find("downtime-limit") + [.enter], [.escape, .character("/")],
                             [.escape, .character("?")], [.escape, .character("e")], [.character("w")], [.escape, .escape, .character(" "), .character("q")]]
        for step in keys {
            state.press(step)
            let screen = render(state, size: state.size, monochrome: false)
            let legend = Layout(size: state.size).legendRow
            #expect(!screen.text(ofRow: legend).trimmingWhitespace.isEmpty, "legend in \(state.mode)")
            #expect(screen[legend, 0].role == .legend)
        }
    }

    @Test func theStatusRowDescribesTheFocusedEntryWhenIdle() {
        let state = EditorState.fresh()
        let screen = render(state, size: state.size, monochrome: false)
        #expect(screen.text(ofRow: 22).hasPrefix(" xbzrle: Re-sends only the XOR difference"))
    }

    @Test func largerTerminalsGetWiderPanesAndMoreRows() {
        let state = EditorState.fresh(size: Size(columns: 200, rows: 60))
        let big = Layout(size: state.size), small = Layout(size: EditorState.standardSize)
        #expect(big.listWidth > small.listWidth)
        #expect(big.detailWidth > small.detailWidth)
        #expect(big.listHeight > small.listHeight)
        #expect(big.errorRows > small.errorRows)
        let screen = render(state, size: state.size, monochrome: false)
        #expect(screen.text(ofRow: 59).contains("w print & quit"))
    }

    /// Below 80x24 the screen holds only the too-small message, the actual size first, never
    /// a squeezed editor; degenerate sizes render without crashing.
    @Test func tinyTerminalsShowOnlyTheTooSmallMessage() {
        let state = EditorState.fresh()
        for size in [Size(columns: 0, rows: 0), Size(columns: 1, rows: 1)] {
            _ = render(state, size: size, monochrome: false)
        }
        for size in [Size(columns: 10, rows: 3), Size(columns: 79, rows: 24), Size(columns: 80, rows: 23)] {
            let screen = render(state, size: size, monochrome: false)
            let rows = (0..<size.rows).map { screen.text(ofRow: $0) }
            #expect(rows.contains { $0.contains("have \(size.columns)x\(size.rows)") }, "\(size): \(rows)")
            #expect(!rows.contains { $0.contains("migedit") || $0.contains("accepted") }, "\(size): \(rows)")
        }
        let screen = render(state, size: Size(columns: 79, rows: 24), monochrome: false)
        #expect((0..<24).contains { screen.text(ofRow: $0).contains("have 79x24, need 80x24") })
        let smallest = render(state, size: EditorState.standardSize, monochrome: false)
        #expect(smallest.text(ofRow: 0).contains("migedit"))
        #expect(!(0..<24).contains { smallest.text(ofRow: $0).contains("too small") })
    }

    /// The analysis the renderer reads is the one a fresh check of the edited document gives,
    /// not one left over from before the edits.
    @Test func theCachedAnalysisIsAFreshCheckOfTheEditedDocument() {
        var state = EditorState.fresh()
        state.press(Keys.toggle("postcopy-ram") + Keys.toggle("multifd") + [.down, .up, .tab, .tab])
        let document = state.document
        let fresh = Checker.for(document.version).check(document.configuration, on: document.host)
        #expect(!fresh.isAccepted, "the edits must change the verdict, or a stale analysis would pass")
        #expect(state.report == fresh)
        #expect(state.analysis.globalExport
            == Exporter.export(document.configuration, host: document.host, version: document.version, format: .global))
    }
}
