import MigrationCore
import Testing
@testable import MigrationEditor

/// A multifd-compression choice the QEMU build lacks is shown as unavailable, with QEMU's own
/// words for it, and the host fact that says what the build has is editable like any other.
@Suite("Choices the build lacks")
struct BuildChoiceTests {
    static func screenText(_ state: EditorState) -> String {
        let screen = render(state, size: Size(columns: 120, rows: 40), monochrome: false)
        return (0..<screen.size.rows).map { screen.text(ofRow: $0) }.joined(separator: "\n")
    }

    @Test func theDetailPaneNamesEachMissingMethodInQEMUsWords() {
        var state = EditorState.fresh(size: Size(columns: 120, rows: 40), version: .v10_0)
        state.press(Keys.find("multifd-compression"))
        let text = Self.screenText(state)
        for missing in ["qatzip", "qpl", "uadk"] {
            #expect(text.contains("! \(missing) would add: Parameter 'multifd-compression' does not"), "\(text)")
            #expect(text.contains("accept value '\(missing)'"), "\(text)")
        }
        #expect(!text.contains("zstd would add"))
        #expect(state.analysis.mark(of: subject("multifd-compression")) == .whatIf)
    }

    @Test func statingTheMethodMakesItAvailable() {
        var state = EditorState.fresh(size: Size(columns: 120, rows: 40), version: .v10_0)
        state.press(Keys.set("host.compression-methods", to: "zstd,qpl"))
        #expect(state.document.host.compressionMethods == [.zstd, .qpl])
        state.press(Keys.find("multifd-compression"))
        let text = Self.screenText(state)
        #expect(!text.contains("qpl would add"))
        #expect(text.contains("uadk would add"))
    }

    @Test func choosingAMissingMethodIsAnErrorOnTheItemAndTheFact() {
        var state = EditorState.fresh(size: Size(columns: 120, rows: 40), version: .v10_0)
        state.press(Keys.find("multifd-compression") + Array(repeating: Key.character(" "), count: 4))
        #expect(state["multifd-compression"] == .choice("qpl"))
        #expect(state.analysis.report.firstError?.message == "Parameter 'multifd-compression' does not accept value 'qpl'")
        #expect(state.analysis.mark(of: subject("multifd-compression")) == .error)
        #expect(state.analysis.mark(of: .host(.compressionMethods)) == .error)
    }
}
