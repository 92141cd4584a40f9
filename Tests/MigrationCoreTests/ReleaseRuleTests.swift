// Every check of every release, tripped and passed with that release's checker. The releases,
// messages and hints of each row come from QEMU's sources as summarised in
// /work/shared/research/qemu-versions.md (§6.1, §6.2 for 9.0 and the per-release deltas of
// §6.4), not from the rule book; the 9.0 texts are the ones in QemuText.
import Testing
@testable import MigrationCore

/// One check over the releases where QEMU runs it with the same text: a configuration that
/// trips it and one on its passing side.
struct ReleaseRow: Sendable {
    /// The rule's id in the rule book.
    let rule: String
    let releases: VersionRange
    let severity: Severity
    /// QEMU's message (with `isPrefix`, the fixed part before a detail).
    let message: String
    let isPrefix: Bool
    let hint: String?
    /// Nil when no configuration can trip the check (`untrippable`).
    let trip: RuleScenario?
    /// Rules that necessarily fire with this one on `trip`, because QEMU tests the same
    /// condition twice (P20 and K9) or the scenario needs a capability that has its own check.
    let alsoFires: [String]
    let pass: RuleScenario

    init(_ rule: String, _ releases: VersionRange, _ message: String, trip: RuleScenario?, pass: RuleScenario,
         severity: Severity = .error, prefix: Bool = false, hint: String? = nil, alsoFires: [String] = []) {
        self.rule = rule
        self.releases = releases
        self.severity = severity
        self.message = message
        self.isPrefix = prefix
        self.hint = hint
        self.trip = trip
        self.alsoFires = alsoFires
        self.pass = pass
    }

    var versions: [QEMUVersion] { QEMUVersion.allCases.filter(releases.contains) }
}

/// One row checked with one release's checker.
struct ReleaseCase: Sendable, CustomTestStringConvertible {
    let row: ReleaseRow
    let version: QEMUVersion
    var testDescription: String { "\(row.rule) on \(version)" }
}

/// QEMU's texts that differ from 9.0's or that 9.0 does not have (qemu-versions.md §6.4).
enum ReleaseText {
    /// 7.2–8.1: K1's hint before 8.2 reworded it.
    static let k1HintBefore82 = "Use drive_mirror+NBD instead."
    /// 7.2, 8.0: K3 without the detail, which an earlier line of its own carries.
    static let k3Before81 = "Postcopy is not supported"
    /// 9.2+: P11b.
    static let qatzipLevel = "Parameter 'multifd_qatzip_level' expects a value between 1 and 9"
    /// 9.1+: P23 reworded.
    static let vcpuDirtyLimitSince91 = "Parameter 'vcpu_dirty_limit' must be greater than 1 MB/s"
    /// 9.1+: P24.
    static let directIo = "No build-time support for direct-io"
    /// 9.2+: W3.
    static let zeroBlocksDeprecated = "zero-blocks capability is deprecated"
}

enum ReleaseRules {
    typealias T = QemuText
    typealias R = ReleaseText
    static let untilCompressRemoved = VersionRange.until(.v9_0)
    static let compressDeprecated = VersionRange(.v8_2, through: .v9_0)
    static let notLinux = host { $0.os = .other }
    static let pending = host { $0.incoming = .pending }
    static let started = host { $0.incoming = .started }
    static let dirtyRing = host { $0.dirtyRing = true }

    /// The QAPI enum visitor, before any check: a build without a method's library has no such
    /// choice (zstd in every release; qpl and uadk from 9.1, qatzip from 9.2, which Debian leaves out).
    static let valueRows: [ReleaseRow] = [
        ReleaseRow("multifd-compression-needs-build-support", .all, T.v1("zstd"),
                   trip: on(set: [.multifdCompression: zstd], host: host { $0.compressionMethods = [] }),
                   pass: on(set: [.multifdCompression: zstd])),
        ReleaseRow("multifd-compression-needs-build-support", .since(.v9_1), T.v1("qpl"),
                   trip: on(set: [.multifdCompression: .choice("qpl")]),
                   pass: on(set: [.multifdCompression: .choice("qpl")], host: host { $0.compressionMethods = [.qpl] })),
        ReleaseRow("multifd-compression-needs-build-support", .since(.v9_1), T.v1("uadk"),
                   trip: on(set: [.multifdCompression: .choice("uadk")]),
                   pass: on(set: [.multifdCompression: .choice("uadk")], host: host { $0.compressionMethods = [.uadk] })),
        ReleaseRow("multifd-compression-needs-build-support", .since(.v9_2), T.v1("qatzip"),
                   trip: on(set: [.multifdCompression: .choice("qatzip")]),
                   pass: on(set: [.multifdCompression: .choice("qatzip")], host: host { $0.compressionMethods = [.qatzip] })),
    ]

