/// One way to clear a diagnostic: the setting changes (and, when no setting can help, the host
/// facts) that remove it without adding any other error. Fixes are data so the CLI can print
/// them as `--set`/`--host` words and the editor can offer to apply them.
public struct Fix: Hashable, Sendable {
    /// One change a fix makes.
    public enum Change: Hashable, Sendable {
        /// Give a setting this value.
        case setting(ItemID, Value)
        /// Run on a host (or QEMU build) where the fact has this value, spelt as `--host` takes it.
        case host(HostFact, String)
    }

    /// The changes, settings before host facts, each group in catalog (declaration) order.
    public let changes: [Change]

    init(_ changes: [Change]) {
        self.changes = changes.sorted { $0.order < $1.order }
    }

    /// The settings the fix changes, with their new values.
    public var settings: [(item: ItemID, value: Value)] {
        changes.compactMap { if case .setting(let id, let value) = $0 { return (id, value) } else { return nil } }
    }

    /// The host facts the fix needs, with the values they must have.
    public var hostFacts: [(fact: HostFact, value: String)] {
        changes.compactMap { if case .host(let fact, let value) = $0 { return (fact, value) } else { return nil } }
    }

    /// Whether the fix asks for a different host or build rather than only different settings.
    public var needsHostChange: Bool { changes.contains { if case .host = $0 { return true } else { return false } } }

    /// Makes the changes.
    public func apply(to configuration: inout Configuration, host: inout Host) {
        for change in changes { change.apply(to: &configuration, host: &host) }
    }
}

extension Fix.Change {
    /// What the change is about.
    public var subject: Subject {
        switch self {
        case .setting(let id, _): return .item(id)
        case .host(let fact, _): return .host(fact)
        }
    }

    /// Makes the change. Host values come from `Host.value(of:)` spellings, so setting them
    /// cannot fail.
    func apply(to configuration: inout Configuration, host: inout Host) {
        switch self {
        case .setting(let id, let value): configuration[id] = value
        case .host(let fact, let value): try? host.set(fact, to: value)
        }
    }

    /// Settings first in catalog order, then host facts in declaration order.
    var order: Int {
        switch self {
        case .setting(let id, _): return id.rawValue
        case .host(let fact, _): return ItemID.allCases.count + HostFact.allCases.firstIndex(of: fact)!
        }
    }
}
