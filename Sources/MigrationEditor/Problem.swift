import MigrationCore

/// One thing wrong with the configuration as the user reads it: a message QEMU prints, with
/// every check that prints it. QEMU makes some checks twice (zero-copy-send's, once in
/// `migrate_params_check` and once in `migrate_caps_check`), and the same sentence listed twice
/// reads as two things to fix; so the editor shows it once and says it is checked twice.
/// `check --json` keeps one diagnostic per check.
public struct Problem: Hashable, Sendable {
    /// The diagnostics with this message and severity, in QEMU's order; never empty.
    public let diagnostics: [Diagnostic]
    /// QEMU prints this one first when it starts (and stops there).
    public let isQEMUFirst: Bool

    /// QEMU's message.
    public var message: String { diagnostics[0].message }
    public var severity: Severity { diagnostics[0].severity }
    public var isError: Bool { severity == .error }

    /// Every setting and host fact the checks blame, each once, in the order they name them;
    /// the first is where Enter in the problems list goes.
    public var subjects: [Subject] {
        var seen: [Subject] = []
        for subject in diagnostics.flatMap(\.subjects) where !seen.contains(subject) { seen.append(subject) }
        return seen
    }

    /// "QEMU checks this twice: in migrate_params_check (rule …) and migrate_caps_check (rule …)",
    /// or nil when one check prints the message.
    var repeatNote: String? {
        guard let times = timesChecked else { return nil }
        let places = diagnostics.map { "\($0.rule.phase.checkName) (rule \($0.ruleID))" }
        return "QEMU checks this \(times): in " + places.dropLast().joined(separator: ", ") + " and " + places.last!
    }

    /// "twice" (or "3 times") when several checks print the message; nil for one.
    var timesChecked: String? {
        switch diagnostics.count {
        case 1: return nil
        case 2: return "twice"
        default: return "\(diagnostics.count) times"
        }
    }

    /// The rules behind it, for the line under a problem: "rule a" or "rules a and b".
    var rulesText: String {
        let ids = diagnostics.map(\.ruleID)
        return ids.count == 1 ? "rule \(ids[0])" : "rules " + ids.dropLast().joined(separator: ", ") + " and " + ids.last!
    }

    /// Diagnostics grouped by message and severity, keeping the order of each group's first.
    static func grouping(_ diagnostics: [Diagnostic], first: Diagnostic? = nil) -> [Problem] {
        var groups: [[Diagnostic]] = []
        for diagnostic in diagnostics {
            if let index = groups.firstIndex(where: { $0[0].message == diagnostic.message && $0[0].severity == diagnostic.severity }) {
                groups[index].append(diagnostic)
            } else {
                groups.append([diagnostic])
            }
        }
        return groups.map { Problem(diagnostics: $0, isQEMUFirst: first.map($0.contains) ?? false) }
    }

    /// The report's problems as every list shows them: QEMU's first error, the other errors,
    /// then the warnings.
    static func problems(in report: Report) -> [Problem] {
        let problems = grouping(report.diagnostics, first: report.firstError)
        return problems.filter(\.isQEMUFirst)
            + problems.filter { $0.isError && !$0.isQEMUFirst }
            + problems.filter { !$0.isError }
    }
}
