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
            """)

    @OptionGroup var options: ConfigurationOptions

    @Flag(help: "Print the verdict as JSON.")
    var json = false

    func run() throws {
        let profile = try options.load()
        let report = Checker.for(profile.version).check(profile.configuration, on: profile.host)
        Console.output(json ? ReportText.json(report, version: profile.version) : ReportText.human(report, version: profile.version))
        if !report.isAccepted { throw ExitCode(CLIFailure.rejected) }
    }
}
