/// Which of the two QEMUs of a migration a setting matters to. Set it on the wrong one and it
/// silently does nothing; set a "both" setting on one side only and the migration fails.
public enum Side: String, Hashable, Sendable {
    /// Only the sending QEMU reads it.
    case source
    /// Only the receiving QEMU reads it.
    case destination
    /// Both QEMUs must have the same value, or the migration fails.
    case both

    /// How the item view and `migedit explain` name the side.
    public var label: String {
        switch self {
        case .source: return "source only"
        case .destination: return "destination only"
        case .both: return "must match on both sides"
        }
    }
}

/// A side fact: the side, and what in QEMU makes it so, in one sentence.
public struct SideFact: Hashable, Sendable {
    public let side: Side
    public let reason: String
}

extension Item {
    /// The side the item belongs to, when migedit has checked it against QEMU's source; nil for
    /// items not yet checked (the views say so rather than guess).
    public var side: SideFact? { SideFact.facts[id] }
}

extension SideFact {
    /// The checked facts, each against QEMU's source (file named in the comment).
    static let facts: [ItemID: SideFact] = {
        var facts: [ItemID: SideFact] = [
            // docs/devel/migration/postcopy.rst: "issue this command on the monitor (both source
            // and destination)".
            .postcopyRam: SideFact(side: .both, reason:
                "the destination must be ready to fault pages in and request them from the source"),
            // docs/devel/migration/mapped-ram.rst: "On both source and destination, enable the
            // multifd and mapped-ram capabilities".
            .multifd: SideFact(side: .both, reason:
                "the destination must accept the extra channels and read multifd packets"),
            .mappedRam: SideFact(side: .both, reason:
                "the destination must read pages from their fixed offsets in the file"),
            // migration/multifd-*.c: each method's receive refuses packets whose method flag is
            // not its own ("flags received %x flags expected %x").
            .multifdCompression: SideFact(side: .both, reason:
                "the destination decompresses with its own method and refuses packets of another"),
            // migration/migration.h: "only makes sense when set on the machine that is the
            // destination of a multifd migration with TLS enabled".
            .multifdCleanTlsTermination: SideFact(side: .destination, reason:
                "the receiving side decides whether a TLS channel closed without a clean end is an error"),
        ]
        // migration/migration.c and savevm.c: the incoming side calls qemu_announce_self with
        // migrate_announce_params() once the guest runs there.
        for id in [ItemID.announceInitial, .announceMax, .announceRounds, .announceStep] {
            facts[id] = SideFact(side: .destination, reason:
                "the destination sends the announcements once the guest runs there")
        }
        return facts
    }()
}
