import MigrationCore

/// How `apply` words a live apply: the difference it sends, and what QEMU made of it.
enum LiveText {
    static func difference(_ plan: ApplyPlan, target: String) -> String {
        guard !plan.isEmpty else { return "\(target) already holds these settings; nothing to send" }
        let width = plan.changes.map(\.id.item.name.count).max() ?? 0
        let count = plan.changes.count
        return (["\(target): \(count) \(count == 1 ? "change" : "changes")"] + plan.changes.map { "  " + $0.line(width: width) })
            .joined(separator: "\n")
    }

    static func outcome(_ outcome: LiveApplyOutcome, plan: ApplyPlan) -> String {
        var lines: [String] = []
        if let refusal = outcome.refusal {
            lines.append("✗ QEMU refused command \(outcome.accepted + 1) of \(plan.commands.count): \(refusal)")
        }
        if !outcome.notTaken.isEmpty {
            let width = outcome.notTaken.map(\.id.item.name.count).max() ?? 0
            lines.append("✗ QEMU did not take \(outcome.notTaken.count) of the \(plan.changes.count) changes (reads back → wanted):")
            lines += outcome.notTaken.map { "  " + $0.line(width: width) }
        }
        if outcome.isComplete {
            lines.append("✓ applied: QEMU reads back all \(plan.changes.count) changes as sent")
        }
        return lines.joined(separator: "\n")
    }
}
