import MigrationCore

/// Everything one drawing of the constraint map shows, decided once so the text, SVG and HTML
/// renderers cannot disagree: the settings on the axes, what each cell holds, what is marked,
/// the legend and the rules listed beside the grid. Built from one release's map (with the
/// configuration being taught, if any) or from the diff between two releases.
public struct MapSheet: Sendable {
    /// How a setting, cell or rule changed between the two releases of a diff.
    public enum Tone: String, Hashable, Sendable {
        /// Not a diff, or the same in both releases.
        case plain
        /// In the newer release only.
        case added
        /// In the older release only.
        case removed
        /// In both, but with other rules or another mark.
        case changed
    }

    /// One setting on both axes.
    public struct Setting: Hashable, Sendable {
        public let name: String
        /// Whether the configuration shown changes it from its default.
        public let isHighlighted: Bool
        public let tone: Tone
    }

    /// One cell of the grid (off the diagonal).
    public struct Cell: Hashable, Sendable {
        /// The mark drawn: the newer release's, or the older one's for a removed cell.
        public let mark: MapMark
        public let tone: Tone
        /// Whether the configuration shown breaks a rule of this pair right now.
        public let isBroken: Bool
        /// The rules behind the cell, one line each (sentence, rule id, QEMU's message), for
        /// tooltips; empty where no rule joins the pair.
        public let notes: [String]
    }

    /// Where a rule sits on the map.
    public enum Placement: String, Hashable, Sendable {
        /// In the cells of the settings it pairs.
        case pair
        /// Beside the grid: more than two settings, or a host fact.
        case side
        /// About one setting alone.
        case value
    }

    /// One rule, for the lists beside and below the grid.
    public struct RuleEntry: Hashable, Sendable {
        public let id: String
        public let placement: Placement
        /// QEMU's message, verbatim; `…` stands for the detail QEMU adds after a fixed prefix.
        public let message: String
        /// The settings and host facts it reads.
        public let subjects: [String]
        /// Why the rule exists.
        public let explanation: String
        /// The pair sentences the rule gives (`postcopy-preempt requires postcopy-ram`).
        public let sentences: [String]
        public let tone: Tone
        public let isBroken: Bool
    }

    /// One entry of the legend: a cell style and what it means.
    public struct LegendEntry: Hashable, Sendable {
        public enum Swatch: Hashable, Sendable {
            case mark(MapMark)
            case tone(Tone)
            case broken
            case highlighted
        }

        public let swatch: Swatch
        /// The character the text map uses for it.
        public let symbol: Character
        public let text: String
    }

    /// `QEMU 9.0 migration constraint map`, or the two releases of a diff.
    public let title: String
    /// Counts and what is marked, one short line each.
    public let subtitle: [String]
    public let settings: [Setting]
    /// `cells[row][column]`; nil on the diagonal.
    public let cells: [[Cell?]]
    public let legend: [LegendEntry]
    /// Every rule of the map (both releases' for a diff), in rule order, the older release's
    /// removed rules after the newer one's.
    public let rules: [RuleEntry]
    /// Whether this sheet shows the diff between two releases.
    public let isDiff: Bool

    /// The rules listed beside the grid.
    public var sideRules: [RuleEntry] { rules.filter { $0.placement == .side } }
    /// The rules about one setting alone.
    public var valueRules: [RuleEntry] { rules.filter { $0.placement == .value } }

    /// The map of one release. `configuration` (on `host`) is the one being taught: the
    /// settings it changes are highlighted and the cells and rules it breaks are marked;
    /// `source` names it in the subtitle.
    public init(map: ConstraintMap, configuration: Configuration = Configuration(), host: Host = .standard, source: String? = nil) {
        let broken = Marking(map: map, configuration: configuration, host: host)
        let axis = map.axis
        title = "QEMU \(map.version) migration constraint map"
        settings = axis.map { Setting(name: $0.item.name, isHighlighted: configuration.isChanged($0), tone: .plain) }
        cells = axis.map { row in
            axis.map { column in
                guard row != column else { return nil }
                let links = map.links(between: row, column)
                return Cell(
                    mark: map.mark(row: row, column: column), tone: .plain,
                    isBroken: broken.links.contains { $0.joins(row, column) },
                    notes: links.map { Self.note($0, in: map.version) })
            }
        }
        rules = Self.entries(of: map, tone: { _ in .plain }, broken: broken)
        isDiff = false
        var lines = [Self.counts(settings: axis.count, map: map)]
        if let source { lines.append(Self.profileLine(source, settings: settings, cells: cells, rules: rules)) }
        subtitle = lines
        legend = Self.legend(isDiff: false, version: map.version, showsProfile: source != nil)
    }

