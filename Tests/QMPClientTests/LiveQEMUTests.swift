import Glibc
import MigrationCore
import QEMURunner
import QMPClient
import Testing

// pull and apply against real QEMUs serving QMP on a UNIX socket (`ServedQEMU`), each killed
// by pid when its test ends, however it ends.

@Suite("Live QMP, QEMU 7.2", .enabled(if: LiveBinary.qemu72 != nil, Comment(rawValue: Binaries.missing72)))
struct Live72Tests {
    let checks = LiveChecks(binary: LiveBinary.qemu72)

    @Test func pullOfAFreshQEMUIsTheReleaseDefaults() throws { try checks.pullOfAFreshQEMUIsTheReleaseDefaults() }
    @Test func pullReadsTheGlobalProperties() throws { try checks.pullReadsTheGlobalProperties() }
    @Test func everySettingRoundTrips() throws { try checks.everySettingRoundTrips() }
    @Test func aRejectedProfileSendsNothing() throws { try checks.aRejectedProfileSendsNothing() }
    @Test func aKilledQEMUIsAClearError() throws { try checks.aKilledQEMUIsAClearError() }
    @Test func capabilitiesAreRefusedDuringAMigration() throws { try checks.capabilitiesAreRefusedDuringAMigration() }

    /// 7.2 answers `{}` to the multifd compression levels and keeps the old value: apply says so.
    @Test func anIgnoredValueIsReported() throws {
        let binary = try #require(LiveBinary.qemu72)
        let qemu = try binary.start()
        defer { qemu.stop() }
        let live = try binary.attach(qemu)
        var wanted = Configuration()
        wanted[.multifdZstdLevel] = .number(5)
        wanted[.multifdChannels] = .number(4)
        let snapshot = try live.snapshot(host: binary.host)
        let plan = ApplyPlan(from: snapshot.profile.configuration, to: wanted, version: binary.version, host: binary.host)
        #expect(plan.ignoredChanges(host: binary.host).map(\.change.id) == [.multifdZstdLevel])
        let outcome = try live.apply(plan, wanted: wanted, host: binary.host)
        #expect(outcome.refusal == nil)
        #expect(outcome.notTaken == [LiveChange(id: .multifdZstdLevel, running: .number(1), wanted: .number(5))])
        #expect(outcome.readBack.profile.configuration[.multifdChannels] == .number(4))
    }
}

@Suite("Live QMP, QEMU 10.0", .enabled(if: LiveBinary.qemu100 != nil, Comment(rawValue: Binaries.missing100)))
struct Live100Tests {
    let checks = LiveChecks(binary: LiveBinary.qemu100)

    @Test func pullOfAFreshQEMUIsTheReleaseDefaults() throws { try checks.pullOfAFreshQEMUIsTheReleaseDefaults() }
    @Test func pullReadsTheGlobalProperties() throws { try checks.pullReadsTheGlobalProperties() }
    @Test func everySettingRoundTrips() throws { try checks.everySettingRoundTrips() }
    @Test func aRejectedProfileSendsNothing() throws { try checks.aRejectedProfileSendsNothing() }
    @Test func aKilledQEMUIsAClearError() throws { try checks.aKilledQEMUIsAClearError() }
    @Test func capabilitiesAreRefusedDuringAMigration() throws { try checks.capabilitiesAreRefusedDuringAMigration() }

    /// A QEMU on an older machine type: pull names it, so its compat properties are the
    /// defaults the settings are measured against and nothing reads as changed.
    @Test func pullNamesTheMachineType() throws {
        let binary = try #require(LiveBinary.qemu100)
        let qemu = try binary.start(["-M", "pc-q35-8.2"])
        defer { qemu.stop() }
        let snapshot = try binary.attach(qemu).snapshot()
        #expect(snapshot.profile.host.machine == "pc-q35-8.2")
        #expect(snapshot.profile.configuration[.zeroPageDetection] == .choice("legacy"))
        #expect(snapshot.profile.configuration.changedItems.isEmpty)
    }

