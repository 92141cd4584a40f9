extension Profile {
    /// The machine type the host names, resolved for the profile's release; nil without one,
    /// for `none` (no compat properties), and for a type the release lacks.
    public var machineType: MachineType? {
        host.machine.flatMap { MachineType(name: $0, in: version) }
    }

    /// The defaults the profile's settings are measured against: its machine type's on its
    /// release, or QEMU's own.
    public var machineDefaults: Configuration {
        machineType?.defaults(in: version) ?? Configuration()
    }

    /// Names the machine type (nil or `none`: QEMU's own defaults). Settings still at their
    /// default take the new type's; changed ones are kept. Throws, listing the known names,
    /// when the release has no such type.
    public mutating func setMachine(_ name: String?) throws(ImportError) {
        if let name, name != Profile.noMachine, MachineType(name: name, in: version) == nil {
            throw ImportError(Profile.unknownMachine(name, in: version))
        }
        host.machine = name
        configuration.rebase(onto: machineDefaults)
    }

    /// Fails when the profile names a machine type its release does not have.
    public func checkMachine() throws(ImportError) {
        if let name = host.machine, name != Profile.noMachine, machineType == nil {
            throw ImportError(Profile.unknownMachine(name, in: version))
        }
    }

    /// `-M none`: no machine, so no compat properties.
    public static let noMachine = "none"

    static func unknownMachine(_ name: String, in version: QEMUVersion) -> String {
        "QEMU \(version) has no machine type '\(name)'; known: "
            + ([noMachine] + MachineType.names(in: version)).joined(separator: ", ")
    }
}
