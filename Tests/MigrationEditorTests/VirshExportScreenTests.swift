import MigrationCore
import Testing
@testable import MigrationEditor

@Suite("The export screen's virsh format")
struct VirshExportScreenTests {
    private func text(_ state: EditorState) -> String {
        let screen = render(state, size: state.size, monochrome: false)
        return (0..<screen.size.rows).map { screen.text(ofRow: $0) }.joined(separator: "\n")
    }

    @Test func tabReachesVirshAfterJSONAndWritesIt() {
        var state = EditorState.fresh(profilePath: "p.json")
        state.press(Keys.toggle("multifd") + Keys.toggle("postcopy-ram") + [.character("e"), .tab, .tab, .tab, .tab])
        #expect(state.mode.exportView?.format == .virsh)
        let screen = text(state)
        #expect(screen.contains("[virsh]"))
        #expect(screen.contains("--postcopy --parallel --p2p --tunnelled"))
        #expect(screen.contains("libvirt cannot set events=off"))
        #expect(state.press(.character("w"), .enter) == [.writeExport(path: "p.virsh", contents: "--postcopy --parallel --p2p --tunnelled\n")])
        state.press(.tab)
        #expect(state.mode.exportView?.format == .global, "Tab wraps around to -global")
    }
}