    /// migrate_params_check, in QEMU's order.
    static let parameterRows: [ReleaseRow] = [
        ReleaseRow("compress-level-range", untilCompressRemoved, T.p1,
                   trip: param(.compressLevel, 10), pass: param(.compressLevel, 9)),
        ReleaseRow("compress-threads-range", untilCompressRemoved, T.p2,
                   trip: param(.compressThreads, 0), pass: param(.compressThreads, 1)),
        ReleaseRow("decompress-threads-range", untilCompressRemoved, T.p3,
                   trip: param(.decompressThreads, 0), pass: param(.decompressThreads, 1)),
        ReleaseRow("throttle-trigger-threshold-range", .all, T.p4,
                   trip: param(.throttleTriggerThreshold, 101), pass: param(.throttleTriggerThreshold, 100)),
        ReleaseRow("cpu-throttle-initial-range", .all, T.p5,
                   trip: param(.cpuThrottleInitial, 0), pass: param(.cpuThrottleInitial, 99)),
        ReleaseRow("cpu-throttle-increment-range", .all, T.p6,
                   trip: param(.cpuThrottleIncrement, 100), pass: param(.cpuThrottleIncrement, 1)),
        // P7 and P8 compare a uint64 with SIZE_MAX, which is UINT64_MAX on 64-bit hosts.
        ReleaseRow("max-bandwidth-range", .all, T.p7, trip: nil, pass: param(.maxBandwidth, .max)),
        ReleaseRow("avail-switchover-bandwidth-range", .since(.v8_2), T.p8,
                   trip: nil, pass: param(.availSwitchoverBandwidth, .max)),
        ReleaseRow("downtime-limit-range", .all, T.p9,
                   trip: param(.downtimeLimit, 2_000_001), pass: param(.downtimeLimit, 2_000_000)),
        ReleaseRow("multifd-channels-range", .all, T.p10,
                   trip: param(.multifdChannels, 0), pass: param(.multifdChannels, 255)),
        ReleaseRow("multifd-zlib-level-range", .all, T.p11,
                   trip: param(.multifdZlibLevel, 10), pass: param(.multifdZlibLevel, 9)),
        ReleaseRow("multifd-qatzip-level-range", .since(.v9_2), R.qatzipLevel,
                   trip: param(.multifdQatzipLevel, 0), pass: param(.multifdQatzipLevel, 1)),
        ReleaseRow("multifd-qatzip-level-range", .since(.v9_2), R.qatzipLevel,
                   trip: param(.multifdQatzipLevel, 10), pass: param(.multifdQatzipLevel, 9)),
        ReleaseRow("multifd-zstd-level-range", .all, T.p12,
                   trip: param(.multifdZstdLevel, 21), pass: param(.multifdZstdLevel, 20)),
        ReleaseRow("xbzrle-cache-size-power-of-two", .all, T.p13,
                   trip: param(.xbzrleCacheSize, 6144), pass: param(.xbzrleCacheSize, 4096)),
        ReleaseRow("max-cpu-throttle-range", .all, T.p14,
                   trip: param(.maxCpuThrottle, 19), pass: param(.maxCpuThrottle, 20)),
        ReleaseRow("announce-initial-range", .all, T.p15,
                   trip: param(.announceInitial, 100_001), pass: param(.announceInitial, 100_000)),
        ReleaseRow("announce-max-range", .all, T.p16,
                   trip: param(.announceMax, 100_001), pass: param(.announceMax, 100_000)),
        ReleaseRow("announce-rounds-range", .all, T.p17,
                   trip: param(.announceRounds, 1001), pass: param(.announceRounds, 1000)),
        ReleaseRow("announce-step-range", .all, T.p18,
                   trip: param(.announceStep, 0), pass: param(.announceStep, 1)),
        ReleaseRow("block-bitmap-mapping-valid", .all, T.p19, trip: on(set: [.blockBitmapMapping: badMapping]),
                   pass: on(set: [.blockBitmapMapping: goodMapping]), prefix: true),
        // K9 tests the same compression-or-TLS condition in the capabilities check.
        ReleaseRow("zero-copy-send-vs-compression-or-tls", .all, T.p20,
                   trip: on(.zeroCopySend, .multifd, set: [.tlsCreds: tls0]), pass: on(.zeroCopySend, .multifd),
                   alsoFires: ["zero-copy-send-needs-plain-multifd"]),
        ReleaseRow("mapped-ram-vs-compression-or-tls", .since(.v9_0), T.p21,
                   trip: on(.mappedRam, set: [.multifdCompression: zlib]), pass: on(.mappedRam)),
        ReleaseRow("x-vcpu-dirty-limit-period-range", .since(.v8_1), T.p22,
                   trip: param(.xVcpuDirtyLimitPeriod, 1001), pass: param(.xVcpuDirtyLimitPeriod, 1000)),
        ReleaseRow("vcpu-dirty-limit-range", VersionRange(.v8_1, through: .v9_0), T.p23,
                   trip: param(.vcpuDirtyLimit, 0), pass: param(.vcpuDirtyLimit, 1)),
        ReleaseRow("vcpu-dirty-limit-range", .since(.v9_1), R.vcpuDirtyLimitSince91,
                   trip: param(.vcpuDirtyLimit, 0), pass: param(.vcpuDirtyLimit, 1)),
        // Builds for hosts without O_DIRECT (migedit models them as os=other) lack the support.
        ReleaseRow("direct-io-needs-build-support", .since(.v9_1), R.directIo,
                   trip: on(set: [.directIo: .bool(true)], host: notLinux), pass: on(set: [.directIo: .bool(true)])),
    ]

