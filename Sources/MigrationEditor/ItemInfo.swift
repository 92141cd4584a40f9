import MigrationCore

/// The item view (`i`): for one entry, every rule of the release it takes part in, not only the
/// broken ones, each with its state now, the other items' values and a broken one's first fix;
/// then, for a setting, which side of the migration it belongs to and its history across
/// releases. It is menuconfig's symbol info, with the live verdict of each rule added.
public struct ItemInfo: Hashable, Sendable {
    /// The entry shown.
    public let subject: Subject
    var scroll = 0
}

/// Where a rule stands for the current document.
enum RuleState: Hashable, Sendable {
    case broken
    case satisfied
    /// The rule's trigger item is off, so QEMU does not even look at the rest.
    case notApplicable(trigger: ItemID)

    var label: String {
        switch self {
        case .broken: return "\(Marker.error) broken"
        case .satisfied: return "\(Marker.accepted) satisfied"
        case .notApplicable: return "– not applicable"
        }
    }

    var role: StyleRole {
        switch self {
        case .broken: return .error
        case .satisfied: return .normal
        case .notApplicable: return .muted
        }
    }
}

/// The item view's text. Built only while the view is open: it checks every rule of the entry
/// and walks the release history, which the per-keystroke analysis never needs.
enum ItemInfoContent {
    /// `report` and `fixes` are the document's, for each broken rule's first fix.
    static func lines(for subject: Subject, in document: Profile, report: Report, fixes: FixCache, width: Int) -> [StyledLine] {
        let version = document.version
        let rules: [Rule]
        var lines: [StyledLine] = []
        switch subject {
        case .item(let id):
            rules = RuleBook.rules(involving: id, in: version)
            let item = document.item(id)
            lines.append(wrapping: "\(item.name) · \(item.kind.rawValue) · now \(document.displayValue(of: subject))", role: .heading, width: width)
            lines.append(wrapping: "side: " + Explanation.sideText(item), indent: 2, width: width)
        case .host(let fact):
            rules = RuleBook.rules(involving: fact, in: version)
            lines.append(wrapping: "\(subject.name) · host fact · now \(document.displayValue(of: subject))", role: .heading, width: width)
            lines.append(wrapping: "side: the host QEMU runs on; set it to what the machine you check for has", indent: 2, width: width)
        }
        lines.append(StyledLine(text: "", role: .normal))
        lines += ruleLines(rules, subject: subject, in: document, report: report, fixes: fixes, width: width)
        if case .item(let id) = subject {
            lines.append(StyledLine(text: "", role: .normal))
            lines.append(StyledLine(text: "History across releases", role: .heading))
            for event in ItemHistory.lines(for: id.item) {
                lines.append(wrapping: event, indent: 2, width: width)
            }
        }
        return lines
    }

    private static func ruleLines(
        _ rules: [Rule], subject: Subject, in document: Profile, report: Report, fixes: FixCache, width: Int
    ) -> [StyledLine] {
        var lines: [StyledLine] = []
        guard !rules.isEmpty else {
            lines.append(wrapping: "No rule of QEMU \(document.version) involves \(subject.name).", role: .heading, width: width)
            return lines
        }
        let checker = document.release.checker
        let violated = checker.violations(of: document.configuration, on: document.host)
        let broken = rules.filter { checker.isBroken($0, in: violated) }.count
        lines.append(wrapping: "\(rules.count) \(rules.count == 1 ? "rule" : "rules") of QEMU \(document.version) involve it · \(broken) broken now",
            role: .heading, width: width)
        return lines + ruleBlocks(rules, besides: [subject], in: document, report: report, fixes: fixes, width: width)
    }

    /// One block per rule, each after a blank line: its state now, id and check, QEMU's message
    /// (the one it would print now when broken), the values of the rule's settings other than
    /// those `besides` (the ones the screen is about), a note on a message checked twice and a
    /// broken rule's first fix. With `explaining`, also the releases that run the rule and why it
    /// exists, as `migedit explain` says it; the constraint map's rule detail shows them so.
    static func ruleBlocks(
        _ rules: [Rule], besides shown: [Subject], in document: Profile, report: Report, fixes: FixCache, width: Int,
        explaining: Bool = false
    ) -> [StyledLine] {
        var lines: [StyledLine] = []
        let checker = document.release.checker
        let violated = checker.violations(of: document.configuration, on: document.host)
        for (index, rule) in rules.enumerated() {
            let state = state(of: rule, violated: violated, checker: checker, configuration: document.configuration)
            let message = state == .broken ? rule.message(for: document.configuration, on: document.host) : rule.message
            lines.append(StyledLine(text: "", role: .normal))
            lines.append(wrapping: "\(state.label) · \(rule.id) · \(rule.phase.checkName)", role: state.role, width: width)
            lines.append(wrapping: message, indent: 4, width: width)
            var others = rule.subjects.filter { !shown.contains($0) }
            if case .notApplicable(let trigger) = state {
                lines.append(wrapping: "QEMU skips it while \(trigger.item.name) is off", role: .muted, indent: 4, width: width)
                others.removeAll { $0 == .item(trigger) }
            }
            if !others.isEmpty {
                let values = others.map { "\($0.name) = \(document.displayValue(of: $0))" }
                lines.append(wrapping: "with " + values.joined(separator: ", "), indent: 4, width: width)
            }
            if let twin = rules[..<index].first(where: { $0.message == rule.message }) {
                lines.append(wrapping: "same message as \(twin.id): QEMU checks this twice", role: .muted, indent: 4, width: width)
            }
            if state == .broken, let diagnostic = report.diagnostics.first(where: { $0.ruleID == rule.id }),
               let fix = fixes.first(for: diagnostic) {
                lines.append(wrapping: FixText.line(fix, in: document), indent: 4, width: width)
            }
            if explaining {
                lines.append(wrapping: "releases: " + Explanation.releases(rule.id), role: .muted, indent: 4, width: width)
                lines.append(wrapping: "why: " + rule.explanation, role: .muted, indent: 4, width: width)
            }
        }
        return lines
    }

    private static func state(of rule: Rule, violated: RuleSet, checker: Checker, configuration: Configuration) -> RuleState {
        if checker.isBroken(rule, in: violated) { return .broken }
        if let trigger = rule.trigger, !configuration.isOn(trigger) { return .notApplicable(trigger: trigger) }
        return .satisfied
    }
}

extension Checker {
    /// Whether `violated` (positions in this release's order) holds the rule.
    func isBroken(_ rule: Rule, in violated: RuleSet) -> Bool {
        rules.firstIndex { $0.identity == rule.identity }.map(violated.contains) ?? false
    }
}
