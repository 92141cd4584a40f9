/// An item's history across the known releases, derived from the catalog and the rule book:
/// when it was added, deprecated and removed, when its `-global` property came or went, how its
/// choices changed, and when rules about it were added, removed or reworded. Shared by
/// `migedit explain` and the editor's item view so both tell the same story.
public enum ItemHistory {
    /// One line per event ("9.1: choices +qpl, +uadk"), oldest first.
    public static func lines(for item: Item) -> [String] {
        events(for: item).enumerated()
            .sorted { ($0.element.version, $0.offset) < ($1.element.version, $1.offset) }
            .map { "\($0.element.version): \($0.element.text)" }
    }

    private typealias Event = (version: QEMUVersion, text: String)

    private static func events(for item: Item) -> [Event] {
        let versions = QEMUVersion.allCases.filter(item.versions.contains)
        var lines: [Event] = []
        if item.versions.first == .oldest {
            lines.append((QEMUVersion.oldest, "present (the oldest release migedit knows)"))
        } else {
            lines.append((item.versions.first, "added"))
        }
        if let deprecated = item.deprecatedVersions {
            lines.append((deprecated.first, "deprecated (QEMU warns when it is used)"))
        }
        if item.propertyVersions != item.versions, item.property != nil || item.id.item.property != nil {
            if item.propertyVersions.first > item.versions.first {
                lines.append((item.propertyVersions.first, "gets a -global property"))
            }
            if item.propertyVersions.last < item.versions.last, let next = next(after: item.propertyVersions.last) {
                lines.append((next, "loses its -global property"))
            }
        }
        for (previous, span) in zip(item.choiceHistory, item.choiceHistory.dropFirst()) {
            let added = span.choices.filter { !previous.choices.contains($0) }
            let removed = previous.choices.filter { !span.choices.contains($0) }
            let change = added.map { "+" + $0 } + removed.map { "−" + $0 }
            lines.append((span.versions.first, "choices " + change.joined(separator: ", ")))
        }
        lines += ruleEvents(for: item.id, in: versions)
        if item.versions.last < .newest, let next = next(after: item.versions.last) {
            lines.append((next, "removed"))
        }
        return lines
    }

    /// Rules about the item appearing, disappearing or changing their message between
    /// consecutive releases that have the item.
    private static func ruleEvents(for id: ItemID, in versions: [QEMUVersion]) -> [Event] {
        var lines: [Event] = []
        for (previous, version) in zip(versions, versions.dropFirst()) {
            let before = RuleBook.rules(involving: id, in: previous), after = RuleBook.rules(involving: id, in: version)
            for rule in after {
                guard let old = before.first(where: { $0.identity == rule.identity }) else {
                    lines.append((version, "rule \(rule.id) added"))
                    continue
                }
                if old.message != rule.message {
                    lines.append((version, "rule \(rule.id) reworded (was \"\(old.message)\")"))
                }
            }
            for rule in before where !after.contains(where: { $0.identity == rule.identity }) {
                lines.append((version, "rule \(rule.id) removed"))
            }
        }
        return lines
    }

    private static func next(after version: QEMUVersion) -> QEMUVersion? {
        let all = QEMUVersion.allCases
        return version.index + 1 < all.count ? all[version.index + 1] : nil
    }
}
