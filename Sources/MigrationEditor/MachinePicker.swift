import MigrationCore

/// The machine-type picker: `none` (QEMU's own defaults), the aliases `q35` and `pc`, and every
/// versioned q35 and i440fx type of the document's release, each with the compat properties it
/// sets. Enter makes the highlighted one the profile's machine type, Esc keeps the old one.
public struct MachinePicker: Hashable, Sendable {
    /// The `-M` names offered, in order.
    public let names: [String]
    /// Per name: the settings whose default it changes, as `name=value`, for the picker's rows.
    let changes: [[String]]
    /// The highlighted entry's index in `names`.
    public internal(set) var selection: Int

    init(document: Profile) {
        let version = document.version
        names = [Profile.noMachine] + MachineType.Family.allCases.map(\.alias)
            + MachineType.available(in: version).map(\.name)
        changes = names.map { name in
            guard let machine = MachineType(name: name, in: version) else { return [] }
            return machine.compat(in: version).map { entry in
                "\(entry.item.item.name)=\(ValueText.display(entry.value, of: entry.item.item))"
            }
        }
        selection = names.firstIndex(of: document.host.machine ?? Profile.noMachine) ?? 0
    }

    /// The highlighted name.
    public var selected: String { names[selection] }

    /// The highlighted entry moved `delta` places, stopping at either end.
    mutating func move(by delta: Int) {
        selection = max(0, min(names.count - 1, selection + delta))
    }
}
