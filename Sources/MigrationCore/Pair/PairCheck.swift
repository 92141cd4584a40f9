/// The pair rules: what two QEMUs of one migration must agree on, and what each reads only for
/// its own end. A single profile can pass every check QEMU makes and still fail to migrate
/// when the other side holds something else; QEMU itself compares nothing between the two
/// until the stream is already flowing, and then it fails or hangs.
public enum PairRule: String, Hashable, Sendable, CaseIterable {
    /// An item of side `both` differs: the migration fails or hangs (an error).
    case mustMatch = "must-match"
    /// A source-only item is set on the destination to a value the source does not have: the
    /// destination never reads it (a warning).
    case sourceOnly = "source-only"
    /// A destination-only item is set on the source to a value the destination does not
    /// have: the source never reads it (a warning).
    case destinationOnly = "destination-only"

    /// The rule in one sentence, with where QEMU makes it so (see `SideFact.facts`).
    public var statement: String {
        switch self {
        case .mustMatch:
            return "both QEMUs read it and the stream depends on it, so the two values must be equal"
        case .sourceOnly:
            return "only the source reads it; the destination's value is never used"
        case .destinationOnly:
            return "only the destination reads it; the source's value is never used"
        }
    }
}

/// One setting on which a source and a destination profile disagree where it matters.
public struct PairMismatch: Hashable, Sendable {
    public let id: ItemID
    public let rule: PairRule
    /// The value each side holds.
    public let source: Value
    public let destination: Value

    /// A must-match item that differs stops the migration; the others are only set where
    /// nothing reads them.
    public var isError: Bool { rule == .mustMatch }

    /// Why the side is what it is (the item's `SideFact`).
    public var reason: String { id.item.side?.reason ?? rule.statement }

    /// What a rehearsal between two real QEMUs showed when this item differed, when one was run.
    public var evidence: String? { PairEvidence.observed[id] }

    /// `multifd  source on, destination off`.
    public var values: String {
        let type = id.item.type
        return "\(id.item.name)  source \(ValueFormatter.displayText(source, as: type)), "
            + "destination \(ValueFormatter.displayText(destination, as: type))"
    }
}

/// Compares a source and a destination profile by the sides migedit knows (`Item.side`).
public enum PairCheck {
    /// Every mismatch, errors first, each group in catalog order. Items one side's release
    /// does not have are not compared.
    public static func mismatches(source: Profile, destination: Profile) -> [PairMismatch] {
        let theirs = Catalog.for(destination.version)
        let found = Catalog.for(source.version).items.compactMap { item -> PairMismatch? in
            guard theirs.contains(item.id), let side = item.side?.side else { return nil }
            let sent = source.configuration[item.id], received = destination.configuration[item.id]
            guard sent != received else { return nil }
            switch side {
            case .both:
                return PairMismatch(id: item.id, rule: .mustMatch, source: sent, destination: received)
            case .source where destination.configuration.isChanged(item.id):
                return PairMismatch(id: item.id, rule: .sourceOnly, source: sent, destination: received)
            case .destination where source.configuration.isChanged(item.id):
                return PairMismatch(id: item.id, rule: .destinationOnly, source: sent, destination: received)
            case .source, .destination, .each:
                return nil
            }
        }
        return found.filter(\.isError) + found.filter { !$0.isError }
    }
}
