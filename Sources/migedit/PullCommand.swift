import ArgumentParser
import MigrationCore
import QMPClient

/// `migedit pull`: the settings of a running QEMU, read over QMP, as a profile.
struct PullCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pull",
        abstract: "Print a running QEMU's migration settings as a profile, read over its QMP socket.",
        discussion: """
            The release comes from query-version, the settings from query-migrate-capabilities \
            and query-migrate-parameters, the -global properties from HMP's info migrate, and \
            the host facts QMP can tell from query-kvm (kvm, \
            and dirty-ring=off without KVM), query-status and query-migrate (incoming: pending \
            for a QEMU started with -incoming, started once it listens). A migration in progress \
            is noted on stderr. Exit 2 when the socket cannot be reached or is not QMP.

            Examples:
              migedit pull --qmp /run/qemu/vm1.qmp > vm1.json
              migedit pull --qmp tcp:127.0.0.1:4444
            """)

    @OptionGroup var target: QMPTargetOptions

    func run() throws {
        let snapshot = try target.attach().snapshot
        Console.output(snapshot.profile.json)
        if snapshot.migrationStatus != "none" {
            Console.error("migedit: note: QEMU \(snapshot.qemuVersion) reports migration status \(snapshot.migrationStatus)")
        }
    }
}

/// The options naming the running QEMU a command talks to.
struct QMPTargetOptions: ParsableArguments {
    @Option(help: ArgumentHelp(
        "QEMU's QMP socket: unix:PATH, PATH, or tcp:127.0.0.1:PORT (start QEMU with -qmp unix:PATH,server=on,wait=off).",
        valueName: "SOCKET"), completion: .file())
    var qmp: String

    @Option(help: "Seconds to wait for each answer from QEMU.")
    var timeout = 5.0

    /// Connects and reads QEMU's settings, with `host` for the facts QMP cannot tell; any
    /// failure is bad input (exit 2, one line).
    func attach(host: Host = .standard) throws -> (qemu: LiveQEMU, snapshot: LiveSnapshot) {
        do {
            let qemu = try LiveQEMU(attachingTo: qmp, timeout: timeout)
            return (qemu, try qemu.snapshot(host: host))
        } catch {
            throw CLIFailure.badInput(error.message)
        }
    }
}
