// Which message QEMU 9.0 prints when several checks fail: migrate_params_check runs first
// (options.c:1086), then migrate_caps_check (:479), each returning at its first failure; the
// W1/W2 warnings (:492, :497) print only if the caps check is reached and gets past K1.
import Testing
@testable import MigrationCore

struct OrderCase: Sendable, CustomTestStringConvertible {
    let label: String
    let scenario: RuleScenario
    let first: String
    let prefix: Bool
    let firstPhase: Phase?
    var testDescription: String { label }

    init(_ label: String, _ scenario: RuleScenario, _ first: String, prefix: Bool = false, phase: Phase? = nil) {
        self.label = label
        self.scenario = scenario
        self.first = first
        self.prefix = prefix
        self.firstPhase = phase
    }
}

@Suite("QEMU's order: which error is printed first")
struct RuleOrderTests {
    typealias T = QemuText
    static let started = host { $0.incoming = .started }
    static let noPostcopyHost = host { $0.incoming = .pending; $0.postcopySupport = false }

    static let cases: [OrderCase] = [
        // params before caps
        OrderCase("P1 (params) before K13 (caps)",
                  on(.multifd, .compress, set: [.compressLevel: .number(10)]), T.p1),
        OrderCase("P23 (last param) before K10",
                  on(.postcopyPreempt, set: [.vcpuDirtyLimit: .number(0)]), T.p23),
        OrderCase("P13 before K18", on(.multifd, .xbzrle, set: [.xbzrleCacheSize: .number(100)]), T.p13),
        OrderCase("P20 (params) before K9 (caps), same text",
                  on(.zeroCopySend, .multifd, set: [.multifdCompression: zlib]), T.p20, phase: .parameters),
        // within params
        OrderCase("P1 before P10",
                  on(set: [.compressLevel: .number(10), .multifdChannels: .number(0)]), T.p1),
        OrderCase("P2 before P3",
                  on(set: [.compressThreads: .number(0), .decompressThreads: .number(0)]), T.p2),
        OrderCase("P4 before P5",
                  on(set: [.throttleTriggerThreshold: .number(0), .cpuThrottleInitial: .number(0)]), T.p4),
        OrderCase("P5 before P14 (initial=100 > max 99)", param(.cpuThrottleInitial, 100), T.p5),
        OrderCase("P6 before P9",
                  on(set: [.cpuThrottleIncrement: .number(100), .downtimeLimit: .number(2_000_001)]), T.p6),
        OrderCase("P9 before P10",
                  on(set: [.downtimeLimit: .number(2_000_001), .multifdChannels: .number(0)]), T.p9),
        OrderCase("P10 before P13",
                  on(set: [.multifdChannels: .number(0), .xbzrleCacheSize: .number(1000)]), T.p10),
        OrderCase("P11 before P12",
                  on(set: [.multifdZlibLevel: .number(10), .multifdZstdLevel: .number(21)]), T.p11),
        OrderCase("P13 before P14",
                  on(set: [.xbzrleCacheSize: .number(3), .maxCpuThrottle: .number(100)]), T.p13),
        OrderCase("P14 before P15",
                  on(set: [.maxCpuThrottle: .number(100), .announceInitial: .number(100_001)]), T.p14),
        OrderCase("P15 before P16 before P17 before P18",
                  on(set: [.announceStep: .number(0), .announceRounds: .number(1001),
                           .announceMax: .number(100_001), .announceInitial: .number(100_001)]), T.p15),
        OrderCase("P17 before P18",
                  on(set: [.announceStep: .number(0), .announceRounds: .number(1001)]), T.p17),
        OrderCase("P18 before P19",
                  on(set: [.announceStep: .number(0), .blockBitmapMapping: badMapping]), T.p18),
        OrderCase("P19 before P20",
                  on(.zeroCopySend, .multifd, set: [.blockBitmapMapping: badMapping, .tlsCreds: tls0]),
                  T.p19, prefix: true),
        OrderCase("P20 before P21 before P22",
                  on(.zeroCopySend, .mappedRam, .multifd,
                     set: [.tlsCreds: tls0, .xVcpuDirtyLimitPeriod: .number(0)]), T.p20, phase: .parameters),
        OrderCase("P21 before P22",
                  on(.mappedRam, set: [.tlsCreds: tls0, .xVcpuDirtyLimitPeriod: .number(0)]), T.p21),
        OrderCase("P22 before P23",
                  on(set: [.xVcpuDirtyLimitPeriod: .number(1001), .vcpuDirtyLimit: .number(0)]), T.p22),
        // within caps
        OrderCase("K1 before K2",
                  on(.block, .xColo, host: host { $0.liveBlockMigration = false; $0.replication = false }), T.k1),
        OrderCase("K2 before K3",
                  on(.xColo, .postcopyRam,
                     host: host { $0.replication = false; $0.incoming = .pending; $0.postcopySupport = false }), T.k2),
        OrderCase("K2 before K8", on(.backgroundSnapshot, .xColo, host: host { $0.replication = false }), T.k2),
        OrderCase("K3 before K12",
                  on(.postcopyRam, .postcopyPreempt, host: host { $0.incoming = .started; $0.postcopySupport = false }),
                  T.k3, prefix: true),
        OrderCase("K3 before K4",
                  on(.postcopyRam, .xIgnoreShared, host: noPostcopyHost), T.k3, prefix: true),
        OrderCase("K4 before K5", on(.postcopyRam, .xIgnoreShared, .multifd), T.k4),
        OrderCase("K5 before K8", on(.postcopyRam, .multifd, .backgroundSnapshot), T.k5),
        OrderCase("K6 before K8",
                  on(.backgroundSnapshot, .returnPath, host: host { $0.writeTracking = .absent }), T.k6),
        OrderCase("K7 before K8",
                  on(.backgroundSnapshot, .returnPath, host: host { $0.writeTracking = .available }), T.k7),
        OrderCase("K8 names return-path before multifd",
                  on(.backgroundSnapshot, .multifd, .returnPath), T.k8("return-path")),
        OrderCase("K8 names auto-converge before xbzrle",
                  on(.backgroundSnapshot, .xbzrle, .autoConverge), T.k8("auto-converge")),
        OrderCase("K8 before K9", on(.backgroundSnapshot, .zeroCopySend), T.k8("zero-copy-send")),
        OrderCase("K8 before K13", on(.backgroundSnapshot, .compress, .multifd), T.k8("multifd")),
        OrderCase("K8 before K19", on(.backgroundSnapshot, .compress, .xbzrle), T.k8("compress")),
        OrderCase("K9 before K10", on(.zeroCopySend, .postcopyPreempt), T.k9),
        OrderCase("K9 before K13", on(.zeroCopySend, .multifd, .compress), T.k9),
        OrderCase("K9 before K18", on(.zeroCopySend, .multifd, .xbzrle), T.k9),
        OrderCase("K10 before K11", on(.postcopyPreempt, .compress), T.k10),
        OrderCase("K10 before K15", on(.postcopyPreempt, .switchoverAck), T.k10),
        OrderCase("K11 before K12", on(.postcopyPreempt, .postcopyRam, .compress, host: started), T.k11),
        OrderCase("K11 before K19", on(.postcopyPreempt, .postcopyRam, .compress, .xbzrle), T.k11),
        OrderCase("K12 before K15", on(.postcopyPreempt, .postcopyRam, .switchoverAck, host: started), T.k12),
        OrderCase("K13 before K14", on(.multifd, .compress, host: started), T.k13),
        OrderCase("K13 before K18", on(.multifd, .compress, .xbzrle), T.k13),
        OrderCase("K14 before K15", on(.multifd, .switchoverAck, host: started), T.k14),
        OrderCase("K14 before K18", on(.multifd, .xbzrle, host: started), T.k14),
        OrderCase("K15 (switchover-ack) before K16 (dirty-limit)",
                  on(.switchoverAck, .dirtyLimit, .autoConverge), T.k15),
        OrderCase("K15 before K17", on(.dirtyLimit, .switchoverAck), T.k15),
        OrderCase("K16 before K17", on(.dirtyLimit, .autoConverge), T.k16),
        OrderCase("K17 before K18", on(.dirtyLimit, .multifd, .xbzrle), T.k17),
        OrderCase("K18 before K20", on(.multifd, .xbzrle, .mappedRam), T.k18),
        OrderCase("K19 before K20/K21", on(.compress, .xbzrle, .mappedRam), T.k19),
        OrderCase("K20 before K22", on(.mappedRam, .xbzrle, .postcopyRam), T.k20),
        OrderCase("K21 before K22", on(.mappedRam, .compress, .postcopyRam), T.k21),
    ]

