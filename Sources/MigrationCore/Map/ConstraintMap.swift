/// The whole landscape of one release's rules, for teaching: which settings conflict, which
/// need which, and the rules that do not fit a grid of pairs.
///
/// The links are not written by hand: each rule is asked, through its own test, what happens
/// when one other setting changes while its trigger is on, on the standard host. A rule broken
/// with the other setting at its default and satisfied once it is set *requires* it; a rule
/// satisfied at the default and broken once it is set *conflicts* with it. So the map says
/// exactly what the checker says, in every release, and stays right when a rule changes.
public struct ConstraintMap: Sendable {
    public let version: QEMUVersion
    /// The settings on both axes: every capability of the release, then the parameters and
    /// properties some link involves, in catalog order.
    public let axis: [ItemID]
    /// Every pair link, in rule order.
    public let links: [MapLink]
    /// Rules that read more than two settings or a host fact: listed beside the grid, since a
    /// cell can show only part of them.
    public let sideRules: [Rule]
    /// Rules about one setting alone (ranges, syntax, deprecation), which have no place in a
    /// grid of pairs.
    public let valueRules: [Rule]
    /// The links of each pair of settings, in rule order: the editor asks for a cell's mark for
    /// every visible cell on every frame, so the pairs are sorted out once here.
    private let linksByPair: [Pair: [MapLink]]

    private static let maps = PerRelease { ConstraintMap(version: $0) }

    /// The map of a release (built the first time it is asked for).
    public static func of(_ version: QEMUVersion) -> ConstraintMap {
        maps[version]
    }

    init(version: QEMUVersion) {
        self.version = version
        let catalog = Catalog.for(version)
        var links: [MapLink] = []
        var sideRules: [Rule] = []
        var valueRules: [Rule] = []
        for rule in RuleBook.rules(for: version) {
            let involvesHost = rule.subjects.count != rule.items.count
            if rule.items.count > 2 || involvesHost { sideRules.append(rule) }
            if rule.items.count == 1 && !involvesHost { valueRules.append(rule) }
            links += ConstraintMap.links(of: rule, in: catalog)
        }
        let linked = Set(links.flatMap { [$0.item, $0.other] })
        axis = catalog.items.map(\.id).filter { id in
            id.item.kind == .capability || linked.contains(id)
        }
        self.links = links
        self.sideRules = sideRules
        self.valueRules = valueRules
        linksByPair = Dictionary(grouping: links) { Pair($0.item, $0.other) }
    }

    /// Two settings in either order.
    private struct Pair: Hashable {
        let low: ItemID, high: ItemID

        init(_ first: ItemID, _ second: ItemID) {
            (low, high) = first < second ? (first, second) : (second, first)
        }
    }

    /// The links joining two settings, in rule order.
    public func links(between first: ItemID, _ second: ItemID) -> [MapLink] {
        linksByPair[Pair(first, second)] ?? []
    }

    /// What the cell at `row`, `column` shows: a conflict outranks a need, which outranks a
    /// bound, since that is what a learner trips over first.
    public func mark(row: ItemID, column: ItemID) -> MapMark {
        let between = links(between: row, column)
        if between.contains(where: { $0.relation == .conflicts }) { return .conflicts }
        if between.contains(where: { $0.relation == .requires && $0.item == row }) { return .needs }
        if between.contains(where: { $0.relation == .requires }) { return .neededBy }
        if !between.isEmpty { return .bounds }
        return .none
    }

    /// The links and the side rules this configuration breaks right now, from one check: a
    /// link's rule is violated and both of its settings are among the rule's culprits, so a
    /// cell is marked only where the fix lies.
    public func broken(in configuration: Configuration, on host: Host) -> (links: [MapLink], sideRules: [Rule]) {
        let rules = brokenRules(in: configuration, on: host)
        let culprits = rules.mapValues { $0.culprits(in: configuration, on: host) }
        let links = links.filter { link in
            guard let culprits = culprits[link.rule] else { return false }
            return culprits.contains(.item(link.item)) && culprits.contains(.item(link.other))
        }
        return (links, sideRules.filter { rules[$0.identity] != nil })
    }