    /// migrate_caps_check, in QEMU's order.
    static let capabilityRows: [ReleaseRow] = [
        ReleaseRow("zero-blocks-deprecated", .since(.v9_2), R.zeroBlocksDeprecated,
                   trip: on(.zeroBlocks), pass: on(.events), severity: .warning),
        ReleaseRow("block-needs-live-block-migration", .until(.v8_1), T.k1,
                   trip: on(.block, host: host { $0.liveBlockMigration = false }), pass: on(.block),
                   hint: R.k1HintBefore82),
        ReleaseRow("block-needs-live-block-migration", compressDeprecated, T.k1,
                   trip: on(.block, host: host { $0.liveBlockMigration = false }), pass: on(.block), hint: T.k1Hint),
        ReleaseRow("block-deprecated", compressDeprecated, T.w1, trip: on(.block), pass: on(.events),
                   severity: .warning),
        ReleaseRow("compress-deprecated", compressDeprecated, T.w2, trip: on(.compress), pass: on(.multifd),
                   severity: .warning),
        ReleaseRow("x-colo-needs-replication", .all, T.k2,
                   trip: on(.xColo, host: host { $0.replication = false }), pass: on(.xColo), hint: T.k2Hint),
        ReleaseRow("postcopy-ram-host-support", .until(.v8_0), R.k3Before81,
                   trip: on(.postcopyRam, host: host { $0.incoming = .pending; $0.postcopySupport = false }),
                   pass: on(.postcopyRam, host: host { $0.postcopySupport = false })),
        ReleaseRow("postcopy-ram-host-support", .since(.v8_1), T.k3,
                   trip: on(.postcopyRam, host: host { $0.incoming = .pending; $0.postcopySupport = false }),
                   pass: on(.postcopyRam, host: host { $0.postcopySupport = false }), prefix: true),
        ReleaseRow("postcopy-ram-vs-x-ignore-shared", .all, T.k4,
                   trip: on(.postcopyRam, .xIgnoreShared), pass: on(.xIgnoreShared)),
        ReleaseRow("postcopy-ram-vs-multifd", VersionRange(.v8_1, through: .v10_0), T.k5,
                   trip: on(.postcopyRam, .multifd), pass: on(.postcopyRam)),
        ReleaseRow("background-snapshot-host-kernel", .all, T.k6,
                   trip: on(.backgroundSnapshot, host: host { $0.writeTracking = .absent }),
                   pass: on(.backgroundSnapshot)),
        ReleaseRow("background-snapshot-guest-memory", .all, T.k7,
                   trip: on(.backgroundSnapshot, host: host { $0.writeTracking = .available }),
                   pass: on(.backgroundSnapshot)),
    ] + backgroundSnapshotRows + [
        ReleaseRow("zero-copy-send-needs-plain-multifd", .all, T.k9,
                   trip: on(.zeroCopySend), pass: on(.zeroCopySend, .multifd)),
        ReleaseRow("zero-copy-send-needs-linux", .all, T.k9NotLinux,
                   trip: on(.zeroCopySend, .multifd, host: notLinux), pass: on(.multifd, host: notLinux)),
        ReleaseRow("postcopy-preempt-requires-postcopy-ram", .all, T.k10,
                   trip: on(.postcopyPreempt), pass: on(.postcopyPreempt, .postcopyRam)),
        ReleaseRow("postcopy-preempt-vs-compress", untilCompressRemoved, T.k11,
                   trip: on(.postcopyPreempt, .postcopyRam, .compress), pass: on(.postcopyPreempt, .postcopyRam)),
        ReleaseRow("postcopy-preempt-before-incoming", .since(.v8_1), T.k12,
                   trip: on(.postcopyPreempt, .postcopyRam, host: started),
                   pass: on(.postcopyPreempt, .postcopyRam, host: pending)),
        ReleaseRow("multifd-vs-compress", untilCompressRemoved, T.k13,
                   trip: on(.multifd, .compress), pass: on(.multifd)),
        ReleaseRow("multifd-before-incoming", .since(.v8_1), T.k14,
                   trip: on(.multifd, host: started), pass: on(.multifd, host: pending)),
        ReleaseRow("switchover-ack-requires-return-path", .since(.v8_1), T.k15,
                   trip: on(.switchoverAck), pass: on(.switchoverAck, .returnPath)),
        ReleaseRow("dirty-limit-vs-auto-converge", .since(.v8_1), T.k16,
                   trip: on(.dirtyLimit, .autoConverge, host: dirtyRing), pass: on(.dirtyLimit, host: dirtyRing)),
        ReleaseRow("dirty-limit-requires-kvm-dirty-ring", .since(.v8_1), T.k17,
                   trip: on(.dirtyLimit, host: host { $0.kvm = false; $0.dirtyRing = true }),
                   pass: on(.dirtyLimit, host: dirtyRing)),
        ReleaseRow("multifd-vs-xbzrle", .since(.v8_2), T.k18, trip: on(.multifd, .xbzrle), pass: on(.xbzrle)),
        ReleaseRow("compress-vs-xbzrle", compressDeprecated, T.k19, trip: on(.compress, .xbzrle), pass: on(.xbzrle)),
        ReleaseRow("mapped-ram-vs-xbzrle", .since(.v9_0), T.k20, trip: on(.mappedRam, .xbzrle), pass: on(.mappedRam)),
        ReleaseRow("mapped-ram-vs-compress", VersionRange(.v9_0, through: .v9_0), T.k21,
                   trip: on(.mappedRam, .compress), pass: on(.compress)),
        ReleaseRow("mapped-ram-vs-postcopy-ram", .since(.v9_0), T.k22,
                   trip: on(.mappedRam, .postcopyRam), pass: on(.postcopyRam)),
    ]