    @Test("First error", arguments: cases)
    func firstError(_ c: OrderCase) {
        let report = c.scenario.report()
        let message = report.firstError?.message ?? "nil"
        #expect(c.prefix ? message.hasPrefix(c.first) : message == c.first,
                "QEMU prints '\(c.first)', checker says '\(message)'")
        if let phase = c.firstPhase {
            #expect(report.firstError?.rule.phase == phase)
        }
        // The first error must also be the first error among the diagnostics.
        #expect(report.errors.first.map { c.prefix ? $0.message.hasPrefix(c.first) : $0.message == c.first } == true)
    }

    @Test("K8 reports the earliest capability of QEMU's list, for every pair")
    func backgroundSnapshotListOrder() {
        let list = QemuText.backgroundSnapshotList
        for i in list.indices {
            for j in list.indices where j > i {
                let pair: Set<ItemID> = [list[i].0, list[j].0]
                if pair == [.postcopyRam, .multifd] { continue }  // K5 comes first
                let scenario = on(.backgroundSnapshot, list[j].0, list[i].0)
                let message = scenario.report().firstError?.message
                #expect(message == QemuText.k8(list[i].1), "\(scenario)")
            }
        }
    }

    @Test("Startup output: block and compress warnings, then the error")
    func warningsBeforeError() {
        let report = on(.block, .compress, .multifd).report()
        #expect(report.startupLines == ["warning: " + T.w1, "warning: " + T.w2, T.k13])
        #expect(report.firstError?.message == T.k13)
    }

    @Test("Startup output: warnings, then an error with its hint line")
    func warningsBeforeErrorWithHint() {
        let report = on(.block, .compress, .xColo, host: host { $0.replication = false }).report()
        #expect(report.startupLines == ["warning: " + T.w1, "warning: " + T.w2, T.k2, T.k2Hint])
    }

    @Test("Startup output: K1 returns before the warnings are printed")
    func k1BeforeWarnings() {
        let report = on(.block, .compress, .xColo,
                        host: host { $0.liveBlockMigration = false; $0.replication = false }).report()
        #expect(report.startupLines == [T.k1, T.k1Hint])
    }

    @Test("Startup output: warnings are printed even when the error comes late in the caps check")
    func warningsBeforeLateError() {
        let report = on(.compress, .mappedRam).report()
        #expect(report.startupLines == ["warning: " + T.w2, T.k21])
    }

    @Test("Startup output: a params error suppresses the capability warnings")
    func paramsErrorSuppressesWarnings() {
        let report = on(.block, .compress, .multifd, set: [.compressLevel: .number(10)]).report()
        #expect(report.startupLines == [T.p1])
        #expect(report.warnings.map(\.message) == [T.w1, T.w2])  // still violated, just not printed
        let bitmap = on(.compress, set: [.blockBitmapMapping: badMapping]).report()
        #expect(bitmap.startupLines.count == 1)
        #expect(bitmap.startupLines.first?.hasPrefix(T.p19) == true)
    }

    @Test("Startup output: warnings only, accepted")
    func warningsOnly() {
        let report = on(.compress, .block).report()
        #expect(report.isAccepted)
        #expect(report.startupLines == ["warning: " + T.w1, "warning: " + T.w2])
    }

    @Test("Every violated rule is listed, in QEMU's order")
    func everyViolation() {
        // P1, P10, W2, K13, K17, K18, K19 each fail on their own.
        let report = on(.multifd, .compress, .xbzrle, .dirtyLimit,
                        set: [.compressLevel: .number(10), .multifdChannels: .number(0)]).report()
        #expect(report.diagnostics.map(\.message) == [T.p1, T.p10, T.w2, T.k13, T.k17, T.k18, T.k19])
        #expect(report.diagnostics.map(\.severity) == [.error, .error, .warning, .error, .error, .error, .error])
        #expect(report.firstError?.message == T.p1)
        #expect(report.startupLines == [T.p1])
        let positions = report.diagnostics.map(\.position)
        #expect(positions == positions.sorted())
    }

    @Test("Every violated rule: the mapped-ram checks K19, K20, K21, K22 in order")
    func everyMappedRamViolation() {
        let report = on(.mappedRam, .xbzrle, .compress, .postcopyRam).report()
        #expect(report.diagnostics.map(\.message) == [T.w2, T.k19, T.k20, T.k21, T.k22])
        #expect(report.startupLines == ["warning: " + T.w2, T.k19])
    }

    @Test("Every violated rule: parameter ranges in order")
    func everyParameterViolation() {
        let report = on(set: [
            .vcpuDirtyLimit: .number(0), .xVcpuDirtyLimitPeriod: .number(0), .announceStep: .number(0),
            .announceRounds: .number(1001), .announceMax: .number(100_001), .announceInitial: .number(100_001),
            .multifdZstdLevel: .number(21), .multifdZlibLevel: .number(10), .multifdChannels: .number(0),
            .downtimeLimit: .number(2_000_001), .cpuThrottleIncrement: .number(0),
            .throttleTriggerThreshold: .number(0), .decompressThreads: .number(0),
            .compressThreads: .number(0), .compressLevel: .number(10),
        ]).report()
        #expect(report.diagnostics.map(\.message) == [
            T.p1, T.p2, T.p3, T.p4, T.p6, T.p9, T.p10, T.p11, T.p12, T.p15, T.p16, T.p17, T.p18, T.p22, T.p23,
        ])
    }

    @Test("Every violated rule: zero-copy with TLS reports P20 and K9")
    func zeroCopyBothPhases() {
        let report = on(.zeroCopySend, .multifd, set: [.tlsCreds: tls0]).report()
        #expect(report.diagnostics.map(\.message) == [T.p20, T.k9])
        #expect(report.diagnostics.map { $0.rule.phase } == [.parameters, .capabilities])
        #expect(report.startupLines == [T.p20])
    }
}

