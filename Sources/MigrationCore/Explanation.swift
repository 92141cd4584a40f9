/// Teaching text: what a rule, a setting or a host fact is, and how they relate. Shared by
/// `migedit explain` and the editor's detail pane so both teach the same thing.
public enum Explanation {
    /// The explanation for a rule id, an item name (QAPI or property) or a host fact in a
    /// release, or nil when the release has no such thing.
    /// `machine` is the machine type whose defaults a setting's text shows.
    public static func text(for name: String, version: QEMUVersion = .standard, machine: MachineType? = nil) -> String? {
        if let rule = RuleBook.rule(withID: name, in: version) { return text(for: rule, version: version) }
        if let item = Catalog.for(version).item(named: name) { return text(for: item, version: version, machine: machine) }
        let factName = name.hasPrefix("host.") ? String(name.dropFirst("host.".count)) : name
        if let fact = HostFact(rawValue: factName) { return text(for: fact, version: version) }
        return nil
    }

    /// A rule: QEMU's message, where it sits in QEMU's order, the releases that have it, what it
    /// involves and why it exists.
    public static func text(for rule: Rule, version: QEMUVersion = .standard) -> String {
        let rules = RuleBook.rules(for: version)
        let position = (rules.firstIndex { $0.id == rule.id } ?? 0) + 1
        var lines = [
            "rule \(rule.id)",
            "  QEMU says:  \(rule.message)" + (rule.detail != nil ? "<what QEMU found>" : ""),
        ]
        if let hint = rule.hint { lines.append("              \(hint)") }
        lines += [
            "  severity:   \(rule.severity.rawValue)",
            "  checked in: \(rule.phase.checkName), "
                + "position \(position) of \(rules.count) in QEMU \(version)'s order",
            "  releases:   " + releases(rule.id),
            "  involves:   " + rule.subjects.map(\.name).joined(separator: ", "),
            "",
        ]
        lines += wrap(rule.explanation, width: 76, indent: "  ")
        return lines.joined(separator: "\n")
    }

    /// A setting: its `-global` property, type, default, range, releases, the side of the
    /// migration it belongs to, what it does, the rules it takes part in (with their releases)
    /// and its history across releases. The default is `machine`'s when one is given; the
    /// machine types that change it on `version` are listed.
    public static func text(for item: Item, version: QEMUVersion = .standard, machine: MachineType? = nil) -> String {
        var lines = [
            "\(item.kind.rawValue) \(item.name)"
                + (item.isDeprecated ? " (deprecated)" : "") + (item.isUnstable ? " (unstable)" : ""),
            "  -global:  " + (item.property.map { "migration.\($0)" + (item.propertyNeedsLinux ? " (Linux builds only)" : "") }
                ?? "none (set it through QMP or HMP)"),
            "  type:     \(item.type.displayName)",
            "  default:  " + defaultText(item, machine: machine, version: version),
        ]
        lines += machineLines(item, version: version)
        if let range = item.range { lines.append("  range:    \(range)") }
        if let unit = item.unit { lines.append("  unit:     \(unit)") }
        lines.append("  releases: " + span(item.versions))
        lines += hanging("side:     " + sideText(item), indent: "  ", continuation: 12)
        lines.append("")
        lines += wrap(item.summary, width: 76, indent: "  ")
        let rules = RuleBook.rules(involving: item.id, in: version)
        lines.append("")
        lines.append(rules.isEmpty ? "  No rule involves it." : "  Rules it takes part in:")
        for rule in rules {
            lines.append("    \(rule.id) · \(releases(rule.id))")
            lines += wrap(rule.message + (rule.detail != nil ? "…" : ""), width: 76, indent: "      ")
        }
        lines.append("")
        lines.append("  History:")
        lines += ItemHistory.lines(for: item).flatMap { hanging($0, indent: "    ", continuation: 6) }
        return lines.joined(separator: "\n")
    }

    /// "must match on both sides: why", or a note that the side is not recorded.
    public static func sideText(_ item: Item) -> String {
        guard let fact = item.side else { return "not recorded yet (migedit has not checked it against QEMU's source)" }
        return "\(fact.side.label): \(fact.reason)"
    }

    /// A host fact: its values, default, meaning and the rules that read it.
    public static func text(for fact: HostFact, version: QEMUVersion = .standard) -> String {
        var lines = [
            "host fact \(fact.rawValue)",
            "  values:   " + (fact.choices?.joined(separator: "|") ?? fact.valueSyntax),
            "  default:  " + Host.standard.value(of: fact),
            "",
        ]
        lines += wrap(fact.summary, width: 76, indent: "  ")
        lines.append("")
        lines.append("  Rules that read it:")
        lines += RuleBook.rules(involving: fact, in: version).map { "    \($0.id): \($0.message)" + ($0.detail != nil ? "…" : "") }
        return lines.joined(separator: "\n")
    }

    /// The releases that run a rule (its variants together), e.g. "8.1 to 10.0".
    public static func releases(_ id: String) -> String {
        let versions = QEMUVersion.allCases.filter { RuleBook.rule(withID: id, in: $0) != nil }
        guard let first = versions.first, let last = versions.last else { return "none" }
        return span(VersionRange(first, through: last))
    }

    static func span(_ range: VersionRange) -> String {
        if range == .all { return "all (\(QEMUVersion.span))" }
        if range.first == range.last { return "\(range.first) only" }
        return "\(range.first) to \(range.last)"
    }

    static func defaultText(_ item: Item, machine: MachineType? = nil, version: QEMUVersion) -> String {
        let own = valueText(item.defaultValue, of: item)
        guard let machine else { return own }
        let value = machine.defaults(in: version)[item.id]
        return value == item.defaultValue
            ? "\(own) (also under \(machine))" : "\(valueText(value, of: item)) under \(machine) (QEMU's own: \(own))"
    }

    static func valueText(_ value: Value, of item: Item) -> String {
        switch value {
        case .bitmapMapping, .stringList: return "empty"
        case .text(let text): return text.isEmpty ? "\"\" (empty)" : text
        default: return ValueFormatter.globalText(value, as: item.type)
        }
    }

    /// "machines: 8.2 and older set legacy (hw_compat_8_2)" for each compat entry of the release.
    static func machineLines(_ item: Item, version: QEMUVersion) -> [String] {
        MachineCompat.all.filter { $0.item == item.id && $0.releases.contains(version) }.map { entry in
            "  machines: \(entry.upTo) and older set \(valueText(entry.value, of: item)) (\(entry.array))"
        }
    }

    /// Text wrapped to 76 columns after `indent`, its later lines indented `continuation`
    /// columns further, so a label or version at the start stands out.
    static func hanging(_ text: String, indent: String, continuation: Int) -> [String] {
        let lines = TextWrap.lines(text, width: 76 - indent.count)
        guard let first = lines.first else { return [] }
        guard lines.count > 1 else { return [indent + first] }
        let rest = TextWrap.lines(lines.dropFirst().joined(separator: " "), width: 76 - indent.count - continuation)
        return [indent + first] + rest.map { indent + String(repeating: " ", count: continuation) + $0 }
    }

    /// Teaching text wrapped to `width` columns, each line indented.
    static func wrap(_ text: String, width: Int, indent: String = "") -> [String] {
        TextWrap.lines(text, width: width - indent.count).map { indent + $0 }
    }
}

extension Phase {
    /// Where QEMU makes checks of this phase, for `explain` and the editor.
    public var checkName: String {
        switch self {
        case .values: return "QEMU's parsing of the value"
        case .parameters: return "migrate_params_check"
        case .capabilities: return "migrate_caps_check"
        }
    }
}