    /// The links this configuration breaks right now (see `broken(in:on:)`).
    public func brokenLinks(in configuration: Configuration, on host: Host) -> [MapLink] {
        broken(in: configuration, on: host).links
    }

    /// The side rules this configuration breaks right now.
    public func brokenSideRules(in configuration: Configuration, on host: Host) -> [Rule] {
        broken(in: configuration, on: host).sideRules
    }

    private func brokenRules(in configuration: Configuration, on host: Host) -> [RuleID: Rule] {
        let checker = Checker.for(version)
        var broken: [RuleID: Rule] = [:]
        for index in checker.violations(of: configuration, on: host) {
            broken[checker.rules[index].identity] = checker.rules[index]
        }
        return broken
    }

    /// The pair links of one rule, learned by varying one setting at a time (see the type's
    /// comment). Two numbers read together bound each other.
    static func links(of rule: Rule, in catalog: Catalog) -> [MapLink] {
        let items = rule.items.filter { catalog.contains($0) }
        guard items.count >= 2 else { return [] }
        if items.count == 2 && items.allSatisfy({ $0.item.type.maximum != nil }) {
            return [
                MapLink(
                    rule: rule.identity, severity: rule.severity, item: items[0], other: items[1], relation: .bounds,
                    otherValues: [], coversEveryOtherValue: false)
            ]
        }
        let trigger = rule.trigger ?? items[0]
        guard let triggerValue = trialValues(of: trigger, in: catalog).first else { return [] }
        var start = Configuration()
        start[trigger] = triggerValue
        let others = items.filter { $0 != trigger }
        var links: [MapLink] = []
        for other in others where isBroken(rule, start) {
            let satisfying = trialValues(of: other, in: catalog).filter { !isBroken(rule, start.with(other, $0)) }
            if !satisfying.isEmpty {
                links.append(link(rule, trigger, other, .requires, satisfying, catalog))
            }
        }
        var satisfied = start
        for link in links { satisfied[link.other] = link.otherValues[0] }
        guard !isBroken(rule, satisfied) else { return links }
        for other in others where !links.contains(where: { $0.other == other }) {
            let breaking = trialValues(of: other, in: catalog).filter { isBroken(rule, satisfied.with(other, $0)) }
            if !breaking.isEmpty {
                links.append(link(rule, trigger, other, .conflicts, breaking, catalog))
            }
        }
        return links
    }

    private static func link(
        _ rule: Rule, _ item: ItemID, _ other: ItemID, _ relation: MapLink.Relation, _ values: [Value],
        _ catalog: Catalog
    ) -> MapLink {
        MapLink(
            rule: rule.identity, severity: rule.severity, item: item, other: other, relation: relation,
            otherValues: values, coversEveryOtherValue: values.count == trialValues(of: other, in: catalog).count)
    }

    /// Whether the rule is broken, the way the checker decides it (a rule whose trigger is off
    /// never fires).
    private static func isBroken(_ rule: Rule, _ configuration: Configuration) -> Bool {
        if let trigger = rule.trigger, !configuration.isNonNeutral(trigger) { return false }
        return rule.isViolated(by: configuration, on: .standard)
    }

    /// The values other than the default worth trying: on, each other choice, some text.
    /// Numbers are not tried: their rules are ranges, shown as bounds or value rules.
    private static func trialValues(of id: ItemID, in catalog: Catalog) -> [Value] {
        guard let item = catalog.item(id) else { return [] }
        switch item.type {
        case .bool: return [.bool(item.defaultValue != .bool(true))]
        case .enumeration(let choices): return choices.map(Value.choice).filter { $0 != item.defaultValue }
        case .string: return [.text("tls0")]
        default: return []
        }
    }
}

extension Configuration {
    /// A copy with one setting changed.
    func with(_ id: ItemID, _ value: Value) -> Configuration {
        var copy = self
        copy[id] = value
        return copy
    }
}
