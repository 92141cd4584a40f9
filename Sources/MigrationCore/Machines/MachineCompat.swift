/// One `{ "migration", property, value }` entry of a `hw_compat_X_Y` array in QEMU's
/// `hw/core/machine.c`: machine types X.Y and older set `item` to `value` before any `-global`
/// the user gives. Read at every release tag from 7.2 to 10.2; the x86 machine files
/// (hw/i386/pc.c `pc_compat_*`, pc_piix.c, pc_q35.c) set nothing on the migration object.
public struct MachineCompat: Hashable, Sendable {
    /// The array's name in machine.c, for `explain` and the editor.
    public let array: String
    /// The newest machine version the entry applies to.
    public let upTo: MachineVersion
    public let item: ItemID
    /// The value exactly as machine.c writes it (`"legacy"`, `"true"`, `"off"`).
    public let text: String
    /// The releases whose machine.c has the entry.
    public let releases: VersionRange

    /// The entry's value, parsed as QEMU parses the string for the property's type.
    public var value: Value {
        guard case .success(let value) = ValueParser.parse(text, as: item.item.type, name: item.item.name) else {
            preconditionFailure("machine.c's \(array) value '\(text)' does not parse for \(item.item.name)")
        }
        return value
    }

    /// Every migration entry of every release.
    public static let all: [MachineCompat] = [
        MachineCompat(array: "hw_compat_9_2", upTo: MachineVersion(9, 2), item: .multifdCleanTlsTermination,
                      text: "false", releases: .since(.v10_0)),
        MachineCompat(array: "hw_compat_9_2", upTo: MachineVersion(9, 2), item: .sendSwitchoverStart,
                      text: "off", releases: .since(.v10_0)),
        MachineCompat(array: "hw_compat_8_2", upTo: MachineVersion(8, 2), item: .zeroPageDetection,
                      text: "legacy", releases: .since(.v9_0)),
        MachineCompat(array: "hw_compat_8_0", upTo: MachineVersion(8, 0), item: .multifdFlushAfterEachSection,
                      text: "on", releases: .since(.v8_1)),
        MachineCompat(array: "hw_compat_7_2", upTo: MachineVersion(7, 2), item: .xPreemptPre72,
                      text: "true", releases: .since(.v8_0)),
        MachineCompat(array: "hw_compat_2_12", upTo: MachineVersion(2, 12), item: .decompressErrorCheck,
                      text: "off", releases: .until(.v9_0)),
        MachineCompat(array: "hw_compat_2_3", upTo: MachineVersion(2, 3), item: .sendConfiguration,
                      text: "off", releases: .until(.v9_1)),
        MachineCompat(array: "hw_compat_2_3", upTo: MachineVersion(2, 3), item: .sendSectionFooter,
                      text: "off", releases: .until(.v9_1)),
        MachineCompat(array: "hw_compat_2_3", upTo: MachineVersion(2, 3), item: .storeGlobalState,
                      text: "off", releases: .until(.v9_1)),
    ]
}

extension MachineType {
    /// The compat entries this type applies on `release`, in machine.c's order.
    public func compat(in release: QEMUVersion) -> [MachineCompat] {
        MachineCompat.all.filter { $0.releases.contains(release) && version <= $0.upTo }
    }

    /// QEMU's defaults under this type on `release`: the catalog's, with the compat values.
    public func defaults(in release: QEMUVersion) -> Configuration {
        var defaults = Configuration()
        for entry in compat(in: release) { defaults[entry.item] = entry.value }
        return Configuration(defaults: defaults.values)
    }
}
