/// What changed in the constraint map between two releases: the quickest way to teach what a
/// release broke or allowed ("9.1 removed compress", "10.1 lets postcopy use multifd").
public struct ConstraintMapDiff: Sendable {
    /// How one cell changed.
    public enum CellChange: Hashable, Sendable {
        case same(MapMark)
        /// A rule joins the pair in the newer map only.
        case added(MapMark)
        /// A rule joined the pair in the older map only.
        case removed(MapMark)
        /// Rules join the pair in both, but not the same ones.
        case changed(from: MapMark, to: MapMark)
    }

    public let from: ConstraintMap
    public let to: ConstraintMap
    /// Both maps' axes together, in catalog order.
    public let axis: [ItemID]
    /// Links in `to` that `from` lacks, and the other way round. A link is the same link when
    /// its rule, settings and relation are (the values it names may grow with new choices).
    public let addedLinks: [MapLink]
    public let removedLinks: [MapLink]
    /// Settings of one release only.
    public let addedItems: [ItemID]
    public let removedItems: [ItemID]
    /// Side rules of one release only.
    public let addedSideRules: [Rule]
    public let removedSideRules: [Rule]

    public init(from: ConstraintMap, to: ConstraintMap) {
        self.from = from
        self.to = to
        axis = Set(from.axis + to.axis).sorted()
        addedLinks = to.links.filter { link in !from.links.contains { $0.isSameEdge(as: link) } }
        removedLinks = from.links.filter { link in !to.links.contains { $0.isSameEdge(as: link) } }
        addedItems = to.axis.filter { !from.axis.contains($0) }
        removedItems = from.axis.filter { !to.axis.contains($0) }
        addedSideRules = to.sideRules.filter { rule in !from.sideRules.contains { $0.identity == rule.identity } }
        removedSideRules = from.sideRules.filter { rule in !to.sideRules.contains { $0.identity == rule.identity } }
    }

    /// The cell at `row`, `column` in both releases.
    public func change(row: ItemID, column: ItemID) -> CellChange {
        let old = from.mark(row: row, column: column)
        let new = to.mark(row: row, column: column)
        let edgesChanged = addedLinks.contains { $0.joins(row, column) } || removedLinks.contains { $0.joins(row, column) }
        switch (old, new) {
        case (.none, .none): return .same(.none)
        case (.none, _): return .added(new)
        case (_, .none): return .removed(old)
        default: return edgesChanged || old != new ? .changed(from: old, to: new) : .same(new)
        }
    }

    /// Whether nothing changed at all.
    public var isEmpty: Bool {
        addedLinks.isEmpty && removedLinks.isEmpty && addedItems.isEmpty && removedItems.isEmpty
            && addedSideRules.isEmpty && removedSideRules.isEmpty
    }
}

extension MapLink {
    /// Whether two links are the same edge of the map, whatever values they name.
    func isSameEdge(as other: MapLink) -> Bool {
        rule == other.rule && item == other.item && self.other == other.other && relation == other.relation
    }
}
