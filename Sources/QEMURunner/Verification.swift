import MigrationCore

/// migedit's prediction for a configuration set against what a real QEMU did with it: the
/// verdict, the first error, the warnings, and every value read back over QMP.
public struct Verification: Sendable {
    public let binary: QEMUBinary
    /// The profile release matching the binary.
    public let version: QEMUVersion
    /// The `-global` argv words given to QEMU.
    public let arguments: [String]
    /// Changed settings that have no `-global` property, so QEMU never saw them; the prediction
    /// leaves them out too.
    public let notPassed: [ItemID]
    /// The configuration QEMU saw: the given one without `notPassed`.
    public let passed: Configuration
    /// The host facts the prediction used: the profile's, with what a `-M none` TCG run
    /// without `-incoming` really is (no KVM, no dirty ring, no incoming migration).
    public let host: Host
    public let predicted: Report
    public let outcome: QEMUOutcome
    /// Every way QEMU and migedit differ; empty when they agree.
    public let disagreements: [String]

    public var agrees: Bool { disagreements.isEmpty }
}

/// Runs a configuration through a real QEMU and compares it with migedit's checker.
public enum Verifier {
    /// The host of a verification run: QEMU runs with TCG and no `-incoming`.
    public static func runHost(from host: Host) -> Host {
        var run = host
        run.kvm = false
        run.dirtyRing = false
        run.incoming = .no
        return run
    }

    /// Exports `configuration` as `-global` words for the binary's release, runs QEMU with them
    /// (under the host's machine type when it names one, `-M none` otherwise), and lists every
    /// difference from migedit's prediction for the run's host. `configuration` must be
    /// measured against that machine type's defaults, as a `Profile`'s is.
    public static func verify(
        _ configuration: Configuration, host profileHost: Host, with binary: QEMUBinary, timeout: Double = 20
    ) throws(QEMURunError) -> Verification {
        guard let version = QEMUVersion(parsing: binary.version) else {
            throw .unusable("migedit has no profile for QEMU \(binary.version) (known: \(QEMUVersion.list))")
        }
        let host = runHost(from: profileHost)
        let catalog = Catalog.for(version)
        let (arguments, notPassed) = Exporter.globalArguments(configuration, host: host, catalog: catalog)
        var passed = configuration
        for id in notPassed + configuration.valuesLost(movingTo: version) { passed.reset(id) }
        let predicted = Checker.for(version).check(passed, on: host)
        let outcome = try QEMURunner.run(binary, arguments: arguments, machine: profileHost.machine, timeout: timeout)
        let machineWarnings = profileHost.machine.flatMap { MachineType(name: $0, in: version)?.deprecationWarning(in: version) }
        let disagreements = compare(predicted, outcome, machineWarnings: machineWarnings.map { [$0] } ?? [])
            + readBack(passed, host: host, catalog: catalog, outcome: outcome)
        return Verification(
            binary: binary, version: version, arguments: arguments, notPassed: notPassed, passed: passed, host: host,
            predicted: predicted, outcome: outcome, disagreements: disagreements)
    }

    /// `machineWarnings`: what QEMU prints about the machine type before any migration check.
    static func compare(_ predicted: Report, _ outcome: QEMUOutcome, machineWarnings: [String] = []) -> [String] {
        var problems: [String] = []
        let qemuVerdict = outcome.isAccepted ? "accepted" : "rejected"
        let ourVerdict = predicted.isAccepted ? "accepted" : "rejected"
        if qemuVerdict != ourVerdict {
            problems.append("verdict: QEMU \(qemuVerdict) it, migedit predicted \(ourVerdict)")
            if !outcome.isAccepted && outcome.firstError == nil {
                problems.append("QEMU printed no error: " + silentRejection(outcome))
            }
        }
        if !outcome.isAccepted, let message = outcome.firstError.map(withoutGlobalPrefix),
            message != predicted.firstError?.message
        {
            problems.append("first error: QEMU said \"\(message)\", migedit predicted \(quoted(predicted.firstError?.message))")
        }
        let predictedWarnings = machineWarnings + predicted.startupLines.compactMap { line in
            line.hasPrefix("warning: ") ? String(line.dropFirst("warning: ".count)) : nil
        }
        if outcome.warnings != predictedWarnings {
            problems.append("warnings: QEMU printed \(outcome.warnings), migedit predicted \(predictedWarnings)")
        }
        return problems
    }

