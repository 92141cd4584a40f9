/// One edge of the constraint map: how a rule ties one setting to another, learned by asking the
/// rule itself (see `ConstraintMap`), so the map can never disagree with the checker.
public struct MapLink: Hashable, Sendable {
    /// What the rule asks of the pair.
    public enum Relation: String, Hashable, Sendable, CaseIterable {
        /// `item` on and `other` set to `otherValue` is refused.
        case conflicts
        /// `item` on is refused unless `other` is set to `otherValue`.
        case requires
        /// Two numbers whose valid ranges depend on each other.
        case bounds
    }

    public let rule: RuleID
    public let severity: Severity
    /// The setting the rule is about: its trigger (the one that needs, or the one refused).
    public let item: ItemID
    /// The setting it conflicts with, requires or bounds.
    public let other: ItemID
    public let relation: Relation
    /// The values of `other` (tried: on, every enum choice, a non-empty string) that break the
    /// rule (conflicts) or satisfy it (requires); empty for `bounds`.
    public let otherValues: [Value]
    /// Whether `otherValues` is every value but `other`'s default in this release, so the
    /// sentence can say "other than none" instead of listing choices.
    public let coversEveryOtherValue: Bool

    /// Whether the link joins these two settings, in either order.
    public func joins(_ first: ItemID, _ second: ItemID) -> Bool {
        (item == first && other == second) || (item == second && other == first)
    }

    /// One line for people: `postcopy-preempt requires postcopy-ram`,
    /// `zero-copy-send conflicts with multifd-compression other than none`.
    public var sentence: String {
        switch relation {
        case .conflicts: return item.item.name + " conflicts with " + otherText
        case .requires: return item.item.name + " requires " + otherText
        case .bounds: return item.item.name + " is bounded by " + other.item.name
        }
    }

    /// `other` with the values that matter: `tls-creds set`, `multifd-compression other than
    /// none`, `multifd-compression=zlib`; a boolean's name alone means "on".
    private var otherText: String {
        let definition = other.item
        switch definition.type {
        case .bool:
            return definition.name
        case .enumeration where coversEveryOtherValue:
            return definition.name + " other than " + definition.defaultValue.string
        case .enumeration:
            return definition.name + "=" + otherValues.map(\.string).joined(separator: "|")
        default:
            return definition.name + " set"
        }
    }
}

/// What one cell of the map shows, read from its row's point of view.
public enum MapMark: String, Hashable, Sendable, CaseIterable {
    /// No rule joins the two settings.
    case none
    /// A rule refuses the two together.
    case conflicts
    /// The row's setting needs the column's.
    case needs
    /// The column's setting needs the row's.
    case neededBy
    /// Their ranges depend on each other.
    case bounds

    /// The cell's symbol, the same on the editor's screen, in `migedit map` and in the legends,
    /// and distinct in shape so the map reads without colour.
    public var glyph: Character {
        switch self {
        case .none: return "·"
        case .conflicts: return "×"
        case .needs: return "→"
        case .neededBy: return "←"
        case .bounds: return "≤"
        }
    }

    /// What the glyph means, for legends.
    public var legend: String {
        switch self {
        case .none: return "no rule"
        case .conflicts: return "conflict: refused together"
        case .needs: return "row needs column"
        case .neededBy: return "column needs row"
        case .bounds: return "ranges bound each other"
        }
    }
}
