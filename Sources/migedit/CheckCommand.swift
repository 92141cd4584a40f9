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

/// The two renderings of a `Report`.
enum ReportText {
    static func json(_ report: Report, version: QEMUVersion) -> String {
        let diagnostics = report.diagnostics.map { diagnostic in
            JSON.object([
                JSONMember(key: "rule", value: .string(diagnostic.ruleID)),
                JSONMember(key: "severity", value: .string(diagnostic.severity.rawValue)),
                JSONMember(key: "message", value: .string(diagnostic.message)),
                JSONMember(key: "items", value: .array(diagnostic.subjects.map { .string($0.name) })),
            ])
        }
        return JSON.object([
            JSONMember(key: "valid", value: .bool(report.isAccepted)),
            JSONMember(key: "qemu", value: .string(version.rawValue)),
            JSONMember(key: "first_error", value: report.firstError.map { .string($0.message) } ?? .null),
            JSONMember(key: "diagnostics", value: .array(diagnostics)),
        ]).serialized(pretty: true)
    }

    static func human(_ report: Report, version: QEMUVersion) -> String {
        let errors = report.errors.count, warnings = report.warnings.count
        var lines = [
            report.isAccepted
                ? "✓ accepted by QEMU \(version)" + (warnings > 0 ? " with \(plural(warnings, "warning"))" : "")
                : "✗ rejected by QEMU \(version): \(plural(errors, "error")), \(plural(warnings, "warning"))"
        ]
        for diagnostic in report.diagnostics {
            let isFirst = diagnostic == report.firstError
            let marker = isFirst ? "▶" : " "
            let label = diagnostic.severity == .error ? "error  " : "warning"
            lines.append("\(marker) \(label) \(diagnostic.message)")
            if let hint = diagnostic.hint { lines.append("          \(hint)") }
            let items = diagnostic.subjects.map(\.name).joined(separator: ", ")
            lines.append("          rule \(diagnostic.ruleID) · involves \(items)")
        }
        if report.firstError != nil {
            lines.append("▶ marks the error QEMU itself prints first.")
        }
        return lines.joined(separator: "\n")
    }

    static func plural(_ count: Int, _ noun: String) -> String {
        "\(count) \(noun)" + (count == 1 ? "" : "s")
    }
}
