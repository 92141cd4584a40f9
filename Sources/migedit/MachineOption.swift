import ArgumentParser
import MigrationCore

/// `--machine TYPE`: the machine type QEMU runs, whose compat properties are the defaults the
/// configuration is measured against. Checked against the release once that is known.
struct MachineOption: ParsableArguments {
    @Option(name: .customLong("machine"), help: ArgumentHelp(
        "The machine type (-M) QEMU runs, e.g. pc-q35-8.2: its compat properties are the defaults; "
            + "q35 and pc are the release's newest, none has no compat properties.",
        valueName: "TYPE"))
    var name: String?

    /// `profile` under the named machine type (or its own when none is named); an unknown type
    /// for the profile's release is bad input naming the known ones.
    func apply(to profile: inout Profile) throws {
        do {
            try profile.setMachine(name ?? profile.host.machine)
        } catch {
            throw CLIFailure.badInput(error.message)
        }
    }
}