    /// What changed from `diff.from` to `diff.to`. `configuration` is judged by the newer
    /// release, as in `init(map:)`.
    public init(diff: ConstraintMapDiff, configuration: Configuration = Configuration(), host: Host = .standard, source: String? = nil) {
        let old = diff.from, new = diff.to
        let broken = Marking(map: new, configuration: configuration, host: host)
        title = "QEMU \(old.version) → \(new.version): what changed in the migration constraint map"
        settings = diff.axis.map { id in
            let tone: Tone = diff.addedItems.contains(id) ? .added : diff.removedItems.contains(id) ? .removed : .plain
            return Setting(name: id.item.name, isHighlighted: configuration.isChanged(id), tone: tone)
        }
        cells = diff.axis.map { row in
            diff.axis.map { column in
                guard row != column else { return nil }
                let (mark, tone) = Self.markAndTone(diff.change(row: row, column: column))
                let kept = new.links(between: row, column).map { link in
                    (diff.addedLinks.contains(link) ? "added in \(new.version): " : "") + Self.note(link, in: new.version)
                }
                let gone = diff.removedLinks.filter { $0.joins(row, column) }.map {
                    "removed in \(new.version): " + Self.note($0, in: old.version)
                }
                return Cell(
                    mark: mark, tone: tone, isBroken: broken.links.contains { $0.joins(row, column) }, notes: kept + gone)
            }
        }
        let oldIDs = Set(RuleBook.rules(for: old.version).map(\.identity))
        let kept = Self.entries(of: new, tone: { oldIDs.contains($0) ? .plain : .added }, broken: broken)
        let newIDs = Set(kept.map(\.id))
        let gone = Self.entries(of: old, tone: { _ in .removed }, broken: Marking()).filter { !newIDs.contains($0.id) }
        rules = kept + gone
        isDiff = true
        let changedCells = cells.joined().compactMap { $0 }.filter { $0.tone != .plain }.count / 2
        let addedRules = rules.filter { $0.tone == .added }.count
        var lines = [
            "settings: \(diff.addedItems.count) added, \(diff.removedItems.count) removed · pairs: \(changedCells) changed · "
                + "rules: \(addedRules) added, \(gone.count) removed"
        ]
        if let source { lines.append(Self.profileLine(source, settings: settings, cells: cells, rules: rules)) }
        subtitle = lines
        legend = Self.legend(
            isDiff: true, version: new.version, showsProfile: source != nil,
            showsChanged: cells.joined().contains { $0?.tone == .changed })
    }

    /// What the configuration breaks on one map.
    private struct Marking {
        var links: [MapLink] = []
        var rules: Set<RuleID> = []

        init() {}

        init(map: ConstraintMap, configuration: Configuration, host: Host) {
            links = map.brokenLinks(in: configuration, on: host)
            rules = Set(Checker.for(map.version).check(configuration, on: host).diagnostics.map(\.rule.identity))
        }
    }

    private static func markAndTone(_ change: ConstraintMapDiff.CellChange) -> (MapMark, Tone) {
        switch change {
        case .same(let mark): return (mark, .plain)
        case .added(let mark): return (mark, .added)
        case .removed(let mark): return (mark, .removed)
        case .changed(_, let to): return (to, .changed)
        }
    }

    /// `postcopy-ram conflicts with multifd [postcopy-ram-vs-multifd]: QEMU says "…"`.
    private static func note(_ link: MapLink, in version: QEMUVersion) -> String {
        let message = RuleBook.rule(withID: link.rule.rawValue, in: version)?.message ?? ""
        return "\(link.sentence) [\(link.rule.rawValue)]: QEMU says \"\(message)\""
    }

    private static func entries(of map: ConstraintMap, tone: (RuleID) -> Tone, broken: Marking) -> [RuleEntry] {
        let side = Set(map.sideRules.map(\.identity)), value = Set(map.valueRules.map(\.identity))
        return RuleBook.rules(for: map.version).map { rule in
            let placement: Placement = side.contains(rule.identity) ? .side : value.contains(rule.identity) ? .value : .pair
            return RuleEntry(
                id: rule.id, placement: placement, message: rule.message + (rule.isMessagePrefix ? "…" : ""), subjects: rule.subjects.map(\.name),
                explanation: rule.explanation,
                sentences: map.links.filter { $0.rule == rule.identity }.map(\.sentence),
                tone: tone(rule.identity), isBroken: broken.rules.contains(rule.identity))
        }
    }

    private static func counts(settings: Int, map: ConstraintMap) -> String {
        let pairs = Set(map.links.map { [$0.item, $0.other].sorted() }).count
        return "settings: \(settings) · pairs joined by a rule: \(pairs) · rules beside the grid: \(map.sideRules.count) · "
            + "rules on one setting: \(map.valueRules.count)"
    }

    private static func profileLine(_ source: String, settings: [Setting], cells: [[Cell?]], rules: [RuleEntry]) -> String {
        let changed = settings.filter(\.isHighlighted).count
        let brokenCells = cells.joined().compactMap { $0 }.filter(\.isBroken).count / 2
        let brokenRules = rules.filter { $0.isBroken && $0.placement != .pair }.count
        return "\(source): settings changed (marked *): \(changed) · pairs broken now (!): \(brokenCells) · "
            + "other rules broken now: \(brokenRules)"
    }

    /// The legend: every mark, then what a diff or a profile adds (`~` only where a cell has it).
    private static func legend(isDiff: Bool, version: QEMUVersion, showsProfile: Bool, showsChanged: Bool = false) -> [LegendEntry] {
        var entries = [MapMark.conflicts, .needs, .neededBy, .bounds, .none].map {
            LegendEntry(swatch: .mark($0), symbol: $0.glyph, text: $0.legend)
        }
        if isDiff {
            entries += [
                LegendEntry(swatch: .tone(.added), symbol: "+", text: "new in \(version)"),
                LegendEntry(swatch: .tone(.removed), symbol: "-", text: "gone in \(version)"),
            ]
            if showsChanged { entries.append(LegendEntry(swatch: .tone(.changed), symbol: "~", text: "other rules in \(version)")) }
        }
        if showsProfile {
            entries += [
                LegendEntry(swatch: .highlighted, symbol: "*", text: "changed from its default"),
                LegendEntry(swatch: .broken, symbol: "!", text: "broken now"),
            ]
        }
        return entries
    }
}
