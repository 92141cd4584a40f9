import MigrationCore
import Testing
@testable import MigrationEditor

@Suite("Export screen")
struct ExportScreenTests {
    /// The rows of the export screen's body (between the separator and the status row).
    private func body(_ state: EditorState) -> [String] {
        let screen = render(state, size: state.size, monochrome: false)
        return (3..<(state.size.rows - 2)).map(screen.text(ofRow:))
    }

    /// Enough settings for a QMP line far wider than 80 columns.
    private static let longLines: [Key] =
        Keys.toggle("multifd") + Keys.toggle("events") + Keys.toggle("return-path") + Keys.toggle("switchover-ack")
        + Keys.toggle("auto-converge") + Keys.toggle("release-ram")

    @Test func aRejectedConfigurationIsSaidPlainlyAndStillWritten() {
        var state = EditorState.fresh(profilePath: "p.json")
        state.press(Scenario.conflict + [.character("e")])
        let rows = body(state)
        #expect(rows[0].hasPrefix(" ✗ QEMU 9.0 rejects this configuration: Postcopy is not yet compatible with"))
        #expect(rows[1].hasPrefix(" multifd "))
        #expect(rows[2].contains("w still writes it"))
        #expect(state.press(.character("w"), .enter) == [.writeExport(
            path: "p.args", contents: "-global migration.x-postcopy-ram=on -global migration.x-multifd=on\n")])
        _ = update(&state, .exported(path: "p.args"))
        #expect(state.status?.text == "Wrote the export to p.args (QEMU 9.0 would reject it: 1 error)")
    }

    @Test func anAcceptedConfigurationHasNoRejectionLine() {
        var state = EditorState.fresh()
        state.press(Keys.toggle("multifd") + [.character("e")])
        #expect(body(state)[0] == " -global migration.x-multifd=on" + String(repeating: " ", count: 49))
        _ = update(&state, .exported(path: "e.args"))
        #expect(state.status?.text == "Wrote the export to e.args")
    }

    @Test func longLinesAreCutWithAMarkerNeverWrapped() throws {
        var state = EditorState.fresh()
        state.press(Self.longLines + [.character("e"), .tab])
        let qmp = try #require(state.mode.exportView?.export.text)
        let exported = qmp.split(separator: "\n").map(String.init)
        let rows = body(state).map { String($0.dropFirst()).replacingOccurrences(of: " +$", with: "", options: .regularExpression) }
        let long = try #require(exported.first { $0.count > 78 })
        let shown = try #require(rows.first { long.hasPrefix(String($0.dropLast())) && $0.count > 1 })
        #expect(shown.count == 78 && shown.hasSuffix("→"), "cut at the edge with a marker: \(shown)")
        for row in rows where !row.isEmpty {
            let text = row.hasSuffix("→") ? String(row.dropLast()) : row
            #expect(exported.contains { $0.hasPrefix(text) }, "every row starts a line of the export: \(row)")
        }
    }

    @Test func leftAndRightScrollSidewaysUntilTheEndShows() throws {
        var state = EditorState.fresh()
        state.press(Self.longLines + [.character("e"), .tab])
        let view = try #require(state.mode.exportView)
        let longest = try #require(view.export.text.split(separator: "\n").map(String.init).max { $0.count < $1.count })
        state.press(.right)
        #expect(state.mode.exportView?.column == 39)
        #expect(state.mode.exportView?.format == .qmp, "Right scrolls, Tab changes the format")
        for _ in 0..<20 { state.press(.character("l")) }
        let end = try #require(state.mode.exportView?.column)
        #expect(end == longest.count - 77)
        let row = try #require(body(state).first { $0.hasPrefix(" ←") && $0.contains(String(longest.suffix(10))) })
        #expect(row.hasSuffix(String(longest.suffix(10)) + " "), "the end of the longest line shows: \(row)")
        state.press(.left, .character("h"))
        #expect(state.mode.exportView?.column == end - 78)
        for _ in 0..<20 { state.press(.left) }
        #expect(state.mode.exportView?.column == 0)
    }

    @Test func theMarkersAreMuted() {
        var state = EditorState.fresh()
        state.press(Self.longLines + [.character("e"), .tab, .right])
        let screen = render(state, size: state.size, monochrome: false)
        let row = (3..<22).first { screen.text(ofRow: $0).hasPrefix(" ←") }!
        #expect(screen[row, 1].role == .muted)
    }

    @Test func notesShowUnderTheExport() {
        var state = EditorState.fresh()
        state.press(Keys.toggle("dirty-bitmaps") + [.character("e")])
        let rows = body(state)
        let heading = rows.firstIndex { $0.hasPrefix(" Notes:") }
        #expect(heading != nil)
        #expect(rows[(heading ?? 0) + 1].contains("△ dirty-bitmaps has no -global property"))
    }

    @Test func wholeLinesKeepEveryCharacterInView() {
        #expect(ExportScreen.visiblePart(of: "abcdef", from: 0, width: 6).text == "abcdef")
        #expect(ExportScreen.visiblePart(of: "abcdefgh", from: 0, width: 6).text == "abcde→")
        #expect(ExportScreen.visiblePart(of: "abcdefgh", from: 3, width: 6).text == "←defgh")
        #expect(ExportScreen.visiblePart(of: "abcdefghijkl", from: 3, width: 6).text == "←defg→")
        #expect(ExportScreen.visiblePart(of: "ab", from: 3, width: 6).text == "←")
    }
}
