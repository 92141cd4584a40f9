import ArgumentParser

/// The `migedit` command: the editor by default, plus batch subcommands that share its checker.
struct Migedit: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "migedit",
        abstract: "Edit, check and export QEMU live-migration settings (QEMU 7.2 to 10.2).",
        discussion: """
            Every check QEMU applies to migration capabilities and parameters, with QEMU's own \
            messages, before you start QEMU.

            Examples:
              migedit                                   open the editor
              migedit check --set postcopy-ram=on --set multifd=on
              eval "qemu-system-x86_64 ... $(migedit export prod.json)"
              migedit import --from cmdline qemu-cmdline.txt > prod.json
              migedit explain postcopy-ram-vs-multifd

            Exit codes: 0 accepted, 1 rejected by QEMU's rules, 2 bad input.
            """,
        subcommands: [EditCommand.self, CheckCommand.self, ExportCommand.self, ImportCommand.self, ExplainCommand.self, VerifyCommand.self, ProbeCommand.self, VersionsCommand.self],
        defaultSubcommand: EditCommand.self)
}