    /// K8, once per capability of check_caps_background_snapshot; the list is the same in every
    /// release, less compress from 9.1.
    static let backgroundSnapshotRows: [ReleaseRow] = T.backgroundSnapshotList.map { id, name in
        ReleaseRow("background-snapshot-vs-\(name)", id == .compress ? untilCompressRemoved : .all, T.k8(name),
                   trip: on(.backgroundSnapshot, id),
                   pass: id == .zeroCopySend ? on(id, .multifd) : on(id),
                   alsoFires: id == .zeroCopySend ? ["zero-copy-send-needs-plain-multifd"] : [])
    }

    static let rows = valueRows + parameterRows + capabilityRows

    static let tripCases: [ReleaseCase] = rows.filter { $0.trip != nil }.flatMap { row in
        row.versions.map { ReleaseCase(row: row, version: $0) }
    }

    static let passCases: [ReleaseCase] = rows.flatMap { row in row.versions.map { ReleaseCase(row: row, version: $0) } }

    /// The deprecation warnings QEMU reports for a configuration whatever else it trips: W1 and
    /// W2 (block, compress) in 8.2–9.0, W3 (zero-blocks) from 9.2 (qemu-versions.md §6.4).
    static func deprecationWarnings(_ scenario: RuleScenario, in version: QEMUVersion) -> Set<String> {
        let configuration = scenario.configuration
        var warnings: Set<String> = []
        if compressDeprecated.contains(version) && configuration.isOn(.block) { warnings.insert("block-deprecated") }
        if compressDeprecated.contains(version) && configuration.isOn(.compress) { warnings.insert("compress-deprecated") }
        if version >= .v9_2 && configuration.isOn(.zeroBlocks) { warnings.insert("zero-blocks-deprecated") }
        return warnings
    }
}

