import MigrationCore

/// The host facts a real QEMU binary has on this machine, each found by asking QEMU: its
/// QAPI schema, its answers to capability and parameter changes made over QMP, and whether
/// it starts with KVM. What `migedit probe` prints.
public struct HostProbe: Sendable {
    public let binary: QEMUBinary
    /// The migedit profile of the binary's release.
    public let version: QEMUVersion
    /// The measured facts; `machine` is the caller's to name (`probe --machine`).
    public var host: Host

    /// The facts a probe measures: all but `incoming`, which says how QEMU is started, not what
    /// the build or the machine can do.
    public static let measuredFacts = HostFact.allCases.filter { $0 != .incoming }

    /// The profile text stating every measured fact.
    public var profileJSON: String { host.profileJSON(stating: HostProbe.measuredFacts, version: version) }

    /// `--host FACT=VALUE` argv words for every measured fact.
    public var hostOptions: [String] { host.hostOptions(stating: HostProbe.measuredFacts) }

    /// Runs the binary up to three times (`-M none`, no guest): once with `-incoming defer`, so
    /// QEMU is an incoming QEMU and setting postcopy-ram makes it check the host's userfaultfd,
    /// trying each capability and parameter value and resetting it afterwards so the trials do
    /// not interact; once with `-accel kvm`; and, when KVM works, once with a KVM dirty ring.
    ///
    /// `-M none` has no guest RAM, so a write-tracking kernel reports `compatible`: a guest's
    /// memory backend could still make background-snapshot refuse it.
    ///
    /// Throws `unusable` when the release has no migedit profile or QEMU answers a trial in a
    /// way that tells nothing (the message names the trial), and as `QEMURunner.converse` does.
    public static func probe(_ binary: QEMUBinary, timeout: Double = 20) throws(QEMURunError) -> HostProbe {
        guard let version = QEMUVersion(parsing: binary.version) else {
            throw .unusable("migedit has no profile for QEMU \(binary.version) (known: \(QEMUVersion.list))")
        }
        let hasBlock = Catalog.for(version).contains(.block)
        let trials = try QEMURunner.converse(
            binary, script: incomingScript(withBlock: hasBlock), arguments: ["-incoming", "defer"], timeout: timeout)
        guard !trials.replies.isEmpty else {
            throw .unusable("\(binary.path) refused -M none -incoming defer: \(firstLine(trials.rawStderr))")
        }
        for reset in resetIDs {
            if let error = trials[reset]?.errorDescription { throw .unusable("probe: \(reset) failed: \(error)") }
        }
        guard trials["status"]?.value?["status"]?.stringValue == "inmigrate" else {
            throw .unusable("probe: QEMU started with -incoming defer is not in the inmigrate state, so postcopy support cannot be tested")
        }

        var host = Host()
        #if os(Linux)
            host.os = .linux
        #else
            host.os = .other
        #endif
        host.compressionMethods = try compressionMethods(trials["schema"])
        host.postcopySupport = try accepted(trials["postcopy"], "postcopy-ram", refusedWith: "Postcopy is not supported")
        host.writeTracking = try writeTracking(trials["snapshot"])
        host.replication = try accepted(trials["colo"], "x-colo", refusedWith: "QEMU compiled without replication module")
        host.liveBlockMigration = false
        if hasBlock, QEMURunner.capabilityStates(trials["caps"]?.value ?? .null)?["block"] != nil {
            host.liveBlockMigration = try accepted(trials["block"], "block", refusedWith: "QEMU compiled without old-style")
        }
        host.pageSize = try pageSize(trials)
        host.kvm = try startsWithKVM(binary, accelerator: "kvm", timeout: timeout)
        host.dirtyRing = try host.kvm ? startsWithKVM(binary, accelerator: "kvm,dirty-ring-size=4096", timeout: timeout) : false
        return HostProbe(binary: binary, version: version, host: host)
    }

    /// The trial sizes for `xbzrle-cache-size`: 512 bytes to 2 MiB, beyond any target page size.
    static let pageSizeTrials: [UInt64] = (9...21).map { 1 << $0 }

    /// The capabilities whose refusal tells a fact, each with the id of its trial.
    static let trialCapabilities: [(id: String, capability: String)] = [
        ("postcopy", "postcopy-ram"), ("snapshot", "background-snapshot"), ("colo", "x-colo"), ("block", "block"),
    ]

    /// The commands that undo a trial; each must succeed, or later trials could see its effect.
    static var resetIDs: [String] { trialCapabilities.map { $0.id + "-reset" } + ["page-reset"] }

    /// The script of the `-incoming defer` run: the schema, the capabilities, then each trial
    /// followed by its reset.
    static func incomingScript(withBlock: Bool) -> [QMPCommand] {
        var script = [
            QMPCommand(id: "status", execute: "query-status"),
            QMPCommand(id: "schema", execute: "query-qmp-schema"),
            QMPCommand(id: "caps", execute: "query-migrate-capabilities"),
        ]
        for (id, capability) in trialCapabilities where withBlock || capability != "block" {
            script += [
                QMPCommand.setCapabilities(id: id, [capability], to: true),
                QMPCommand.setCapabilities(id: id + "-reset", [capability], to: false),
            ]
        }
        script += pageSizeTrials.map { setCacheSize(id: "page-\($0)", $0) }
        return script + [setCacheSize(id: "page-reset", ItemID.xbzrleCacheSize.item.defaultValue.number)]
    }

