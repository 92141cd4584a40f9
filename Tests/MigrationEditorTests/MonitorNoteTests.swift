import MigrationCore
import Testing
@testable import MigrationEditor

/// QEMU 7.2 to 8.2 answer success to `multifd-zstd-level` over QMP and HMP but keep the old
/// value: the export screen says so under the QMP and HMP exports, as `migedit export` does on
/// stderr, and not under the `-global` one, which works.
@Suite("Monitor quirks on the export screen")
struct MonitorNoteTests {
    static let note = "multifd-zstd-level=5 is accepted but not applied by QEMU 7.2's"

    static func screen(format tabs: Int) -> String {
        var state = EditorState.fresh(size: Size(columns: 120, rows: 40), version: .v7_2)
        state.press(Keys.set("multifd-zstd-level", to: "5") + [.character("e")] + Array(repeating: Key.tab, count: tabs))
        let screen = render(state, size: state.size, monochrome: false)
        return (0..<screen.size.rows).map(screen.text(ofRow:)).joined(separator: "\n")
    }

    @Test func qmpAndHMPExportsCarryTheNote() {
        let qmp = Self.screen(format: 1)
        #expect(qmp.contains("migrate-set-parameters"), "\(qmp)")
        #expect(qmp.contains(Self.note), "\(qmp)")
        let hmp = Self.screen(format: 2)
        #expect(hmp.contains("migrate_set_parameter multifd-zstd-level 5"), "\(hmp)")
        #expect(hmp.contains(Self.note), "\(hmp)")
    }

    @Test func theGlobalExportWorksAndSaysNothing() {
        let global = Self.screen(format: 0)
        #expect(global.contains("-global migration.multifd-zstd-level=5"))
        #expect(!global.contains("not applied"))
    }
}
