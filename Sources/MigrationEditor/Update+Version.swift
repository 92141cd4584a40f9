import MigrationCore

extension Profile {
    /// How a lost value reads in the status row: its name, or `name=choice` when the release has
    /// the setting but not the choice.
    func lostLabel(_ id: ItemID, movingTo version: QEMUVersion) -> String {
        guard Release.for(version).catalog.contains(id) else { return id.item.name }
        return "\(id.item.name)=\(ValueText.display(configuration[id], of: item(id)))"
    }
}

extension EditorState {
    /// `v`: opens the version picker on the document's release.
    mutating func openVersionPicker() {
        pane = .list
        mode = .pickVersion(VersionPicker(selection: document.version, document: document))
    }

    /// Keys of the version picker: arrows or j/k move, Enter switches, Esc (or v, q) cancels.
    mutating func handleVersionPicker(_ key: Key, _ picker: VersionPicker) -> [EditorEffect] {
        var picker = picker
        switch key {
        case .enter:
            mode = .list
            switchVersion(to: picker.selection)
            return []
        case .escape, .character("v"), .character("q"):
            mode = .list
            status = .info("Still QEMU \(document.version)")
            return []
        default:
            let count = QEMUVersion.allCases.count
            if let step = key.listStep(count: count, page: count) { picker.move(by: step) }
        }
        mode = .pickVersion(picker)
        return []
    }

    /// Makes the document one for `version` as a single undoable step: every value that release
    /// has is kept, the others go back to their defaults, and the status row names them.
    mutating func switchVersion(to version: QEMUVersion) {
        guard version != document.version else {
            status = .info("Already editing for QEMU \(version)")
            return
        }
        let (moved, lost) = document.moved(to: version)
        var labels = lost.map { document.lostLabel($0, movingTo: version) }
        if let machine = document.host.machine, moved.host.machine == nil { labels.append("machine type \(machine)") }
        change("switch to QEMU \(version)") { $0 = moved }
        status = .info(labels.isEmpty
            ? "QEMU \(version): nothing dropped, every value carries over"
            : "QEMU \(version): dropped \(labels.joined(separator: ", ")) (not in \(version))")
    }
}
