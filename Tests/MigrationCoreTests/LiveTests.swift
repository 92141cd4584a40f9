import Testing
@testable import MigrationCore

@Suite("Live apply plans")
struct ApplyPlanTests {
    func configuration(_ settings: [ItemID: Value]) -> Configuration {
        var configuration = Configuration()
        for (id, value) in settings { configuration[id] = value }
        return configuration
    }

    @Test func onlyTheDifferenceIsSentAndPropertiesAreLeftOut() {
        let running = configuration([.multifd: .bool(true), .multifdChannels: .number(4)])
        let wanted = configuration([.multifd: .bool(true), .multifdChannels: .number(8), .dirtyBitmaps: .bool(true), .multifdFlushAfterEachSection: .bool(true)])
        let plan = ApplyPlan(from: running, to: wanted, version: .v9_0, host: .standard)
        #expect(plan.changes == [
            LiveChange(id: .dirtyBitmaps, running: .bool(false), wanted: .bool(true)),
            LiveChange(id: .multifdChannels, running: .number(4), wanted: .number(8)),
        ])
        #expect(plan.propertiesLeftOut == [.multifdFlushAfterEachSection])
        #expect(plan.lines == [
            #"{"execute":"migrate-set-capabilities","arguments":{"capabilities":[{"capability":"dirty-bitmaps","state":true}]}}"#,
            #"{"execute":"migrate-set-parameters","arguments":{"multifd-channels":8}}"#,
        ])
        #expect(plan.changes[1].line(width: 18) == "multifd-channels    4 → 8")
        #expect(ApplyPlan(from: wanted, to: wanted, version: .v9_0, host: .standard).isEmpty)
    }

    /// mapped-ram refuses compression: turning it off must come before compression is set,
    /// and compression must be unset before mapped-ram is turned on.
    @Test func capabilitiesAndParametersGoInTheOrderQEMUAccepts() {
        let mapped = configuration([.multifd: .bool(true), .mappedRam: .bool(true)])
        let compressed = configuration([.multifd: .bool(true), .multifdCompression: .choice("zstd")])
        let toCompressed = ApplyPlan(from: mapped, to: compressed, version: .v10_0, host: .standard)
        #expect(toCompressed.commands.map { $0["execute"]?.stringValue } == ["migrate-set-capabilities", "migrate-set-parameters"])
        let toMapped = ApplyPlan(from: compressed, to: mapped, version: .v10_0, host: .standard)
        #expect(toMapped.commands.map { $0["execute"]?.stringValue } == ["migrate-set-parameters", "migrate-set-capabilities"])
    }

    @Test func whatQEMUDidNotTake() {
        let wanted = configuration([.multifdZstdLevel: .number(5), .multifd: .bool(true)])
        let readBack = configuration([.multifd: .bool(true)])
        #expect(ApplyPlan.notTaken(wanted, readBack: readBack, version: .v7_2) == [LiveChange(id: .multifdZstdLevel, running: .number(1), wanted: .number(5))])
        let plan = ApplyPlan(from: Configuration(), to: wanted, version: .v7_2, host: .standard)
        #expect(plan.ignoredChanges(host: .standard).map(\.note) == [
            "multifd-zstd-level=5 is accepted but not applied by QEMU 7.2's migrate-set-parameters; pass it as -global migration.multifd-zstd-level=5",
        ])
        #expect(ApplyPlan(from: Configuration(), to: wanted, version: .v9_0, host: .standard).ignoredChanges(host: .standard).isEmpty)
        let back = ApplyPlan(from: wanted, to: Configuration(), version: .v7_2, host: .standard)
        #expect(back.ignoredChanges(host: .standard).map(\.note) == [
            "multifd-zstd-level=1 is accepted but not applied by QEMU 7.2's migrate-set-parameters; pass it as -global migration.multifd-zstd-level=1",
        ], "a change back to the default is ignored too")
    }
}

