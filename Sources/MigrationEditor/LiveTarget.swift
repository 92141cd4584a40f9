import MigrationCore

/// The running QEMU the editor is attached to (`migedit edit --qmp SOCKET`): where it is, what
/// it held when attached and when last read, and the last thing it refused. The document is
/// edited and checked locally as always; `a` sends the difference from `snapshot`.
public struct LiveTarget: Hashable, Sendable {
    /// The QMP address as given (`unix:/run/vm1.qmp`).
    public let address: String
    /// QEMU's settings as last read: at attach, by `r`, or after an apply.
    public internal(set) var snapshot: LiveSnapshot
    /// QEMU's last error reply (verbatim), or why it could not be reached; the error pane shows
    /// it until an apply or a read succeeds.
    public internal(set) var error: String?

    public init(address: String, snapshot: LiveSnapshot) {
        self.address = address
        self.snapshot = snapshot
    }

    /// `QEMU 10.0.2 at unix:/run/vm1.qmp`, for the title and messages.
    public var name: String { "QEMU \(snapshot.qemuVersion) at \(address)" }

    /// The capabilities and parameters whose value in `document` is not what QEMU holds.
    func differences(from document: Profile) -> Int {
        let running = snapshot.profile.configuration
        return Catalog.for(snapshot.version).items.filter { $0.kind != .property && running[$0.id] != document.configuration[$0.id] }.count
    }
}

/// The question `a` asks before a live apply: the changes, the QMP commands that carry them,
/// and notes on what QEMU will not take, scrolled like the export screen.
public struct ApplyConfirmation: Hashable, Sendable {
    public let plan: ApplyPlan
    /// The document the apply brings QEMU to.
    public let wanted: Profile
    let notes: [String]
    var scroll = 0

    init(plan: ApplyPlan, wanted: Profile) {
        self.plan = plan
        self.wanted = wanted
        notes = plan.propertiesLeftOut.map { "\($0.item.name) is a -global property only; a running QEMU cannot change it, so it is left out" }
            + plan.ignoredChanges(host: wanted.host).map(\.note)
    }
}
