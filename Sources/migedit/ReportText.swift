import MigrationCore

/// The two renderings of a `Report`, with the fixes of `check --suggest` when given.
enum ReportText {
    static func json(_ report: Report, version: QEMUVersion, suggestions: FixSuggestions? = nil) -> String {
        let diagnostics = report.diagnostics.enumerated().map { index, diagnostic in
            var members = [
                JSONMember(key: "rule", value: .string(diagnostic.ruleID)),
                JSONMember(key: "severity", value: .string(diagnostic.severity.rawValue)),
                JSONMember(key: "message", value: .string(diagnostic.message)),
                JSONMember(key: "items", value: .array(diagnostic.subjects.map { .string($0.name) })),
            ]
            if let suggestions {
                let fixes = suggestions.fixes[index].map { words in
                    JSON.object([
                        JSONMember(key: "set", value: .array(words.settings.map(JSON.string))),
                        JSONMember(key: "host", value: .array(words.hostFacts.map(JSON.string))),
                    ])
                }
                members.append(JSONMember(key: "fixes", value: .array(fixes)))
            }
            return JSON.object(members)
        }
        var members = [
            JSONMember(key: "valid", value: .bool(report.isAccepted)),
            JSONMember(key: "qemu", value: .string(version.rawValue)),
            JSONMember(key: "first_error", value: report.firstError.map { .string($0.message) } ?? .null),
            JSONMember(key: "diagnostics", value: .array(diagnostics)),
        ]
        if let suggestions {
            members.append(JSONMember(key: "accepted_by", value: .array(suggestions.acceptedBy.map { .string($0.rawValue) })))
        }
        return JSON.object(members).serialized(pretty: true)
    }

    static func human(_ report: Report, version: QEMUVersion, suggestions: FixSuggestions? = nil) -> String {
        let errors = report.errors.count, warnings = report.warnings.count
        var lines = [
            report.isAccepted
                ? "✓ accepted by QEMU \(version)" + (warnings > 0 ? " with \(plural(warnings, "warning"))" : "")
                : "✗ rejected by QEMU \(version): \(plural(errors, "error")), \(plural(warnings, "warning"))"
        ]
        for (index, diagnostic) in report.diagnostics.enumerated() {
            let isFirst = diagnostic == report.firstError
            let marker = isFirst ? "▶" : " "
            let label = diagnostic.severity == .error ? "error  " : "warning"
            lines.append("\(marker) \(label) \(diagnostic.message)")
            if let hint = diagnostic.hint { lines.append("          \(hint)") }
            let items = diagnostic.subjects.map(\.name).joined(separator: ", ")
            lines.append("          rule \(diagnostic.ruleID) · involves \(items)")
            if let fixes = suggestions?.fixes[index] {
                lines += fixes.isEmpty
                    ? ["          no fix: no change of one or two settings or host facts clears it alone"]
                    : fixes.map { "          fix: " + $0.commandLine }
            }
        }
        if report.firstError != nil {
            lines.append("▶ marks the error QEMU itself prints first.")
        }
        if let suggestions, !report.isAccepted {
            lines.append(suggestions.acceptedByLine)
        }
        return lines.joined(separator: "\n")
    }

    static func plural(_ count: Int, _ noun: String) -> String {
        "\(count) \(noun)" + (count == 1 ? "" : "s")
    }
}
