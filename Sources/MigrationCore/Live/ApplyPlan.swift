/// One setting a live apply changes (or that QEMU did not take): its value in QEMU, and the
/// value wanted.
public struct LiveChange: Hashable, Sendable {
    public let id: ItemID
    public let running: Value
    public let wanted: Value

    public init(id: ItemID, running: Value, wanted: Value) {
        self.id = id
        self.running = running
        self.wanted = wanted
    }

    /// `multifd-channels  2 → 8`, names padded to `width`.
    public func line(width: Int = 0) -> String {
        let type = id.item.type
        let name = id.item.name + String(repeating: " ", count: max(0, width - id.item.name.count))
        return "\(name)  \(ValueFormatter.displayText(running, as: type)) → \(ValueFormatter.displayText(wanted, as: type))"
    }
}

/// How to bring a running QEMU from the settings it holds to a profile's: the differences, and
/// the `migrate-set-capabilities` / `migrate-set-parameters` commands that send only them, in an
/// order QEMU accepts. QEMU checks each command against everything it already holds, so a
/// capability that another change needs (return-path for switchover-ack, multifd off before
/// mapped-ram's compression is set…) must be in place first: of the orders capabilities first,
/// parameters first, and capabilities turned off, then parameters, then capabilities turned
/// on, the plan takes the first whose every intermediate state migedit's checker accepts.
public struct ApplyPlan: Hashable, Sendable {
    public let version: QEMUVersion
    /// Every capability and parameter whose value differs, in catalog order.
    public let changes: [LiveChange]
    /// The commands to send, in order, one JSON object (`execute` and `arguments`) each.
    public let commands: [JSON]
    /// Changed `-global`-only properties: no monitor command sets them, so they are left out.
    public let propertiesLeftOut: [ItemID]

    /// The plan taking `running` (what QEMU holds) to `wanted` on `host`, for `version`.
    public init(from running: Configuration, to wanted: Configuration, version: QEMUVersion, host: Host) {
        self.version = version
        let catalog = Catalog.for(version)
        let differing = catalog.items.filter { running[$0.id] != wanted[$0.id] }
        changes = differing.filter { $0.kind != .property }.map { LiveChange(id: $0.id, running: running[$0.id], wanted: wanted[$0.id]) }
        propertiesLeftOut = differing.filter { $0.kind == .property }.map(\.id)
        let checker = Checker.for(version)
        commands = ApplyPlan.order(changes, from: running, checker: checker, host: host).map(ApplyPlan.command)
    }

    /// Nothing to send.
    public var isEmpty: Bool { changes.isEmpty }

    /// The commands as the lines `--dry-run` prints (and `export --format qmp` writes).
    public var lines: [String] { commands.map { $0.serialized() } }

    /// Whether any command changes a capability, which QEMU refuses while a migration runs.
    public var changesCapabilities: Bool { changes.contains { $0.id.item.kind == .capability } }

    /// Changes QEMU's monitor in this release answers with success but does not apply (see
    /// `MonitorQuirks`), each with the note saying how to set it instead.
    public func ignoredChanges(host: Host) -> [(change: LiveChange, note: String)] {
        let catalog = Catalog.for(version)
        return changes.compactMap { change in
            MonitorQuirks.note(setting: change.id, to: change.wanted, host: host, catalog: catalog, format: .qmp).map { (change, $0) }
        }
    }

    /// The settings that read back differently from what `wanted` asks for: QEMU did not take them.
    public static func notTaken(_ wanted: Configuration, readBack: Configuration, version: QEMUVersion) -> [LiveChange] {
        Catalog.for(version).items.filter { $0.kind != .property && readBack[$0.id] != wanted[$0.id] }.map {
            LiveChange(id: $0.id, running: readBack[$0.id], wanted: wanted[$0.id])
        }
    }

    /// One batch of changes sent as one command.
    enum Step: Hashable {
        case capabilities([LiveChange])
        case parameters([LiveChange])

        var changes: [LiveChange] {
            switch self {
            case .capabilities(let changes), .parameters(let changes): return changes
            }
        }
    }

    /// The first order whose intermediate states add no error to those QEMU's settings already
    /// have; the three-step order when none does (it is the one that needs the least luck).
    static func order(_ changes: [LiveChange], from running: Configuration, checker: Checker, host: Host) -> [Step] {
        let capabilities = changes.filter { $0.id.item.kind == .capability }
        let parameters = changes.filter { $0.id.item.kind == .parameter }
        let turnedOff = capabilities.filter { !$0.wanted.isOn }, turnedOn = capabilities.filter(\.wanted.isOn)
        let candidates: [[Step]] = [
            [.capabilities(capabilities), .parameters(parameters)],
            [.parameters(parameters), .capabilities(capabilities)],
            [.capabilities(turnedOff), .parameters(parameters), .capabilities(turnedOn)],
        ].map { $0.filter { !$0.changes.isEmpty } }
        let existing = checker.errors(of: running, on: host)
        let fits = { (steps: [Step]) -> Bool in
            var state = running
            for step in steps.dropLast() {
                for change in step.changes { state[change.id] = change.wanted }
                if !checker.errors(of: state, on: host).subtracting(existing).isEmpty { return false }
            }
            return true
        }
        return candidates.first(where: fits) ?? candidates[2]
    }

    static func command(_ step: Step) -> JSON {
        switch step {
        case .capabilities(let changes):
            let entries = changes.map { change in
                JSON.object([
                    JSONMember(key: "capability", value: .string(change.id.item.name)),
                    JSONMember(key: "state", value: .bool(change.wanted.isOn)),
                ])
            }
            return Exporter.command("migrate-set-capabilities", [JSONMember(key: "capabilities", value: .array(entries))])
        case .parameters(let changes):
            return Exporter.command(
                "migrate-set-parameters", changes.map { JSONMember(key: $0.id.item.name, value: ValueJSON.encode($0.wanted)) })
        }
    }
}
