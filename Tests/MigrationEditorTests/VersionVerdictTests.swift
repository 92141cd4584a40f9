import MigrationCore
import Testing
@testable import MigrationEditor

@Suite("Version picker verdicts")
struct VersionVerdictTests {
    private func picker(after keys: [Key], version: QEMUVersion = .standard) throws -> (EditorState, VersionPicker) {
        var state = EditorState.fresh(size: Size(columns: 120, rows: 40), version: version)
        state.press(keys + [.character("v")])
        guard case .pickVersion(let picker) = state.mode else { throw PickerNotOpen() }
        return (state, picker)
    }

    private struct PickerNotOpen: Error {}

    @Test func eachReleaseJudgesTheSettingsWithItsOwnChecker() throws {
        let (_, picker) = try picker(after: Keys.toggle("postcopy-ram") + Keys.toggle("multifd"))
        for version in QEMUVersion.allCases {
            let expected = version >= .v8_1 && version < .v10_1 ? "Postcopy is not yet compatible with multifd" : nil
            #expect(picker.firstError(in: version) == expected, "QEMU \(version)")
        }
    }

    @Test func aReleaseJudgesTheDocumentWithoutTheSettingsItLacks() throws {
        let (state, picker) = try picker(after: Keys.toggle("compress") + Keys.toggle("multifd"))
        #expect(state.report.firstError?.message == "Multifd is not compatible with compress")
        #expect(picker.firstError(in: .v9_0) == "Multifd is not compatible with compress")
        #expect(picker.firstError(in: .v9_1) == nil, "9.1 has no compress: a switch drops it")
    }

    @Test func theVerdictIsQEMUsFirstMessageNotJustAnyError() throws {
        let (state, picker) = try picker(
            after: Keys.toggle("postcopy-ram") + Keys.toggle("multifd") + Keys.set("xbzrle-cache-size", to: "1000"))
        #expect(picker.firstError(in: .v9_0) == state.report.firstError?.message)
        #expect(picker.firstError(in: .v10_1)?.hasPrefix("Parameter 'xbzrle_cache_size' expects a power of two") == true)
    }

    @Test func theBoxShowsTheVerdictsAndTheNotesInColumns() throws {
        let (state, _) = try picker(after: Keys.toggle("postcopy-ram") + Keys.toggle("multifd"))
        let screen = render(state, size: state.size, monochrome: false)
        let rows = (0..<state.size.rows).map(screen.text(ofRow:))
        let line = { (version: String) in rows.first { $0.contains(" \(version)  ") } ?? "" }
        #expect(line("9.0").contains("✗ Postcopy is not yet compatible with multifd  reference · RHEL 9"))
        #expect(line("9.0").contains("(current)"))
        #expect(line("10.1").contains("✓"))
        #expect(line("10.1").contains("postcopy-blocktime gets a -global property"))
        let column = { (version: String, text: String) in line(version).range(of: text).map { line(version).distance(from: line(version).startIndex, to: $0.lowerBound) } }
        #expect(column("7.2", "Debian 12") == column("9.0", "reference"), "the notes line up in one column")
    }

    @Test func aLongMessageIsCutAtEightyColumns() throws {
        var state = EditorState.fresh()
        state.press(Keys.set("xbzrle-cache-size", to: "1000") + [.character("v")])
        let screen = render(state, size: state.size, monochrome: false)
        let row = (0..<24).map(screen.text(ofRow:)).first { $0.contains(" 9.0  ") } ?? ""
        #expect(row.contains("✗ Parameter 'xbzrle_cache"))
        #expect(row.contains("…"))
        #expect(row.contains("│"), "the box's right edge stays")
    }
}
