import ArgumentParser
import MigrationCore

import Glibc

/// The `migedit` command: the editor by default, plus batch subcommands that share its checker.
struct Migedit: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "migedit",
        abstract: "Edit, check and export QEMU live-migration settings (QEMU \(QEMUVersion.span)).",
        discussion: """
            Every check QEMU applies to migration capabilities and parameters, with QEMU's own \
            messages, before you start QEMU.

            Examples:
              migedit                                   open the editor
              migedit check --set postcopy-ram=on --set multifd=on
              eval "qemu-system-x86_64 ... $(migedit export prod.json)"
              migedit import --from cmdline qemu-cmdline.txt > prod.json
              migedit explain postcopy-ram-vs-multifd
              migedit map --qemu 9.0 --format svg > map.svg
              migedit learn                             list the lessons
              migedit apply prod.json --qmp /run/qemu/vm1.qmp --dry-run

            """ + ReferenceText.shown { [ReferenceText.values, ReferenceText.hostFacts, ReferenceText.exitStatus] },
        version: "migedit \(version) (QEMU \(QEMUVersion.span))",
        subcommands: [EditCommand.self, CheckCommand.self, ExportCommand.self, ImportCommand.self, ExplainCommand.self, MapCommand.self, LearnCommand.self, VerifyCommand.self, PullCommand.self, ApplyCommand.self, RehearseCommand.self, PairCommand.self, ProbeCommand.self, VersionsCommand.self],
        defaultSubcommand: EditCommand.self)

    /// migedit's own version, printed by `--version`.
    static let version = "0.3.0"

    /// The subcommand names a user can type.
    static var commandNames: [String] {
        configuration.subcommands.map { $0.configuration.commandName ?? "" }
    }

    /// Refuses a first word that is meant as a command but is none: `help NONSENSE`, or a word
    /// one typo from a command that names no existing file (`chekc`), which would otherwise
    /// open the editor on a new profile of that name.
    static func refuseMistypedCommand(_ arguments: [String]) throws {
        guard let first = arguments.first, !first.hasPrefix("-"), !commandNames.contains(first) else { return }
        if first == "help" {
            if let topic = arguments.dropFirst().first, !topic.hasPrefix("-"), !commandNames.contains(topic) {
                throw CLIFailure.badInput("no command '\(topic)' to help with" + didYouMean(topic))
            }
            return
        }
        guard access(first, F_OK) != 0, !first.contains("/"), !first.contains("."),
            let command = closestName(to: first, among: commandNames)
        else { return }
        throw CLIFailure.badInput("'\(first)' is no command and no existing profile (did you mean '\(command)'?)")
    }

    private static func didYouMean(_ word: String) -> String {
        closestName(to: word, among: commandNames).map { " (did you mean '\($0)'?)" }
            ?? " (commands: \(commandNames.joined(separator: ", ")))"
    }
}
