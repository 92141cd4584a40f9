/// What changed from one QEMU release to the next among capabilities, parameters, `-global`
/// properties and rules, computed from the catalog and the rule book so the README's table can
/// never drift from what migedit actually checks.
public enum CompatibilityTable {
    /// One release's differences from the release before it.
    public struct Row: Hashable, Sendable {
        public let version: QEMUVersion
        public let capabilities: [String]
        public let parameters: [String]
        public let properties: [String]
        public let rules: [String]
    }

    /// Every release: the first as a base count, each later one as its differences.
    public static var rows: [Row] {
        QEMUVersion.allCases.enumerated().map { index, version in
            guard index > 0 else { return base(version) }
            return difference(from: QEMUVersion.allCases[index - 1], to: version)
        }
    }

    static func base(_ version: QEMUVersion) -> Row {
        let catalog = Catalog.for(version)
        func count(_ kind: ItemKind) -> String { "\(catalog.items.filter { $0.kind == kind }.count) (base)" }
        let properties = catalog.items.filter { $0.property != nil }.count
        return Row(
            version: version, capabilities: [count(.capability)], parameters: [count(.parameter)],
            properties: ["\(properties) (base)"], rules: ["\(RuleBook.rules(for: version).count) (base)"])
    }

    static func difference(from old: QEMUVersion, to new: QEMUVersion) -> Row {
        let before = Catalog.for(old), after = Catalog.for(new)
        func items(_ kind: ItemKind) -> [String] {
            var changes: [String] = []
            for definition in Catalog.definitions where definition.kind == kind {
                let was = before.item(definition.id), now = after.item(definition.id)
                switch (was, now) {
                case (nil, let item?): changes.append("+" + item.name)
                case (let item?, nil): changes.append("−" + item.name)
                case (let was?, let now?):
                    if was.type != now.type, case .enumeration(let choices) = now.type,
                        case .enumeration(let old) = was.type
                    {
                        changes.append("\(now.name) + " + choices.filter { !old.contains($0) }.joined(separator: ", "))
                    }
                    if !was.isDeprecated && now.isDeprecated { changes.append("\(now.name) deprecated") }
                default: break
                }
            }
            return changes
        }
        var properties: [String] = []
        for definition in Catalog.definitions {
            let was = before.item(definition.id)?.property, now = after.item(definition.id)?.property
            if was == nil, let now { properties.append("+" + now) }
            if let was, now == nil { properties.append("−" + was) }
        }
        let oldRules = RuleBook.rules(for: old), newRules = RuleBook.rules(for: new)
        var rules: [String] = []
        for rule in newRules {
            guard let previous = oldRules.first(where: { $0.id == rule.id }) else {
                rules.append("+" + rule.id)
                continue
            }
            if previous.message != rule.message || previous.hint != rule.hint {
                rules.append(rule.id + " reworded")
            }
        }
        rules += oldRules.filter { rule in !newRules.contains { $0.id == rule.id } }.map { "−" + $0.id }
        return Row(
            version: new, capabilities: items(.capability), parameters: items(.parameter),
            properties: properties, rules: rules)
    }

    /// The table as Markdown, one row per release.
    public static var markdown: String {
        var lines = [
            "| QEMU | capabilities | parameters | `-global` properties | rules |",
            "|---|---|---|---|---|",
        ]
        for row in rows {
            let cells = [row.capabilities, row.parameters, row.properties, row.rules].map { changes in
                changes.isEmpty ? "—" : changes.joined(separator: ", ")
            }
            lines.append("| \(row.version) | " + cells.joined(separator: " | ") + " |")
        }
        return lines.joined(separator: "\n")
    }
}