    static func setCacheSize(id: String, _ size: UInt64) -> QMPCommand {
        QMPCommand(id: id, execute: "migrate-set-parameters", arguments: [JSONMember(key: "xbzrle-cache-size", value: .number(size))])
    }

    /// True when QEMU accepted the capability, false when it refused it with a message starting
    /// with `refusal`; any other answer is a probe failure.
    static func accepted(_ reply: QMPReply?, _ capability: String, refusedWith refusal: String) throws(QEMURunError) -> Bool {
        switch reply {
        case .returned?: return true
        case .failed(_, let description)? where description.hasPrefix(refusal): return false
        case .failed(_, let description)?: throw .unusable("probe: setting \(capability) failed for an unknown reason: \(description)")
        case nil: throw .unusable("probe: QEMU did not answer the \(capability) trial")
        }
    }

    /// What setting background-snapshot said about userfaultfd write-protection.
    static func writeTracking(_ reply: QMPReply?) throws(QEMURunError) -> Host.WriteTracking {
        switch reply {
        case .returned?: return .compatible
        case .failed(_, let description)? where description.contains("not supported by host kernel"): return .absent
        case .failed(_, let description)? where description.contains("not compatible with guest memory"): return .available
        case .failed(_, let description)?: throw .unusable("probe: setting background-snapshot failed for an unknown reason: \(description)")
        case nil: throw .unusable("probe: QEMU did not answer the background-snapshot trial")
        }
    }

    /// The smallest power of two QEMU accepts as `xbzrle-cache-size`: the target page size.
    static func pageSize(_ trials: QMPTranscript) throws(QEMURunError) -> UInt64 {
        for size in pageSizeTrials {
            switch trials["page-\(size)"] {
            case .returned?: return size
            case .failed(_, let description)? where description.contains("no less than the target page size"): continue
            case .failed(_, let description)?: throw .unusable("probe: xbzrle-cache-size=\(size) failed for an unknown reason: \(description)")
            case nil: throw .unusable("probe: QEMU did not answer xbzrle-cache-size=\(size)")
            }
        }
        throw .unusable("probe: QEMU refused every xbzrle-cache-size up to \(pageSizeTrials.last ?? 0)")
    }

    /// The optional methods of the `multifd-compression` enum, found by following
    /// `migrate-set-parameters`' argument type in the schema (introspection masks type names as
    /// numbers, so every reference is looked up by name).
    static func compressionMethods(_ reply: QMPReply?) throws(QEMURunError) -> CompressionMethods {
        guard let choices = reply?.value.flatMap(compressionChoices) else {
            throw .unusable("probe: query-qmp-schema has no multifd-compression enum under migrate-set-parameters")
        }
        return choices.reduce(into: CompressionMethods()) { methods, name in
            if let method = CompressionMethods.method(named: name) { methods.insert(method) }
        }
    }

    /// The values of `migrate-set-parameters`' `multifd-compression` enum in a
    /// `query-qmp-schema` answer; nil when the schema does not have that path.
    static func compressionChoices(_ schema: JSON) -> [String]? {
        var types: [String: JSON] = [:]
        for entry in schema.arrayValue ?? [] {
            if let name = entry["name"]?.stringValue { types[name] = entry }
        }
        guard let command = types["migrate-set-parameters"], command["meta-type"]?.stringValue == "command",
            let arguments = command["arg-type"]?.stringValue.flatMap({ types[$0] }),
            let member = arguments["members"]?.arrayValue?.first(where: { $0["name"]?.stringValue == "multifd-compression" }),
            let enumeration = member["type"]?.stringValue.flatMap({ types[$0] }), enumeration["meta-type"]?.stringValue == "enum"
        else { return nil }
        if let members = enumeration["members"]?.arrayValue { return members.compactMap { $0["name"]?.stringValue } }
        return enumeration["values"]?.arrayValue?.compactMap(\.stringValue)
    }

    /// Whether QEMU starts with `-accel <accelerator>` and `query-kvm` reports KVM in use. A QEMU
    /// that cannot open /dev/kvm (or lacks the dirty-ring support asked for) exits at startup.
    static func startsWithKVM(_ binary: QEMUBinary, accelerator: String, timeout: Double) throws(QEMURunError) -> Bool {
        let run = try QEMURunner.converse(
            binary, script: [QMPCommand(id: "kvm", execute: "query-kvm")], arguments: ["-accel", accelerator], timeout: timeout)
        return run["kvm"]?.value?["enabled"]?.boolValue == true
    }

    static func firstLine(_ text: String) -> String {
        text.split(separator: "\n").first.map(String.init) ?? "no message"
    }
}
