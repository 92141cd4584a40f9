import ArgumentParser

/// The `migedit` command: the editor by default, plus batch subcommands that share its checker.
struct Migedit: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "migedit",
        abstract: "Edit, check and export QEMU 9.0 live-migration settings.",
        discussion: """
            Every check QEMU applies to migration capabilities and parameters, with QEMU's own \
            messages, before you start QEMU.

            Examples:
              migedit                                   open the editor
              migedit check --set postcopy-ram=on --set multifd=on
              migedit export prod.json --format global
              migedit import --from cmdline qemu-cmdline.txt > prod.json
              migedit explain postcopy-ram-vs-multifd

            Exit codes: 0 accepted, 1 rejected by QEMU's rules, 2 bad input.
            """,
        subcommands: [EditCommand.self, CheckCommand.self, ExportCommand.self, ImportCommand.self, ExplainCommand.self, VerifyCommand.self, VersionsCommand.self],
        defaultSubcommand: EditCommand.self)
}