    /// A second QMP server on a loopback TCP port: pull and apply work there too, and the
    /// MIGRATION events the `events` capability makes QEMU send are kept aside.
    @Test func loopbackTCPAndEvents() throws {
        let binary = try #require(LiveBinary.qemu100)
        let port = try freeLoopbackPort()
        let qemu = try binary.start(["-qmp", "tcp:127.0.0.1:\(port),server=on,wait=off"])
        defer { qemu.stop() }
        let live = try LiveQEMU(attachingTo: "tcp:127.0.0.1:\(port)", timeout: 10)
        #expect(try live.snapshot().profile.configuration == Configuration())
        var wanted = Configuration()
        wanted[.events] = .bool(true)
        wanted[.maxBandwidth] = .number(4096)
        #expect(try live.apply(ApplyPlan(from: Configuration(), to: wanted, version: binary.version, host: binary.host), wanted: wanted, host: binary.host).isComplete)
        let destination = try binary.start(["-incoming", "unix:\(qemu.directory)/in.sock"])
        defer { destination.stop() }
        let started = try live.connection.execute(json: try JSON(parsing: #"{"execute": "migrate", "arguments": {"uri": "unix:\#(qemu.directory)/in.sock"}}"#))
        #expect(started.errorDescription == nil)
        _ = try live.snapshot()
        #expect(live.connection.events.contains { $0["event"]?.stringValue == "MIGRATION" }, "\(live.connection.events)")
    }

    /// 10.0 applies the compression levels the 7.2 monitor ignores.
    @Test func theLevelsTheOldMonitorIgnoredAreTaken() throws {
        let binary = try #require(LiveBinary.qemu100)
        let qemu = try binary.start()
        defer { qemu.stop() }
        let live = try binary.attach(qemu)
        var wanted = Configuration()
        wanted[.multifdZstdLevel] = .number(5)
        wanted[.multifdZlibLevel] = .number(7)
        let plan = ApplyPlan(from: Configuration(), to: wanted, version: binary.version, host: binary.host)
        #expect(plan.ignoredChanges(host: binary.host).isEmpty)
        #expect(try live.apply(plan, wanted: wanted, host: binary.host).isComplete)
    }
}

struct LiveChecks {
    let binary: LiveBinary?

    func pullOfAFreshQEMUIsTheReleaseDefaults() throws {
        let binary = try #require(binary)
        let qemu = try binary.start()
        defer { qemu.stop() }
        let snapshot = try binary.attach(qemu).snapshot()
        #expect(snapshot.version == binary.version)
        #expect(snapshot.profile.configuration == Configuration())
        #expect(snapshot.profile.configuration.changedItems.isEmpty)
        #expect(snapshot.profile.host.kvm == false && snapshot.profile.host.incoming == .no)
        #expect(snapshot.migrationStatus == "none" && !snapshot.isMigrating)
    }

    /// A property QEMU was started with shows in the pull; a profile asking for another value
    /// of it leaves it out with a note (no monitor command sets it), one asking for the same
    /// value has nothing to say about it.
    func pullReadsTheGlobalProperties() throws {
        let binary = try #require(binary)
        let qemu = try binary.start(["-global", "migration.send-section-footer=off"])
        defer { qemu.stop() }
        let snapshot = try binary.attach(qemu).snapshot()
        #expect(snapshot.profile.configuration.changedItems == [.sendSectionFooter])
        #expect(ApplyPlan(from: snapshot.profile.configuration, to: Configuration(), version: binary.version, host: binary.host).propertiesLeftOut == [.sendSectionFooter])
        #expect(ApplyPlan(from: snapshot.profile.configuration, to: snapshot.profile.configuration, version: binary.version, host: binary.host).isEmpty)
    }

    /// Every capability (alone, or with the one other capability it needs), then every
    /// parameter with a value other than its default, each applied over one connection on top
    /// of the last and read back; 7.2's ignored compression levels must be reported as not taken.
    func everySettingRoundTrips() throws {
        let binary = try #require(binary)
        let qemu = try binary.start()
        defer { qemu.stop() }
        let live = try binary.attach(qemu)
        let catalog = Catalog.for(binary.version)
        var running = try live.snapshot(host: binary.host).profile.configuration
        var capabilitiesSet: [ItemID] = []
        func send(_ wanted: Configuration, expectingIgnored ignored: [ItemID] = []) throws {
            let plan = ApplyPlan(from: running, to: wanted, version: binary.version, host: binary.host)
            let outcome = try live.apply(plan, wanted: wanted, host: binary.host)
            #expect(outcome.refusal == nil, "\(plan.lines)")
            #expect(outcome.notTaken.map(\.id) == ignored, "\(plan.lines) → not taken \(outcome.notTaken)")
            #expect(try live.snapshot(host: binary.host).profile.configuration == outcome.readBack.profile.configuration)
            running = outcome.readBack.profile.configuration
        }
        for capability in catalog.items.filter({ $0.kind == .capability }).map(\.id) {
            let partners = [capability] + catalog.items.filter { $0.kind == .capability && $0.id != capability }.map(\.id)
            guard let wanted = partners.lazy.map({ partner -> Configuration in
                var configuration = Configuration()
                configuration[capability] = .bool(true)
                configuration[partner] = .bool(true)
                return configuration
            }).first(where: binary.isAccepted) else { continue }
            try send(wanted)
            capabilitiesSet.append(capability)
        }
        let qmpOnly = catalog.items.filter { $0.kind == .capability && $0.property == nil }.map(\.id)
        #expect(Set(qmpOnly).isSubset(of: capabilitiesSet), "QMP-only capabilities not set: \(Set(qmpOnly).subtracting(capabilitiesSet))")
        #expect(capabilitiesSet.count >= catalog.items.filter { $0.kind == .capability }.count - 3, "set: \(capabilitiesSet)")

        var wanted = Configuration()
        var parametersSet = 0
        for item in catalog.items where item.kind == .parameter {
            guard let value = try nonDefaultValues(item, version: binary.version).first(where: { candidate in
                var next = wanted
                next[item.id] = candidate
                return binary.isAccepted(next)
            }) else { continue }
            wanted[item.id] = value
            let ignored = wanted.changedItems.filter { MonitorQuirks.ignores($0, in: binary.version) }
            try send(wanted, expectingIgnored: ignored)
            if !ignored.isEmpty { wanted = running }
            parametersSet += 1
        }
        #expect(parametersSet == catalog.items.filter { $0.kind == .parameter }.count)
    }

    /// Values other than the default, ordinary ones first.
    func nonDefaultValues(_ item: Item, version: QEMUVersion) throws -> [Value] {
        switch (item.type, item.defaultValue) {
        case (.bool, .bool(let flag)): return [.bool(!flag)]
        case (.size, .number(let number)): return [number * 2, 1 << 20, 1 << 30].filter { $0 != number }.map(Value.number)
        case (_, .number(let number)): return [number + 1, number &- 1, 1, 2].filter { $0 != number }.map(Value.number)
        case (.enumeration(let choices), .choice(let choice)): return choices.filter { $0 != choice }.map(Value.choice)
        case (.string, _): return [.text("migedit-live")]
        case (.bitmapMapping, _):
            return [try Configuration.parse(
                #"[{"node-name": "disk0", "alias": "d0", "bitmaps": [{"name": "bitmap0", "alias": "b0"}]}]"#,
                for: item, version: version)]
        default: return []
        }
    }

    /// The profile's valid capability would be taken if anything were sent; its invalid
    /// parameter makes the whole profile rejected, so QEMU must still hold what it held.
    func aRejectedProfileSendsNothing() throws {
        let binary = try #require(binary)
        let qemu = try binary.start()
        defer { qemu.stop() }
        let result = try ChildProcess.run(
            [try ChildProcess.builtProduct(named: "migedit"), "apply", "--qmp", qemu.address,
             "--set", "multifd=on", "--set", "xbzrle-cache-size=1000"])
        #expect(result.exitCode == 1)
        #expect(result.standardOutput.contains("Parameter 'xbzrle_cache_size' expects a power of two no less than the target page size"))
        #expect(result.standardError.hasPrefix("migedit: nothing was sent to QEMU \(binary.version)."))
        #expect(result.standardError.hasSuffix(" at \(qemu.address)\n"))
        #expect(try binary.attach(qemu).snapshot().profile.configuration == Configuration())
    }

    func aKilledQEMUIsAClearError() throws {
        let binary = try #require(binary)
        let qemu = try binary.start()
        defer { qemu.stop() }
        let live = try binary.attach(qemu)
        _ = try live.snapshot()
        qemu.stop()
        #expect(throws: QMPError("QEMU at \(qemu.address) went away (the QMP connection closed)")) {
            try live.snapshot()
        }
        #expect(!qemu.process.isRunning)
    }

    /// A migration to a second QEMU, throttled so it lasts: QEMU refuses capability changes
    /// (with the words migedit quotes) and apply refuses them before sending anything, while
    /// parameters still go through, as QEMU takes them during a migration.
    func capabilitiesAreRefusedDuringAMigration() throws {
        let binary = try #require(binary)
        let source = try binary.start()
        defer { source.stop() }
        let incoming = source.directory + "/incoming.sock"
        let destination = try binary.start(["-incoming", "unix:" + incoming])
        defer { destination.stop() }
        let destinationSnapshot = try binary.attach(destination).snapshot()
        #expect(destinationSnapshot.profile.host.incoming == .started && !destinationSnapshot.isMigrating)

        let live = try binary.attach(source)
        var slow = Configuration()
        slow[.maxBandwidth] = .number(4096)
        #expect(try live.apply(ApplyPlan(from: Configuration(), to: slow, version: binary.version, host: binary.host), wanted: slow, host: binary.host).isComplete)
        let started = try live.connection.execute(json: try JSON(parsing: #"{"execute": "migrate", "arguments": {"uri": "unix:\#(incoming)"}}"#))
        #expect(started.errorDescription == nil)
        let snapshot = try live.snapshot(host: binary.host)
        #expect(snapshot.isMigrating, "status \(snapshot.migrationStatus)")

        let direct = try live.connection.execute(QMPCommand.setCapabilities(id: "direct", ["xbzrle"], to: true))
        #expect(direct.errorDescription == LiveSnapshot.migrationInProgress)

        let migedit = try ChildProcess.builtProduct(named: "migedit")
        live.connection.close()
        let result = try ChildProcess.run([migedit, "apply", "--qmp", source.address, "--set", "xbzrle=on", "--set", "max-bandwidth=4096"])
        #expect(result.exitCode == 1)
        #expect(result.standardError.contains("migedit: QEMU is migrating (status active): There's a migration process in progress; nothing was sent"), "\(result.standardError)")
        let parameters = try ChildProcess.run([migedit, "apply", "--qmp", source.address, "--set", "max-bandwidth=8192"])
        #expect(parameters.exitCode == 0, "\(parameters.standardOutput)\(parameters.standardError)")
        let after = try binary.attach(source).snapshot()
        #expect(after.profile.configuration[.xbzrle] == .bool(false))
        #expect(after.profile.configuration[.maxBandwidth] == .number(8192))
    }
}

/// A TCP port on the loopback that nothing listens on right now.
func freeLoopbackPort() throws -> UInt16 {
    let probe = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    defer { close(probe) }
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_addr.s_addr = UInt32(0x7F00_0001).bigEndian
    var length = socklen_t(MemoryLayout<sockaddr_in>.size)
    let bound = withUnsafeMutablePointer(to: &address) {
        $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(probe, $0, length) == 0 && getsockname(probe, $0, &length) == 0 }
    }
    try #require(bound)
    return UInt16(bigEndian: address.sin_port)
}
