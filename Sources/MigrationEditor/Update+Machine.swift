import MigrationCore

extension EditorState {
    /// `M`: opens the machine-type picker on the document's machine type.
    mutating func openMachinePicker() {
        pane = .list
        mode = .pickMachine(MachinePicker(document: document))
    }

    /// Keys of the machine picker: arrows or j/k move, PgUp/PgDn page, Enter switches, Esc (or
    /// M, q) cancels.
    mutating func handleMachinePicker(_ key: Key, _ picker: MachinePicker) -> [EditorEffect] {
        var picker = picker
        let page = max(1, Layout(size: size).listHeight - 2)
        switch key {
        case .enter:
            mode = .list
            switchMachine(to: picker.selected)
            return []
        case .escape, .character("M"), .character("q"):
            mode = .list
            status = .info("Still \(machineLabel(document.host.machine))")
            return []
        default:
            if let step = key.listStep(count: picker.names.count, page: page) { picker.move(by: step) }
        }
        mode = .pickMachine(picker)
        return []
    }

    /// Makes `name` the document's machine type as one undoable step: settings at their default
    /// take the new type's, changed ones stay, and the status row names the defaults that moved.
    mutating func switchMachine(to name: String) {
        let target = name == Profile.noMachine ? nil : name
        guard target != document.host.machine else {
            status = .info("Already \(machineLabel(target))")
            return
        }
        let before = document.configuration
        change("machine type \(name)") { try? $0.setMachine(target) }
        let moved = ItemID.allCases.filter { before[$0] != document.configuration[$0] }.map { id in
            "\(id.item.name)=\(ValueText.display(document.configuration[id], of: id.item))"
        }
        status = .info("\(machineLabel(target)): " + (moved.isEmpty ? "no default changed" : "now " + moved.joined(separator: ", ")))
    }

    /// "machine type pc-q35-8.2", or "no machine type" for QEMU's own defaults.
    func machineLabel(_ name: String?) -> String {
        name.map { "machine type \($0)" } ?? "no machine type (QEMU's own defaults)"
    }
}
