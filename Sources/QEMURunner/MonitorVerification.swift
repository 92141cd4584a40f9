import MigrationCore

/// The monitor half of `migedit verify`: the configuration sent as the QMP or HMP export
/// writes it, to a QEMU started with no `-global`, then every setting read back over QMP.
/// Operators set migration options at runtime, where QEMU checks them as it receives each
/// command; this proves migedit's verdict and values hold on that path too.
public struct MonitorVerification: Sendable {
    /// `.qmp` or `.hmp`.
    public let format: ExportFormat
    /// The export's lines, sent one by one.
    public let commands: [String]
    /// What the format could not carry, from the export (those settings were not sent).
    public let notes: [String]
    /// QEMU's answer to the first command it refused, as it worded it; nil when it took all.
    public let refusal: String?
    /// Sent settings this release's monitor takes without applying (`MonitorQuirks`), which
    /// must read back unchanged.
    public let ignored: [ItemID]
    /// Every way QEMU and migedit differ; empty when they agree.
    public let disagreements: [String]

    public var agrees: Bool { disagreements.isEmpty }

    /// QEMU's words when a reply says a command failed: a QMP error's description, or the
    /// `Error: …` HMP printed (HMP succeeds silently, or with `warning:` lines only); nil on
    /// success.
    public static func refusal(in reply: QMPReply, format: ExportFormat) -> String? {
        switch reply {
        case .failed(_, let description): return description
        case .returned(let value):
            guard format == .hmp else { return nil }
            let lines = QEMURunner.normalizeNewlines(value.stringValue ?? "").split(separator: "\n")
            guard let error = lines.first(where: { !$0.hasPrefix("warning: ") }) else { return nil }
            return error.hasPrefix("Error: ") ? String(error.dropFirst("Error: ".count)) : String(error)
        }
    }
}

extension Verifier {
    /// Sends `configuration` through `format`'s export (`.qmp` or `.hmp`) to a QEMU started
    /// with nothing set (under the host's machine type, else `-M none`; TCG, no `-incoming`),
    /// reads everything back, and lists how QEMU differs from migedit: a refusal of a
    /// configuration migedit accepts, acceptance of one it rejects, a refusal whose message is
    /// none of migedit's errors, or a value read back other than the one sent. A setting `MonitorQuirks` says the monitor ignores must
    /// keep its default, and is not checked, as QEMU does not check it.
    public static func verifyMonitor(
        _ configuration: Configuration, host profileHost: Host, with binary: QEMUBinary, format: ExportFormat,
        timeout: Double = 20
    ) throws(QEMURunError) -> MonitorVerification {
        guard let version = QEMUVersion(parsing: binary.version) else {
            throw .unusable("migedit has no profile for QEMU \(binary.version) (known: \(QEMUVersion.list))")
        }
        let host = runHost(from: profileHost)
        let catalog = Catalog.for(version)
        let export = Exporter.export(configuration, host: host, version: version, format: format)
        let lines = export.text.split(separator: "\n").map(String.init)
        let commands = lines.enumerated().compactMap { index, line in
            format == .qmp ? QMPCommand(id: "set-\(index)", json: line) : QMPCommand.hmp(id: "set-\(index)", line)
        }
        let (outcome, transcript) = try QEMURunner.run(
            binary, arguments: [], sending: commands, machine: profileHost.machine, timeout: timeout)
        let refusal = commands.lazy.compactMap { transcript[$0.id].flatMap { MonitorVerification.refusal(in: $0, format: format) } }.first

        var sent = configuration
        for item in catalog.items where !sent.isChanged(item.id) || !carries(item, sent[item.id], format) { sent.reset(item.id) }
        for id in configuration.valuesLost(movingTo: version) { sent.reset(id) }
        // What the monitor ignores it does not check either: QEMU acts as if it was never sent.
        let ignored = sent.changedItems.filter { MonitorQuirks.ignores($0, in: version) }
        var applied = sent
        for id in ignored { applied.reset(id) }
        let predicted = Checker.for(version).check(applied, on: host)
        var problems: [String] = []
        switch (predicted.firstError, refusal) {
        case (nil, let refusal?):
            problems.append("QEMU refused it over \(format.rawValue.uppercased()): \"\(refusal)\"; migedit accepts it")
        case (let error?, nil):
            problems.append("QEMU took it over \(format.rawValue.uppercased()); migedit predicted \"\(error.message)\"")
        case (_?, let refusal?) where !predicted.errors.contains(where: { refusal.hasPrefix($0.message) }):
            problems.append("QEMU refused it with \"\(refusal)\", which is none of migedit's errors: \(predicted.errors.map(\.message))")
        default: break
        }
        if refusal == nil { problems += readBack(applied, host: host, catalog: catalog, outcome: outcome) }
        return MonitorVerification(
            format: format, commands: lines, notes: export.notes, refusal: refusal, ignored: ignored, disagreements: problems)
    }

    /// Whether `format`'s export sends this setting: monitors set no `-global` property, and
    /// HMP cannot set block-bitmap-mapping nor sizes above what its parser takes.
    static func carries(_ item: Item, _ value: Value, _ format: ExportFormat) -> Bool {
        guard item.kind != .property else { return false }
        guard format == .hmp else { return true }
        return Exporter.hmpText(item.id, value) != nil && MonitorQuirks.hmpRefusal(item.id, value) == nil
    }
}
