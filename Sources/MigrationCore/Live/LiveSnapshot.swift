/// What a running QEMU reports about its migration settings and itself: its release, every
/// capability and parameter, the `-global` properties HMP's `info migrate` lists, and the host
/// facts QMP can tell (KVM in use, whether it was started
/// with `-incoming` and whether the incoming side is already listening), plus the migration's
/// status. `migedit pull` prints it; `apply` and the live editor compare a profile against it.
public struct LiveSnapshot: Hashable, Sendable {
    /// QEMU's own version, e.g. `10.0.2`.
    public let qemuVersion: String
    /// The migedit release it runs.
    public let version: QEMUVersion
    /// The settings QEMU holds, and the host facts: the base host with what QEMU reported.
    public let profile: Profile
    /// `query-migrate`'s status (`none` when it reports none): `active` while a migration runs.
    public let migrationStatus: String

    /// The queries a snapshot is read from, as (id, QMP command); `init(replies:…)` expects
    /// each one's `return` under its id.
    public static let queries: [(id: String, command: JSON)] = [
        ("version", "query-version"), ("kvm", "query-kvm"), ("status", "query-status"), ("migrate", "query-migrate"),
        ("caps", "query-migrate-capabilities"), ("params", "query-migrate-parameters"),
    ].map { ($0.0, Exporter.command($0.1, [])) } + [
        ("globals", Exporter.command("human-monitor-command", [JSONMember(key: "command-line", value: .string("info migrate"))])),
        ("machine", Exporter.command("qom-get", [
            JSONMember(key: "path", value: .string("/machine")), JSONMember(key: "property", value: .string("type")),
        ])),
    ]

    /// The migration states in which QEMU refuses capability changes (its
    /// `migration_is_running()`): a migration has started and not yet ended.
    public static let runningStates: Set<String> = [
        "setup", "active", "postcopy-active", "postcopy-paused", "postcopy-recover-setup", "postcopy-recover",
        "device", "wait-unplug", "pre-switchover", "cancelling", "colo",
    ]

    /// QEMU's refusal of `migrate-set-capabilities` while a migration runs (`QERR_MIGRATION_ACTIVE`).
    public static let migrationInProgress = "There's a migration process in progress"

    /// Reads the replies to `queries`. Facts QMP cannot tell (page size, build options, the
    /// dirty ring when KVM is in use) come from `host`. Throws when QEMU's release has no migedit
    /// profile or a reply is not what the query returns.
    public init(replies: [String: JSON], host: Host = .standard) throws(ImportError) {
        let number = { (key: String) in replies["version"]?["qemu"]?[key]?.uint64Value }
        guard let major = number("major"), let minor = number("minor"), let micro = number("micro") else {
            throw ImportError("query-version did not report QEMU's version")
        }
        qemuVersion = "\(major).\(minor).\(micro)"
        guard let version = QEMUVersion(parsing: qemuVersion) else {
            throw ImportError("migedit has no profile for QEMU \(qemuVersion) (known: \(QEMUVersion.list))")
        }
        self.version = version
        let catalog = Catalog.for(version)
        var profile = Profile(host: host, version: version)
        // The machine type's compat properties are the defaults the settings are measured against.
        if let type = replies["machine"]?.stringValue, type.hasSuffix(LiveSnapshot.machineSuffix) {
            let name = String(type.dropLast(LiveSnapshot.machineSuffix.count))
            if MachineType(name: name, in: version) != nil { try profile.setMachine(name) }
        }
        guard let capabilities = replies["caps"]?.arrayValue, let parameters = replies["params"], parameters.members != nil else {
            throw ImportError("query-migrate-capabilities or query-migrate-parameters did not answer with the settings")
        }
        _ = try Importer.applyCapabilities(capabilities, to: &profile.configuration, catalog: catalog)
        _ = try Importer.applyParameters(parameters, to: &profile.configuration, catalog: catalog)
        try LiveSnapshot.readGlobals(replies["globals"]?.stringValue ?? "", into: &profile.configuration, catalog: catalog)
        if let method = parameters["multifd-compression"]?.stringValue.flatMap(CompressionMethods.method(named:)) {
            profile.host.compressionMethods.insert(method)
        }
        profile.host.kvm = replies["kvm"]?["enabled"]?.boolValue == true
        if !profile.host.kvm { profile.host.dirtyRing = false }
        let migration = replies["migrate"]?.members ?? []
        if replies["status"]?["status"]?.stringValue == "inmigrate" {
            profile.host.incoming = migration.isEmpty ? .pending : .started
        } else {
            profile.host.incoming = .no
        }
        self.profile = profile
        migrationStatus = replies["migrate"]?["status"]?.stringValue ?? "none"
    }

    /// The `-global` properties in `info migrate`'s `globals:` section (`send-switchover-start:
    /// off`); names migedit has no property for (`only-migratable`) are skipped.
    static func readGlobals(_ text: String, into configuration: inout Configuration, catalog: Catalog) throws(ImportError) {
        let lines = text.split(whereSeparator: \.isNewline).drop { $0 != "globals:" }.dropFirst()
        for line in lines {
            guard let colon = line.firstRange(of: ": ") else { break }
            let name = String(line[..<colon.lowerBound])
            guard let item = catalog.items.first(where: { $0.kind == .property && ($0.name == name || $0.name == "x-" + name) }) else {
                continue
            }
            configuration[item.id] = try Configuration.parse(String(line[colon.upperBound...]), for: item, version: catalog.version)
        }
    }

    /// What QOM appends to a machine type's name (`pc-q35-8.2-machine`).
    static let machineSuffix = "-machine"

    /// A migration runs, so QEMU refuses capability changes (parameters it still takes).
    public var isMigrating: Bool { LiveSnapshot.runningStates.contains(migrationStatus) && profile.host.incoming == .no }
}
