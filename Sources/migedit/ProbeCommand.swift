import ArgumentParser
import MigrationCore
import QEMURunner

/// `migedit probe`: asks a real QEMU which release it is and which host facts its build and this
/// machine have, so checks use measured facts instead of migedit's defaults.
struct ProbeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "probe",
        abstract: "Ask a real QEMU for its release and host facts; print them as a profile or --host options.",
        discussion: """
            QEMU runs without a guest (-M none -nodefaults -display none -S -qmp stdio), up to \
            three times: with -incoming defer, where postcopy-ram (userfaultfd), \
            background-snapshot (write tracking), x-colo (replication), block (live block \
            migration) and xbzrle-cache-size (the smallest size accepted is the target page size) \
            are each tried over QMP and reset; with -accel kvm; and with -accel \
            kvm,dirty-ring-size=4096. compression-methods comes from QEMU's QAPI schema. -M none has no \
            guest RAM, so write-tracking=compatible means the kernel supports it; a guest's memory \
            can still make background-snapshot refuse. Releases without the block capability \
            (9.1 and later) report live-block-migration=off. incoming is not probed. Exit 2 when \
            the binary is missing, is not a QEMU, or is a release migedit has no profile for, \
            or when --machine names a machine type that release lacks (with it, the profile \
            also names the machine type).

            Examples:
              migedit probe > host.json
              migedit probe --qemu-binary /usr/bin/qemu-system-x86_64 --format flags
              migedit check prod.json $(migedit probe --format flags)
            """)

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case profile, flags
    }

    @Option(help: "The QEMU system emulator to ask.", completion: .file())
    var qemuBinary = "qemu-system-x86_64"

    @Option(help: "profile (a migedit profile with only host facts) or flags (--host FACT=VALUE words).")
    var format: Format = .profile

    @Option(help: "Seconds before each QEMU run is killed.")
    var timeout = 20.0

    @OptionGroup var machine: MachineOption

    func run() throws {
        var probe: HostProbe
        do {
            probe = try HostProbe.probe(try QEMUBinary.probe(qemuBinary), timeout: timeout)
        } catch {
            throw CLIFailure.badInput(error.message)
        }
        var profile = Profile(host: probe.host, version: probe.version)
        try machine.apply(to: &profile)
        probe.host.machine = profile.host.machine
        switch format {
        case .profile: Console.output(probe.profileJSON)
        case .flags: Console.output(probe.hostOptions.joined(separator: " "))
        }
    }
}
