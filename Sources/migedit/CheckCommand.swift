import ArgumentParser
import MigrationCore

/// `migedit check`: QEMU's verdict on a configuration, every broken rule, QEMU's first error.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check a configuration against every rule of a QEMU release (9.0 by default).",
        discussion: """
            Exit 0 when QEMU would accept it (warnings allowed), 1 when it would refuse it, 2 on \
            bad input.

            Examples:
              migedit check --set postcopy-ram=on --set multifd=on
              migedit check prod.json --host kvm=off --json
              migedit check --set x-xbzrle=on --set xbzrle-cache-size=1000
              migedit check --qemu 10.1 --set postcopy-ram=on --set multifd=on
              migedit check --set postcopy-ram=on --set multifd=on --suggest
              migedit check --set x-xbzrle=on --set xbzrle-cache-size=1000 --suggest --json

            --suggest prints up to three fixes under each diagnostic: the fewest --set or --host \
            changes that clear it without adding an error (settings before host facts, keeping \
            the latest --set when it can), then the QEMU releases that accept the configuration \
            as is; with --json, "fixes" and "accepted_by".
            """)

    @OptionGroup var options: ConfigurationOptions

    @Flag(help: "Print the verdict as JSON.")
    var json = false

    @Flag(help: "Print fixes under each diagnostic, and the releases that accept the configuration as is.")
    var suggest = false

    func run() throws {
        let profile = try options.load()
        let report = Checker.for(profile.version).check(profile.configuration, on: profile.host)
        let suggestions = suggest ? FixSuggestions(report, for: profile, recent: recentItems(in: profile.version)) : nil
        Console.output(
            json
                ? ReportText.json(report, version: profile.version, suggestions: suggestions)
                : ReportText.human(report, version: profile.version, suggestions: suggestions))
        if !report.isAccepted { throw ExitCode(CLIFailure.rejected) }
    }

    /// The settings `--set` changed, the last one first: the fixes keep them if they can.
    private func recentItems(in version: QEMUVersion) -> [ItemID] {
        let catalog = Catalog.for(version)
        return options.assignments.reversed().compactMap { assignment in
            catalog.item(named: String(assignment.prefix { $0 != "=" }))?.id
        }
    }
}