/// Checks a scenario with a release's checker, after making sure the release has every setting
/// the scenario uses (a row claiming a release without them is wrong).
func releaseReport(_ scenario: RuleScenario, _ version: QEMUVersion, sourceLocation: SourceLocation = #_sourceLocation) -> Report {
    let catalog = Catalog.for(version)
    let missing = (scenario.caps + scenario.values.keys).filter { !catalog.contains($0) }
    #expect(missing.isEmpty, "QEMU \(version) has no \(missing.map(\.item.name))", sourceLocation: sourceLocation)
    return Checker.for(version).check(scenario.configuration, on: scenario.host)
}

@Suite("Every release's checks, tripped and passed")
struct ReleaseRuleTests {
    @Test("tripped: exactly this rule fires, with QEMU's text for the release", arguments: ReleaseRules.tripCases)
    func trip(_ c: ReleaseCase) throws {
        let row = c.row
        let scenario = try #require(row.trip)
        let report = releaseReport(scenario, c.version)
        let fired = report.diagnostics.map(\.ruleID)
        let expected = Set([row.rule] + row.alsoFires).union(ReleaseRules.deprecationWarnings(scenario, in: c.version))
        #expect(Set(fired) == expected && fired.count == expected.count, "\(scenario): fired \(fired)")
        let diagnostic = try #require(report.diagnostics.first { $0.ruleID == row.rule })
        #expect(diagnostic.severity == row.severity)
        #expect(row.isPrefix ? diagnostic.message.hasPrefix(row.message) : diagnostic.message == row.message,
                "QEMU \(c.version) prints '\(row.message)', migedit '\(diagnostic.message)'")
        #expect(diagnostic.hint == row.hint)
        let lines = report.startupLines
        switch row.severity {
        case .warning:
            #expect(report.isAccepted)
            #expect(lines.contains("warning: " + row.message), "\(lines)")
        case .error:
            // QEMU prints the first failing check and, from 8.1 (ERRP_GUARD), its hint.
            #expect(report.firstError?.ruleID == row.rule)
            let hintLines = c.version >= .v8_1 ? row.hint.map { [$0] } ?? [] : []
            #expect(Array(lines.suffix(hintLines.count)) == hintLines, "\(lines)")
            let messageLine = lines.dropLast(hintLines.count).last ?? ""
            #expect(row.isPrefix ? messageLine.hasPrefix(row.message) : messageLine == row.message, "\(lines)")
        }
    }

    @Test("passed: this rule does not fire and QEMU accepts", arguments: ReleaseRules.passCases)
    func pass(_ c: ReleaseCase) {
        let report = releaseReport(c.row.pass, c.version)
        #expect(!report.diagnostics.contains { $0.ruleID == c.row.rule }, "\(c.row.pass)")
        #expect(report.errors.isEmpty, "\(c.row.pass): \(report.errors.map(\.ruleID))")
        #expect(Set(report.warnings.map(\.ruleID)) == ReleaseRules.deprecationWarnings(c.row.pass, in: c.version))
    }

    @Test("every rule of the release has a row, and every row a rule of the release", arguments: QEMUVersion.allCases)
    func everyRuleIsTrippedAndPassed(version: QEMUVersion) {
        let rows = ReleaseRules.rows.filter { $0.releases.contains(version) }
        let ids = RuleBook.rules(for: version).map(\.id)
        #expect(Set(ids).count == ids.count, "QEMU \(version) runs a rule twice")
        let missing = ids.filter { id in !rows.contains { $0.rule == id } }
        #expect(missing.isEmpty, "QEMU \(version): rules with no trip and pass row: \(missing)")
        let unknown = Set(rows.map(\.rule)).subtracting(ids)
        #expect(unknown.isEmpty, "QEMU \(version): rows for rules it does not run: \(unknown.sorted())")
    }

    /// A row without a trip stands for a check no 64-bit value can fail; it must still be the
    /// release's rule with QEMU's text.
    @Test("untrippable checks carry QEMU's text in every release that has them")
    func untrippable() {
        for row in ReleaseRules.rows where row.trip == nil {
            for version in row.versions {
                let rule = RuleBook.rule(withID: row.rule, in: version)
                #expect(rule?.message == row.message, "\(row.rule) on \(version)")
                #expect(rule?.severity == .error && rule?.phase == .parameters, "\(row.rule) on \(version)")
            }
        }
    }
}