@Suite("what-if")
struct WhatIfTests {
    static func position(of message: String) -> Int? {
        Checker.qemu90.rules.firstIndex { $0.message == message }
    }

    static func outcome(_ c: Configuration, _ item: ItemID, _ value: Value, host: Host = Host()) -> WhatIf? {
        Checker.qemu90.whatIf(c, on: host).first { $0.item == item && $0.value == value }
    }

    @Test("postcopy-ram on: switching multifd on adds postcopy-ram vs multifd")
    func multifdAddsConflict() throws {
        var c = Configuration()
        c[.postcopyRam] = .bool(true)
        let k5 = try #require(Self.position(of: QemuText.k5))
        let w = try #require(Self.outcome(c, .multifd, .bool(true)))
        #expect(Array(w.added) == [k5])
        #expect(w.removed.isEmpty)
    }

    @Test("multifd on: switching postcopy-ram on adds the same conflict")
    func postcopyAddsConflict() throws {
        var c = Configuration()
        c[.multifd] = .bool(true)
        let k5 = try #require(Self.position(of: QemuText.k5))
        let w = try #require(Self.outcome(c, .postcopyRam, .bool(true)))
        #expect(Array(w.added) == [k5])
        #expect(w.removed.isEmpty)
    }

    @Test("Both on: switching either off removes the conflict", arguments: [ItemID.multifd, .postcopyRam])
    func eitherRemovesConflict(_ item: ItemID) throws {
        var c = Configuration()
        c[.postcopyRam] = .bool(true)
        c[.multifd] = .bool(true)
        let k5 = try #require(Self.position(of: QemuText.k5))
        let w = try #require(Self.outcome(c, item, .bool(false)))
        #expect(Array(w.removed) == [k5])
        #expect(w.added.isEmpty)
    }

    @Test("Defaults: switching postcopy-preempt on adds one error, 'requires postcopy-ram'")
    func preemptAddsOneError() throws {
        let w = try #require(Self.outcome(Configuration(), .postcopyPreempt, .bool(true)))
        #expect(w.added.count == 1)
        #expect(w.added.map { Checker.qemu90.rules[$0].message } == [QemuText.k10])
        #expect(w.removed.isEmpty)
    }

    @Test("Defaults: switching a deprecated capability on adds no error (warnings are not errors)")
    func warningsAreNotWhatIfErrors() throws {
        let w = try #require(Self.outcome(Configuration(), .compress, .bool(true)))
        #expect(w.added.isEmpty)
        #expect(w.removed.isEmpty)
    }

    @Test("Enum choice: picking zlib with zero-copy-send + multifd adds P20 and K9")
    func compressionChoice() throws {
        var c = Configuration()
        c[.zeroCopySend] = .bool(true)
        c[.multifd] = .bool(true)
        let w = try #require(Self.outcome(c, .multifdCompression, zlib))
        let messages = w.added.map { Checker.qemu90.rules[$0].message }
        #expect(messages == [QemuText.p20, QemuText.k9])
    }
}