@Suite("Live snapshots")
struct LiveSnapshotTests {
    func replies(version: String = #"{"qemu": {"major": 10, "minor": 0, "micro": 2}, "package": ""}"#, status: String = "running",
                 migrate: String = "{}", kvm: Bool = true) throws -> [String: JSON] {
        [
            "version": try JSON(parsing: version), "kvm": .object([JSONMember(key: "enabled", value: .bool(kvm)), JSONMember(key: "present", value: .bool(true))]),
            "status": .object([JSONMember(key: "status", value: .string(status))]), "migrate": try JSON(parsing: migrate),
            "caps": try JSON(parsing: #"[{"capability": "multifd", "state": true}, {"capability": "xbzrle", "state": false}]"#),
            "params": try JSON(parsing: #"{"multifd-channels": 8, "multifd-compression": "zstd"}"#),
        ]
    }

    @Test func settingsReleaseAndHostFacts() throws {
        var host = Host()
        host.dirtyRing = true
        let snapshot = try LiveSnapshot(replies: try replies(kvm: false), host: host)
        #expect(snapshot.qemuVersion == "10.0.2" && snapshot.version == .v10_0)
        #expect(snapshot.profile.configuration.changedItems == [.multifd, .multifdChannels, .multifdCompression])
        #expect(!snapshot.profile.host.kvm && !snapshot.profile.host.dirtyRing)
        #expect(snapshot.profile.host.incoming == .no && snapshot.migrationStatus == "none" && !snapshot.isMigrating)
    }

    @Test func incomingAndMigrationStates() throws {
        #expect(try LiveSnapshot(replies: try replies(status: "inmigrate")).profile.host.incoming == .pending)
        let listening = try LiveSnapshot(replies: try replies(status: "inmigrate", migrate: #"{"socket-address": [{"path": "/tmp/in", "type": "unix"}]}"#))
        #expect(listening.profile.host.incoming == .started && !listening.isMigrating)
        let migrating = try LiveSnapshot(replies: try replies(migrate: #"{"status": "active"}"#))
        #expect(migrating.isMigrating && migrating.migrationStatus == "active")
        #expect(try !LiveSnapshot(replies: try replies(migrate: #"{"status": "completed"}"#)).isMigrating)
    }

    /// `info migrate` lists the `-global` properties after its status lines.
    @Test func globalPropertiesFromInfoMigrate() throws {
        var answers = try replies()
        answers["globals"] = .string("Migration status: active\r\ntotal time: 12 ms\r\nglobals:\r\nstore-global-state: on\r\nonly-migratable: off\r\nsend-switchover-start: off\r\nclear-bitmap-shift: 18\r\n")
        let snapshot = try LiveSnapshot(replies: answers)
        #expect(snapshot.profile.configuration[.sendSwitchoverStart] == .bool(false))
        #expect(snapshot.profile.configuration.changedItems == [.multifd, .multifdChannels, .multifdCompression, .sendSwitchoverStart])
        answers["globals"] = .string("globals:\r\nsend-section-footer: maybe\r\n")
        #expect(throws: ImportError.self) { try LiveSnapshot(replies: answers) }
    }

    @Test func unknownReleasesAndSettingsAreRefused() throws {
        #expect(throws: ImportError("migedit has no profile for QEMU 5.2.0 (known: \(QEMUVersion.list))")) {
            try LiveSnapshot(replies: try replies(version: #"{"qemu": {"major": 5, "minor": 2, "micro": 0}}"#))
        }
        var broken = try replies()
        broken["params"] = try JSON(parsing: #"{"multifd-chanels": 8}"#)
        #expect(throws: ImportError.self) { try LiveSnapshot(replies: broken) }
        broken["params"] = .array([])
        #expect(throws: ImportError("query-migrate-capabilities or query-migrate-parameters did not answer with the settings")) {
            try LiveSnapshot(replies: broken)
        }
    }
}
