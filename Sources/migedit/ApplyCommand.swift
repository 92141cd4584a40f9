import ArgumentParser
import MigrationCore
import QMPClient

/// `migedit apply`: makes a running QEMU's settings a profile's, over QMP, sending only the
/// difference, and proves it by reading everything back.
struct ApplyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "apply",
        abstract: "Set a running QEMU's migration settings to a profile's over QMP, and read them back.",
        discussion: """
            Without PROFILE, the --set values change what QEMU runs and nothing else. The \
            profile is checked first against the running QEMU's release and the host facts \
            it reports (kvm, incoming); if QEMU would refuse it, nothing is sent (exit 1). \
            Otherwise migedit prints the difference, sends only that (migrate-set-capabilities, \
            migrate-set-parameters, in an order QEMU accepts), reads every setting back and \
            exits 1 if QEMU refused a command or did not take a value. Capability changes are \
            refused during a migration, as QEMU refuses them. -global-only properties cannot be \
            set on a running QEMU and are left out with a note. --dry-run prints the QMP \
            commands instead of sending them.

            Examples:
              migedit apply prod.json --qmp /run/qemu/vm1.qmp --dry-run
              migedit apply prod.json --qmp /run/qemu/vm1.qmp
              migedit apply --set max-bandwidth=1G --qmp tcp:127.0.0.1:4444
            """)

    @OptionGroup var options: ConfigurationOptions
    @OptionGroup var target: QMPTargetOptions

    @Flag(help: "Print the QMP commands that would be sent, and send nothing.")
    var dryRun = false

    func run() throws {
        let requested = try options.load()
        let (qemu, snapshot) = try target.attach(host: requested.host)
        try options.release.requireMatch(snapshot.version, target: "the QEMU at \(qemu.address)", reported: snapshot.qemuVersion)
        var wanted = try options.profile == nil
            ? options.apply(to: snapshot.profile, version: snapshot.version) : options.load(version: snapshot.version)
        wanted.host = snapshot.profile.host
        let report = Checker.for(snapshot.version).check(wanted.configuration, on: wanted.host)
        guard report.isAccepted else {
            Console.output(ReportText.human(report, version: snapshot.version))
            Console.error("migedit: nothing was sent to QEMU \(snapshot.qemuVersion) at \(qemu.address)")
            throw ExitCode(CLIFailure.rejected)
        }
        let plan = ApplyPlan(
            from: snapshot.profile.configuration, to: wanted.configuration, version: snapshot.version, host: wanted.host)
        Console.output(LiveText.difference(plan, target: "QEMU \(snapshot.qemuVersion) at \(qemu.address)"))
        for id in plan.propertiesLeftOut {
            Console.error("migedit: note: \(id.item.name) is a -global property only; a running QEMU cannot change it, so it is left out")
        }
        for (_, note) in plan.ignoredChanges(host: wanted.host) { Console.error("migedit: note: " + note) }
        if plan.isEmpty { return }
        if snapshot.isMigrating && plan.changesCapabilities {
            Console.error("migedit: QEMU is migrating (status \(snapshot.migrationStatus)): \(LiveSnapshot.migrationInProgress); nothing was sent")
            throw ExitCode(CLIFailure.rejected)
        }
        if dryRun {
            Console.output(plan.lines.joined(separator: "\n"))
            return
        }
        let outcome: LiveApplyOutcome
        do {
            outcome = try qemu.apply(plan, wanted: wanted.configuration, host: wanted.host)
        } catch {
            throw CLIFailure.badInput(error.message)
        }
        Console.output(LiveText.outcome(outcome, plan: plan))
        if !outcome.isComplete { throw ExitCode(CLIFailure.rejected) }
    }
}
