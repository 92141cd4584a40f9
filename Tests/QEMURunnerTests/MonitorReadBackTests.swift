@testable import MigrationCore
import Testing
@testable import QEMURunner

// Every capability and parameter of a real QEMU, set with migedit's own QMP and HMP exports and
// read back over QMP. Everything must read back as set, except what `MonitorQuirks` names, which
// must keep its old value: the quirk table is measured here, not assumed. One QEMU process per
// binary and format runs the whole script.

@Suite("Monitor read-back, QEMU 7.2", .enabled(if: Binaries.qemu72Path != nil, Comment(rawValue: Binaries.missing72)))
struct MonitorReadBack72Tests {
    @Test(arguments: [ExportFormat.qmp, .hmp])
    func everySettingReadsBackAsSet(_ format: ExportFormat) throws {
        try MonitorTrial(path: Binaries.qemu72Path ?? "").expectReadBack(format)
    }
}

@Suite("Monitor read-back, QEMU 10.0", .enabled(if: Binaries.qemu100Path != nil, Comment(rawValue: Binaries.missing100)))
struct MonitorReadBack100Tests {
    @Test(arguments: [ExportFormat.qmp, .hmp])
    func everySettingReadsBackAsSet(_ format: ExportFormat) throws {
        try MonitorTrial(path: Binaries.qemu100Path ?? "").expectReadBack(format)
    }
}

/// One binary's settings, each with a value migedit's checker accepts, and the script that sets
/// them through an export and reads them back.
struct MonitorTrial {
    let qemu: QEMUBinary
    let version: QEMUVersion
    let catalog: Catalog
    /// The probed facts of a `-M none` TCG run without `-incoming`, which this run is.
    let host: Host

    init(path: String) throws {
        qemu = try QEMUBinary.probe(path)
        let probe = try HostProbe.probe(qemu)
        version = probe.version
        catalog = Catalog.for(version)
        host = Verifier.runHost(from: probe.host)
    }

    /// A set of capabilities turned on together, whether migedit predicts QEMU accepts it, and
    /// the commands that send it.
    struct CapabilityTrial {
        let subject: ItemID
        let items: [ItemID]
        let accepted: Bool
        let commands: [QMPCommand]

        var name: String { "cap-\(subject.item.name)" }
    }

    /// A parameter's new value, the commands that send it, and what QEMU should hold once every
    /// trial up to it has run.
    struct ParameterTrial {
        let name: String
        let id: ItemID
        let value: Value
        let commands: [QMPCommand]
        /// `MonitorQuirks` says QEMU refuses the value this way, so the commands are the line
        /// the export leaves out, and QEMU must answer with an error.
        let refused: Bool
        let expected: Configuration
    }

    func isAccepted(_ configuration: Configuration) -> Bool {
        Checker.for(version).check(configuration, on: host).errors.isEmpty
    }

    var capabilities: [ItemID] { catalog.items.filter { $0.kind == .capability }.map(\.id) }
    var parameters: [ItemID] { catalog.items.filter { $0.kind == .parameter }.map(\.id) }

    /// The capability alone when migedit accepts that, else with the first capability that
    /// makes it acceptable (return-path for switchover-ack…), else alone and predicted refused;
    /// sent as the format's export.
    func capabilityTrial(_ id: ItemID, _ format: ExportFormat) -> CapabilityTrial {
        func on(_ items: [ItemID]) -> Configuration {
            var configuration = Configuration()
            for item in items { configuration[item] = .bool(true) }
            return configuration
        }
        func trial(_ items: [ItemID], accepted: Bool) -> CapabilityTrial {
            let commands = exported(on(items), format, prefix: "cap-\(id.item.name)").commands
            return CapabilityTrial(subject: id, items: items, accepted: accepted, commands: commands)
        }
        if isAccepted(on([id])) { return trial([id], accepted: true) }
        for other in capabilities where other != id && isAccepted(on([other, id])) {
            return trial(capabilities.filter { $0 == id || $0 == other }, accepted: true)
        }
        return trial([id], accepted: false)
    }