    /// What there is to go on when QEMU ended without accepting and without an error line
    /// (a crash, or a monitor that never answered): its exit status, whether the capabilities
    /// query was answered, its last stderr line and any QMP error.
    static func silentRejection(_ outcome: QEMUOutcome) -> String {
        let lastLine = outcome.rawStderr.split(whereSeparator: \.isNewline).last.map(String.init)
        return "exit status \(outcome.exitStatus), "
            + (outcome.capabilities == nil ? "no answer" : "an answer") + " to query-migrate-capabilities, "
            + "last stderr line " + (lastLine.map { "\"\($0)\"" } ?? "none") + outcome.qmpErrors.map { ", QMP error " + $0 }.joined()
    }

    /// QEMU's message for a `-global` value it cannot parse, without the "can't apply global
    /// migration.P=V: " it puts first: migedit's message is the part QMP reports too.
    static func withoutGlobalPrefix(_ message: String) -> String {
        guard message.hasPrefix("can't apply global migration."), let separator = message.firstRange(of: ": ") else {
            return message
        }
        return String(message[separator.upperBound...])
    }

    static func quoted(_ text: String?) -> String { text.map { "\"\($0)\"" } ?? "no error" }

    /// Every capability, parameter and visible compat property QEMU reports, against ours.
    static func readBack(_ configuration: Configuration, host: Host, catalog: Catalog, outcome: QEMUOutcome) -> [String] {
        guard outcome.isAccepted else { return [] }
        var problems: [String] = []
        let items = catalog.items
        for (name, state) in (outcome.capabilities ?? [:]).sorted(by: { $0.key < $1.key }) {
            guard let item = items.first(where: { $0.kind == .capability && $0.name == name }) else {
                problems.append("capability \(name): QEMU has it, migedit's \(catalog.version) profile does not")
                continue
            }
            if configuration.isOn(item.id) != state {
                problems.append("capability \(name): QEMU reads back \(state), migedit set \(configuration.isOn(item.id))")
            }
        }
        for item in items where item.kind == .capability && outcome.capabilities?[item.name] == nil && isReported(item, on: host) {
            problems.append("capability \(item.name): migedit's \(catalog.version) profile has it, QEMU does not report it")
        }
        let parameters = outcome.parameters ?? [:]
        for (name, value) in parameters.sorted(by: { $0.key < $1.key }) {
            guard let item = items.first(where: { $0.kind == .parameter && $0.name == name }) else {
                problems.append("parameter \(name): QEMU has it, migedit's \(catalog.version) profile does not")
                continue
            }
            if let expected = qmpValue(configuration[item.id]), expected != value {
                problems.append("parameter \(name): QEMU reads back \(value), migedit set \(expected)")
            }
        }
        for item in items where item.kind == .parameter && parameters[item.name] == nil && item.isAlwaysReportedByQuery {
            problems.append("parameter \(item.name): migedit's \(catalog.version) profile has it, QEMU does not report it")
        }
        for (name, text) in (outcome.globals ?? [:]).sorted(by: { $0.key < $1.key }) {
            guard let item = items.first(where: { $0.kind == .property && ($0.name == name || $0.name == "x-" + name) }) else {
                continue
            }
            let expected = ValueFormatter.globalText(configuration[item.id], as: item.type)
            if expected != text {
                problems.append("property \(item.name): QEMU reads back \(text), migedit set \(expected)")
            }
        }
        return problems
    }

    /// `query-migrate-capabilities` leaves out `block` in a build without live block migration.
    static func isReported(_ item: Item, on host: Host) -> Bool {
        item.id != .block || host.liveBlockMigration
    }

    static func qmpValue(_ value: Value) -> QMPValue? {
        switch value {
        case .bool(let flag): return .bool(flag)
        case .number(let number): return .integer(number)
        case .choice(let text), .text(let text): return .string(text)
        case .bitmapMapping, .stringList: return nil
        }
    }
}
