import MigrationCore
import Testing
@testable import MigrationEditor

@Suite("The machine-type picker")
struct MachinePickerTests {
    private func screenText(_ state: EditorState) -> String {
        let screen = render(state, size: state.size, monochrome: false)
        return (0..<screen.size.rows).map { screen.text(ofRow: $0) }.joined(separator: "\n")
    }

    /// `M`, then Down until `name` is highlighted, then Enter.
    private func pick(_ name: String, in state: EditorState) -> [Key] {
        let picker = MachinePicker(document: state.document)
        let steps = picker.names.firstIndex(of: name)! - picker.selection
        return [.character("M")] + Array(repeating: Key.down, count: steps) + [.enter]
    }

    @Test func pickingAnOldTypeMakesItsCompatValuesTheDefaultsAndShowsItInTheTitle() {
        var state = EditorState.fresh(version: .v10_0)
        _ = state.press(.character("M"))
        let open = screenText(state)
        #expect(open.contains("Machine type · QEMU 10.0"))
        #expect(open.contains("none") && open.contains("QEMU's own defaults") && open.contains("(current)"))
        _ = state.press(Array(pick("pc-q35-8.2", in: state).dropFirst()))
        #expect(state.document.host.machine == "pc-q35-8.2")
        #expect(state.document.configuration[.zeroPageDetection] == .choice("legacy"))
        #expect(state.isModified, "a new machine type is an unsaved change")
        #expect(state.document.configuration.changedItems.isEmpty, "nothing to export: the machine type sets them")
        let screen = screenText(state)
        #expect(screen.hasPrefix(" migedit · QEMU 10.0 · pc-q35-8.2 · new profile (modified)"))
        #expect(screen.contains("machine type pc-q35-8.2: now zero-page-detection=legacy,"))
        _ = state.press(.character("u"))
        #expect(state.document.host.machine == nil && state.document.configuration[.zeroPageDetection] == .choice("multifd"))
    }

    @Test func thePickerListsWhatEachTypeChanges() {
        var state = EditorState.fresh(version: .v9_0)
        _ = state.press(.character("M"))
        guard case .pickMachine(let picker) = state.mode else {
            Issue.record("M did not open the picker")
            return
        }
        #expect(picker.names.prefix(4) == ["none", "q35", "pc", "pc-q35-9.0"])
        let index = picker.names.firstIndex(of: "pc-q35-8.2")!
        #expect(picker.changes[index] == ["zero-page-detection=legacy"])
        #expect(picker.changes[picker.names.firstIndex(of: "pc-q35-9.0")!].isEmpty)
        _ = state.press(.escape)
        #expect(state.mode == .list && state.document.host.machine == nil)
    }

    @Test func aReleaseWithoutTheMachineTypeDropsIt() {
        var state = EditorState.fresh(version: .v10_0)
        state.press(pick("pc-q35-10.0", in: state))
        let steps = QEMUVersion.allCases.firstIndex(of: .v10_0)! - QEMUVersion.allCases.firstIndex(of: .v9_0)!
        state.press([.character("v")] + Array(repeating: Key.up, count: steps) + [.enter])
        #expect(state.document.version == .v9_0 && state.document.host.machine == nil)
        #expect(state.status?.text == "QEMU 9.0: dropped machine type pc-q35-10.0 (not in 9.0)")
        #expect((try? Profile(json: state.document.json)) == state.document, "the profile still opens")
    }

    @Test func theDetailPaneShowsTheMachineTypesDefault() {
        var state = EditorState.fresh(version: .v9_0)
        _ = state.press(pick("pc-q35-8.2", in: state) + Keys.find("zero-page-detection"))
        #expect(screenText(state).contains("now legacy (the default)"))
        _ = state.press(.character(" "))
        #expect(screenText(state).contains("now multifd (changed; default"))
        #expect(state.document.configuration.changedItems == [.zeroPageDetection])
    }
}