    /// Values other than the default, most ordinary first.
    func ordinaryCandidates(_ item: Item) throws -> [Value] {
        switch (item.type, item.defaultValue) {
        case (.bool, .bool(let flag)): return [.bool(!flag)]
        case (.size, .number(let number)):
            return (number > 0 ? [number * 2] : []).map(Value.number) + [.number(1 << 20)]
        case (_, .number(let number)):
            return [number + 1, number &- 1, 1, 2].filter { $0 != number }.map(Value.number)
        case (.enumeration(let choices), .choice(let choice)):
            return choices.filter { $0 != choice }.map(Value.choice)
        case (.string, _): return [.text("migedit-test")]
        case (.bitmapMapping, _):
            return [try Configuration.parse(
                #"[{"node-name": "disk0", "alias": "d0", "bitmaps": [{"name": "bitmap0", "alias": "b0"}]}]"#,
                for: item, version: version)]
        case (.stringList, _): return [try Configuration.parse(#"["/bin/true"]"#, for: item, version: version)]
        default: return []
        }
    }

    /// Values at the edges, largest first: the type's maximum, 2^63 and the range limits QEMU's
    /// checks use; the last enum choice; a string with blanks, quotes and a backslash. Empty
    /// where the ordinary value already is the edge (booleans, lists).
    func edgeCandidates(_ item: Item) -> [Value] {
        switch (item.type, item.defaultValue) {
        case (.bool, _), (.bitmapMapping, _), (.stringList, _): return []
        case (.enumeration(let choices), _): return choices.reversed().map(Value.choice)
        case (.string, _): return [.text(#"a "quoted" \ value"#)]
        default:
            let edges: [UInt64] = [
                item.type.maximum ?? 0, 1 << 63, UInt64(Int64.max), UInt64(UInt32.max), 2_000_000, 100_000, 10_000,
                1000, 255, 100, 99, 20, 9,
            ]
            return edges.map(Value.number)
        }
    }

    /// For each round of candidates, each parameter in catalog order with the first candidate
    /// migedit accepts on top of what QEMU holds by then, sent as the format's export. What
    /// QEMU should then hold leaves out what it ignores and what it refuses.
    func parameterTrials(_ format: ExportFormat) throws -> (trials: [ParameterTrial], qmpOnly: [ItemID]) {
        var configuration = Configuration()
        var expected = Configuration()
        var trials: [ParameterTrial] = []
        var qmpOnly: [ItemID] = []
        for (round, candidates) in [(1, ordinaryCandidates), (2, edgeCandidates)] {
            for id in parameters {
                let item = try #require(catalog.item(id))
                var next = configuration
                let value = try candidates(item).first { candidate in
                    next[id] = candidate
                    return candidate != configuration[id] && candidate != item.defaultValue && isAccepted(next)
                }
                guard let chosen = value else {
                    #expect(round == 2, "no value of \(item.name) other than its default is accepted")
                    continue
                }
                var single = Configuration()
                single[id] = chosen
                let name = "par\(round)-\(item.name)"
                let (commands, notes) = exported(single, format, prefix: name)
                if format == .hmp, let refusal = MonitorQuirks.hmpRefusal(id, chosen) {
                    #expect(commands.isEmpty && notes == [refusal])
                    let line = "migrate_set_parameter \(item.name) \(Exporter.hmpText(id, chosen) ?? "")"
                    trials.append(ParameterTrial(
                        name: name, id: id, value: chosen, commands: [.hmp(id: name + "-0", line)], refused: true, expected: expected))
                    continue
                }
                if commands.isEmpty {
                    #expect(notes == ["\(item.name) can only be set through QMP; use --format qmp"])
                    qmpOnly.append(id)
                    continue
                }
                configuration[id] = chosen
                if !MonitorQuirks.ignores(id, in: version) { expected[id] = chosen }
                trials.append(ParameterTrial(name: name, id: id, value: chosen, commands: commands, refused: false, expected: expected))
            }
        }
        return (trials, qmpOnly)
    }

    /// The exported commands for `configuration`, each with an id starting with `prefix`.
    func exported(_ configuration: Configuration, _ format: ExportFormat, prefix: String) -> (commands: [QMPCommand], notes: [String]) {
        let export = Exporter.export(configuration, host: host, version: version, format: format)
        let lines = export.text.split(separator: "\n").map(String.init)
        let commands = lines.enumerated().compactMap { index, line in
            format == .qmp ? QMPCommand(id: "\(prefix)-\(index)", json: line) : QMPCommand.hmp(id: "\(prefix)-\(index)", line)
        }
        #expect(commands.count == lines.count, "every exported line is a command: \(lines)")
        return (commands, export.notes)
    }

    /// Whether a reply to an exported command says it was done: QMP returns, HMP prints
    /// nothing but warnings (`warning: zero-blocks capability is deprecated`).
    static func succeeded(_ reply: QMPReply?, _ format: ExportFormat) -> Bool {
        reply.map { MonitorVerification.refusal(in: $0, format: format) == nil } ?? false
    }

    /// A reply's JSON with every object's members sorted by key: QEMU 10.0 lists
    /// block-bitmap-mapping's members in another order than it takes them.
    static func sorted(_ json: JSON) -> JSON {
        switch json {
        case .array(let elements): return .array(elements.map(sorted))
        case .object(let members):
            return .object(members.sorted { $0.key < $1.key }.map { JSONMember(key: $0.key, value: sorted($0.value)) })
        default: return json
        }
    }

    func expectReadBack(_ format: ExportFormat) throws {
        var script: [QMPCommand] = []
        let capabilityTrials = capabilities.map { capabilityTrial($0, format) }
        for trial in capabilityTrials {
            script += trial.commands + [
                QMPCommand(id: trial.name + "-read", execute: "query-migrate-capabilities"),
                QMPCommand.setCapabilities(id: trial.name + "-reset", trial.items.map(\.item.name), to: false),
            ]
        }
        let (parameterTrials, qmpOnly) = try parameterTrials(format)
        for trial in parameterTrials {
            script += trial.commands + [QMPCommand(id: trial.name + "-read", execute: "query-migrate-parameters")]
        }
        #expect(qmpOnly == (format == .hmp ? [.blockBitmapMapping] : []), "only block-bitmap-mapping is QMP-only: \(qmpOnly)")

        let transcript = try QEMURunner.converse(qemu, script: script)
        #expect(transcript.exitStatus == 0, "\(transcript.rawStderr)")

        for trial in capabilityTrials {
            let names = trial.items.map(\.item.name)
            let replies = trial.commands.map { transcript[$0.id] }
            let states = try #require(transcript[trial.name + "-read"]?.value.flatMap(QEMURunner.capabilityStates), "\(names)")
            #expect(transcript[trial.name + "-reset"]?.value != nil, "reset after \(names)")
            if trial.accepted {
                #expect(replies.allSatisfy { MonitorTrial.succeeded($0, format) }, "\(format) set \(names): \(replies)")
                #expect(states.filter(\.value).keys.sorted() == names.sorted(), "\(format) set \(names), QEMU reads back \(states.filter(\.value))")
            } else {
                #expect(replies.contains { !MonitorTrial.succeeded($0, format) }, "migedit predicts QEMU refuses \(names): \(replies)")
                #expect(states.allSatisfy { !$0.value }, "\(names) refused, yet QEMU reads back \(states.filter(\.value))")
            }
        }
        // Only build and host facts (dirty-limit needs KVM; x-colo, block, background-snapshot
        // depend on the build and kernel) may leave a capability unset, so the suite cannot pass
        // by predicting refusals.
        #expect(capabilityTrials.filter(\.accepted).count >= capabilities.count - 4, "\(capabilityTrials.filter { !$0.accepted }.map(\.name))")

        for trial in parameterTrials {
            let replies = trial.commands.map { transcript[$0.id] }
            let setting = "\(format) set \(trial.id.item.name)=\(trial.value)"
            if trial.refused {
                #expect(replies.allSatisfy { !MonitorTrial.succeeded($0, format) }, "MonitorQuirks says QEMU refuses \(setting): \(replies)")
            } else {
                #expect(replies.allSatisfy { MonitorTrial.succeeded($0, format) }, "\(setting): \(replies)")
            }
            let values = try #require(transcript[trial.name + "-read"]?.value?.members, "\(trial.name)")
            for member in values {
                let item = try #require(catalog.item(named: member.key), "QEMU reports \(member.key), migedit's \(version) catalog lacks it")
                let want = trial.expected[item.id]
                let got = QMPValue(MonitorTrial.sorted(member.value))
                #expect(
                    got == Verifier.qmpValue(want) ?? QMPValue(MonitorTrial.sorted(ValueJSON.encode(want))),
                    "after \(setting): QEMU reads back \(member.key)=\(got), expected \(want)")
            }
            if MonitorQuirks.ignores(trial.id, in: version) {
                #expect(trial.expected[trial.id] == trial.id.item.defaultValue && trial.value != trial.id.item.defaultValue)
            }
        }
    }
}
