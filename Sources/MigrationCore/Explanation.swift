/// Teaching text: what a rule, a setting or a host fact is, and how they relate. Shared by
/// `migedit explain` and the editor's detail pane so both teach the same thing.
public enum Explanation {
    /// The explanation for a rule id, an item name (QAPI or property) or a host fact, or nil.
    public static func text(for name: String) -> String? {
        if let rule = RuleBook.rule(withID: name) { return text(for: rule) }
        if let item = Catalog.qemu90.item(named: name) { return text(for: item) }
        if let fact = HostFact(rawValue: name) { return text(for: fact) }
        return nil
    }

    public static func text(for rule: Rule) -> String {
        let position = (RuleBook.qemu90.firstIndex { $0.id == rule.id } ?? 0) + 1
        var lines = [
            "rule \(rule.id)",
            "  QEMU says:  \(rule.message)" + (rule.detail != nil ? "<detail>" : ""),
        ]
        if let hint = rule.hint { lines.append("              \(hint)") }
        lines += [
            "  severity:   \(rule.severity.rawValue)",
            "  checked in: \(rule.phase == .parameters ? "migrate_params_check" : "migrate_caps_check"), "
                + "position \(position) of \(RuleBook.qemu90.count) in QEMU's order",
            "  involves:   " + rule.subjects.map(\.name).joined(separator: ", "),
            "",
        ]
        lines += wrap(rule.explanation, width: 76, indent: "  ")
        return lines.joined(separator: "\n")
    }

    public static func text(for item: Item) -> String {
        var lines = [
            "\(item.kind.rawValue) \(item.name)"
                + (item.isDeprecated ? " (deprecated)" : "") + (item.isUnstable ? " (unstable)" : ""),
            "  -global:  " + (item.property.map { "migration.\($0)" + (item.propertyNeedsLinux ? " (Linux builds only)" : "") }
                ?? "none (set it through QMP or HMP)"),
            "  type:     \(item.type.displayName)",
            "  default:  " + defaultText(item),
        ]
        if let range = item.range { lines.append("  range:    \(range)") }
        if let unit = item.unit { lines.append("  unit:     \(unit)") }
        lines.append("")
        lines += wrap(item.summary, width: 76, indent: "  ")
        let rules = RuleBook.rules(involving: item.id)
        lines.append("")
        lines.append(rules.isEmpty ? "  No rule involves it." : "  Rules it takes part in:")
        lines += rules.map { "    \($0.id): \($0.message)" }
        return lines.joined(separator: "\n")
    }

    public static func text(for fact: HostFact) -> String {
        var lines = [
            "host fact \(fact.rawValue)",
            "  values:   " + (fact.choices?.joined(separator: "|") ?? "a power of two in bytes"),
            "  default:  " + Host.standard.value(of: fact),
            "",
        ]
        lines += wrap(fact.summary, width: 76, indent: "  ")
        lines.append("")
        lines.append("  Rules that read it:")
        lines += RuleBook.rules(involving: fact).map { "    \($0.id): \($0.message)" }
        return lines.joined(separator: "\n")
    }

    static func defaultText(_ item: Item) -> String {
        switch item.defaultValue {
        case .bitmapMapping: return "empty"
        case .text(let text): return text.isEmpty ? "\"\" (empty)" : text
        default: return ValueFormatter.globalText(item.defaultValue, as: item.type)
        }
    }

    /// Greedy word wrap, for terminal-width teaching text.
    public static func wrap(_ text: String, width: Int, indent: String = "") -> [String] {
        var lines: [String] = []
        var current = ""
        for word in text.split(separator: " ") {
            if !current.isEmpty && current.count + 1 + word.count > width - indent.count {
                lines.append(indent + current)
                current = ""
            }
            current += (current.isEmpty ? "" : " ") + word
        }
        if !current.isEmpty { lines.append(indent + current) }
        return lines
    }
}
