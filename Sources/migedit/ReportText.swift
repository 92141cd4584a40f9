import MigrationCore

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
