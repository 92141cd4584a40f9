import ArgumentParser
import MigrationCore
import QEMURunner

/// `migedit verify`: proves an exported fragment against a real QEMU binary: QEMU's verdict and
/// first message against migedit's, and every value QEMU reads back against what was exported.
struct VerifyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Run a real QEMU with the exported -global fragment, QMP and HMP commands, and compare it with migedit.",
        discussion: """
            QEMU runs without a guest (-M none -nodefaults -display none -S -qmp stdio; -M TYPE \
            with --machine or a profile's machine type) and is \
            killed if it does not finish in time. The profile release follows the binary's \
            --version. Then the same settings go over the monitor, as the QMP and HMP exports \
            write them, each to a QEMU started with nothing set, and are read back. Exit 0 when \
            QEMU and migedit agree on every path, 1 on any disagreement (each printed), 2 when \
            the binary is missing or unusable or the input is bad.

            Examples:
              migedit verify --set multifd=on --set multifd-channels=8
              migedit verify prod.json --qemu-binary /usr/bin/qemu-system-x86_64
              migedit verify --set postcopy-ram=on --set multifd=on
              migedit verify --machine pc-q35-8.2 --qemu-binary .qemu/10.0/qemu-system-x86_64
            """)

    @OptionGroup var options: ConfigurationOptions

    @Option(help: "The QEMU system emulator to run.", completion: .file())
    var qemuBinary = "qemu-system-x86_64"

    @Option(help: "Seconds before QEMU is killed.")
    var timeout = 20.0

    func run() throws {
        let (binary, version) = try QEMUBinary.probeRelease(qemuBinary)
        try options.release.requireMatch(version, target: binary.path, reported: binary.version)
        let profile = try options.load(version: version)
        let verification: Verification
        let monitors: [MonitorVerification]
        do {
            verification = try Verifier.verify(profile.configuration, host: profile.host, with: binary, timeout: timeout)
            monitors = try [ExportFormat.qmp, .hmp].map { format throws(QEMURunError) in
                try Verifier.verifyMonitor(profile.configuration, host: profile.host, with: binary, format: format, timeout: timeout)
            }
        } catch {
            throw CLIFailure.badInput(error.message)
        }
        Console.output(Self.describe(verification, profileHost: profile.host))
        for monitor in monitors { Console.output(Self.describe(monitor)) }
        if !verification.agrees || !monitors.allSatisfy(\.agrees) { throw ExitCode(CLIFailure.rejected) }
    }

    /// One monitor path: what was sent, QEMU's answer, and the agreement.
    static func describe(_ monitor: MonitorVerification) -> String {
        let name = monitor.format.rawValue.uppercased()
        var lines = ["\(name) (\(monitor.commands.count) \(monitor.commands.count == 1 ? "command" : "commands") to a QEMU started with nothing set)"]
        for note in monitor.notes { lines.append("  note:    \(note)") }
        lines.append("  QEMU:    " + (monitor.refusal.map { "refused: " + $0 } ?? "took every command"))
        if monitor.agrees {
            let kept = monitor.ignored.map(\.item.name).joined(separator: ", ")
            lines.append(monitor.refusal != nil ? "✓ agree: migedit rejects it too"
                : monitor.ignored.isEmpty ? "✓ agree: every value reads back as sent"
                : "✓ agree: every value reads back as sent but \(kept), which QEMU keeps as the note says")
        } else {
            lines.append("✗ \(monitor.disagreements.count) disagreement(s):")
            lines += monitor.disagreements.map { "  - " + $0 }
        }
        return lines.joined(separator: "\n")
    }

    static func describe(_ verification: Verification, profileHost: Host) -> String {
        let outcome = verification.outcome
        var lines = ["QEMU \(verification.binary.version) (\(verification.binary.path)), migedit profile \(verification.version)"]
        let words = verification.arguments.map(ShellWords.quote).joined(separator: " ")
        lines.append("  ran:     \(QEMURunner.baseArguments(machine: verification.host.machine).joined(separator: " ")) \(words.isEmpty ? "(no -global)" : words)")
        let checker = Checker.for(verification.version)
        if verification.host != profileHost,
            checker.check(verification.passed, on: profileHost).firstError?.message
                != verification.predicted.firstError?.message
        {
            lines.append("  note:    QEMU ran with TCG and no -incoming, so kvm=off, dirty-ring=off and incoming=no were assumed")
        }
        for id in verification.notPassed {
            lines.append("  note:    \(id.item.name) has no -global property; it was not passed and not predicted")
        }
        lines.append("  QEMU:    " + (outcome.isAccepted ? "accepted" : "rejected: " + (outcome.firstError ?? "exit \(outcome.exitStatus)")))
        lines.append("  migedit: " + (verification.predicted.firstError.map { "rejected: " + $0.message } ?? "accepted"))
        for warning in outcome.warnings { lines.append("  QEMU warned: \(warning)") }
        if verification.agrees {
            let values = (outcome.capabilities?.count ?? 0) + (outcome.parameters?.count ?? 0) + (outcome.globals?.count ?? 0)
            lines.append(outcome.isAccepted
                ? "✓ agree: same verdict, \(values) values read back as exported"
                : "✓ agree: same verdict and message")
        } else {
            lines.append("✗ \(verification.disagreements.count) disagreement(s):")
            lines += verification.disagreements.map { "  - " + $0 }
        }
        return lines.joined(separator: "\n")
    }
}
