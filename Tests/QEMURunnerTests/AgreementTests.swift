import MigrationCore
import Testing
import TestSupport
@testable import QEMURunner

/// migedit against real QEMU binaries: every rule each release has, tripped and passed; every
/// pair of capabilities that have a `-global` property; 500 seeded random configurations. Each
/// case compares the verdict, the first message, the warnings and every value read back.
enum Agreement {
    /// Rules a `-global` run on this machine cannot trip, and why.
    static let untrippable: [String: String] = [
        "max-bandwidth-range": "a uint64 always fits SIZE_MAX on 64-bit hosts",
        "avail-switchover-bandwidth-range": "never checked at startup, and unreachable on 64-bit hosts",
        "block-bitmap-mapping-valid": "block-bitmap-mapping has no -global property",
        "direct-io-needs-build-support": "direct-io has no -global property (and Linux builds support it)",
        "block-needs-live-block-migration": "Debian's QEMU is built with live block migration",
        "x-colo-needs-replication": "Debian's QEMU is built with replication",
        "postcopy-ram-host-support": "needs -incoming and a host without userfaultfd",
        "postcopy-ram-vs-x-ignore-shared": "x-ignore-shared has no -global property before 11.0",
        "background-snapshot-host-kernel": "this host's kernel supports userfaultfd write-protect",
        "background-snapshot-guest-memory": "-M none has no guest RAM to be incompatible",
        "zero-copy-send-needs-linux": "the binaries are Linux builds",
        "postcopy-preempt-before-incoming": "the incoming side never starts in a -M none run",
        "multifd-before-incoming": "the incoming side never starts in a -M none run",
        "multifd-compression-needs-build-support":
            "Debian's 7.2 is built with zstd, and 7.2 has no other optional method (10.0 runs the case)",
    ]

    /// For each rule: settings that trip it, and settings on the passing side of it.
    static let cases: [(rule: String, trip: [String], pass: [String])] = [
        ("multifd-compression-needs-build-support", ["multifd-compression=qpl"], ["multifd-compression=zstd"]),
        ("compress-level-range", ["compress-level=10"], ["compress-level=9"]),
        ("compress-threads-range", ["compress-threads=0"], ["compress-threads=1"]),
        ("decompress-threads-range", ["decompress-threads=0"], ["decompress-threads=1"]),
        ("throttle-trigger-threshold-range", ["throttle-trigger-threshold=101"], ["throttle-trigger-threshold=100"]),
        ("cpu-throttle-initial-range", ["cpu-throttle-initial=0"], ["cpu-throttle-initial=99"]),
        ("cpu-throttle-increment-range", ["cpu-throttle-increment=100"], ["cpu-throttle-increment=1"]),
        ("downtime-limit-range", ["downtime-limit=2000001"], ["downtime-limit=2000000"]),
        ("multifd-channels-range", ["multifd-channels=0"], ["multifd-channels=255"]),
        ("multifd-zlib-level-range", ["multifd-zlib-level=10"], ["multifd-zlib-level=0"]),
        ("multifd-qatzip-level-range", ["multifd-qatzip-level=0"], ["multifd-qatzip-level=9"]),
        ("multifd-zstd-level-range", ["multifd-zstd-level=21"], ["multifd-zstd-level=20"]),
        ("xbzrle-cache-size-power-of-two", ["xbzrle-cache-size=6144"], ["xbzrle-cache-size=4096"]),
        ("max-cpu-throttle-range", ["max-cpu-throttle=19"], ["max-cpu-throttle=20"]),
        ("announce-initial-range", ["announce-initial=100001"], ["announce-initial=100000"]),
        ("announce-max-range", ["announce-max=100001"], ["announce-max=100000"]),
        ("announce-rounds-range", ["announce-rounds=1001"], ["announce-rounds=1000"]),
        ("announce-step-range", ["announce-step=0"], ["announce-step=10000"]),
        ("zero-copy-send-vs-compression-or-tls", ["zero-copy-send=on", "multifd=on", "tls-creds=tls0"], ["zero-copy-send=on", "multifd=on"]),
        ("mapped-ram-vs-compression-or-tls", ["mapped-ram=on", "multifd-compression=zlib"], ["mapped-ram=on"]),
        ("x-vcpu-dirty-limit-period-range", ["x-vcpu-dirty-limit-period=1001"], ["x-vcpu-dirty-limit-period=1"]),
        ("vcpu-dirty-limit-range", ["vcpu-dirty-limit=0"], ["vcpu-dirty-limit=1"]),
        ("zero-blocks-deprecated", ["zero-blocks=on"], []),
        ("block-deprecated", ["block=on"], []),
        ("compress-deprecated", ["compress=on"], []),
        ("postcopy-ram-vs-multifd", ["postcopy-ram=on", "multifd=on"], ["postcopy-ram=on"]),
        ("background-snapshot-vs-postcopy-ram", ["background-snapshot=on", "postcopy-ram=on"], ["background-snapshot=on"]),
        ("background-snapshot-vs-return-path", ["background-snapshot=on", "return-path=on"], ["return-path=on"]),
        ("background-snapshot-vs-multifd", ["background-snapshot=on", "multifd=on"], ["multifd=on"]),
        ("background-snapshot-vs-auto-converge", ["background-snapshot=on", "auto-converge=on"], ["auto-converge=on"]),
        ("background-snapshot-vs-release-ram", ["background-snapshot=on", "release-ram=on"], ["release-ram=on"]),
        ("background-snapshot-vs-rdma-pin-all", ["background-snapshot=on", "rdma-pin-all=on"], ["rdma-pin-all=on"]),
        ("background-snapshot-vs-compress", ["background-snapshot=on", "compress=on"], ["compress=on"]),
        ("background-snapshot-vs-xbzrle", ["background-snapshot=on", "xbzrle=on"], ["xbzrle=on"]),
        ("background-snapshot-vs-x-colo", ["background-snapshot=on", "x-colo=on"], ["x-colo=on"]),
        ("background-snapshot-vs-zero-copy-send", ["background-snapshot=on", "zero-copy-send=on"], ["background-snapshot=on", "events=on"]),
        ("zero-copy-send-needs-plain-multifd", ["zero-copy-send=on"], ["zero-copy-send=on", "multifd=on"]),
        ("postcopy-preempt-requires-postcopy-ram", ["postcopy-preempt=on"], ["postcopy-preempt=on", "postcopy-ram=on"]),
        ("postcopy-preempt-vs-compress", ["postcopy-preempt=on", "postcopy-ram=on", "compress=on"], ["postcopy-preempt=on", "postcopy-ram=on"]),
        ("multifd-vs-compress", ["multifd=on", "compress=on"], ["multifd=on"]),
        ("switchover-ack-requires-return-path", ["switchover-ack=on"], ["switchover-ack=on", "return-path=on"]),
        ("dirty-limit-vs-auto-converge", ["dirty-limit=on", "auto-converge=on"], ["dirty-limit=on"]),
        ("dirty-limit-requires-kvm-dirty-ring", ["dirty-limit=on"], ["auto-converge=on"]),
        ("multifd-vs-xbzrle", ["multifd=on", "xbzrle=on"], ["xbzrle=on"]),
        ("compress-vs-xbzrle", ["compress=on", "xbzrle=on"], ["compress=on"]),
        ("mapped-ram-vs-xbzrle", ["mapped-ram=on", "xbzrle=on"], ["mapped-ram=on"]),
        ("mapped-ram-vs-compress", ["mapped-ram=on", "compress=on"], ["mapped-ram=on"]),
        ("mapped-ram-vs-postcopy-ram", ["mapped-ram=on", "postcopy-ram=on"], ["mapped-ram=on"]),
    ]

    /// The rule cases a release can run: its rules with every setting settable by `-global`
    /// to a value the release has.
    static func ruleCases(for version: QEMUVersion) -> [(rule: String, trip: [String], pass: [String])] {
        let catalog = Catalog.for(version)
        return cases.filter { entry in
            RuleBook.rule(withID: entry.rule, in: version) != nil
                && (entry.trip + entry.pass).allSatisfy { assignment in
                    let name = String(assignment.prefix { $0 != "=" })
                    return catalog.item(named: name)?.property != nil && (try? configuration([assignment], version: version)) != nil
                }
        }
    }

    static func configuration(_ assignments: [String], version: QEMUVersion) throws -> Configuration {
        var configuration = Configuration()
        for assignment in assignments { try configuration.assign(assignment, version: version) }
        return configuration
    }

    /// Runs the configuration through QEMU and records every disagreement as a test issue.
    @discardableResult
    static func expectAgreement(_ configuration: Configuration, version: QEMUVersion, path: String, label: String) throws -> Verification {
        let binary = try QEMUBinary.probe(path)
        #expect(QEMUVersion(parsing: binary.version) == version)
        var verification = try Verifier.verify(configuration, host: .standard, with: binary)
        // A QEMU that ends without accepting and without an error line crashed or was killed,
        // which no rule explains: seen once in a full CI run (random #326 on 10.0.2, a
        // configuration that then passed 300 runs alone and 6 loaded agreement runs). It runs
        // once more; a second silent end is a disagreement like any other.
        if !verification.outcome.isAccepted && verification.outcome.firstError == nil {
            verification = try Verifier.verify(configuration, host: .standard, with: binary)
        }
        let disagreements = verification.disagreements
        #expect(disagreements.isEmpty, "\(label) on \(binary.version): \(disagreements) (ran \(verification.arguments))")
        return verification
    }

    /// Every pair of capabilities a release lets `-global` set.
    static func capabilityPairs(for version: QEMUVersion) -> [(String, String)] {
        let names = Catalog.for(version).items.filter { $0.kind == .capability && $0.property != nil }.map(\.name)
        return names.indices.flatMap { first in names.indices.filter { $0 > first }.map { (names[first], names[$0]) } }
    }

    /// A seeded random configuration of `-global`-settable items with values drawn from each
    /// type's boundaries, so most checks are near their edge. Every enum choice of the release is
    /// drawn, including those a Debian build leaves out (qatzip, qpl, uadk): migedit's default
    /// host (compression-methods=zstd) must predict QEMU refusing them.
    static func randomConfiguration(version: QEMUVersion, generator: inout SplitMix64) -> Configuration {
        var configuration = Configuration()
        for item in Catalog.for(version).items where item.property != nil && Int.random(in: 0..<8, using: &generator) == 0 {
            let value: Value
            switch item.type {
            case .bool: value = .bool(item.defaultValue != .bool(true))
            case .uint8: value = .number([0, 1, 2, 8, 9, 10, 19, 20, 21, 99, 100, 101, 255].randomElement(using: &generator)!)
            case .uint32: value = .number([0, 1, 20_000, 4_294_967_295].randomElement(using: &generator)!)
            case .uint64: value = .number([0, 1, 300, 1000, 1001, 2_000_000, 2_000_001, .max].randomElement(using: &generator)!)
            case .size:
                value = .number([0, 1, 1000, 1001, 4096, 6144, 10_000, 10_001, 100_000, 100_001, 1 << 20, 64 << 20, .max]
                    .randomElement(using: &generator)!)
            case .enumeration(let choices):
                value = .choice(choices.randomElement(using: &generator)!)
            case .string: value = .text(["", "tls0", "a b,c", "it's $(x)"].randomElement(using: &generator)!)
            case .bitmapMapping, .stringList: continue
            }
            configuration[item.id] = value
        }
        return configuration
    }
}

extension Agreement {
    static func everyRule(version: QEMUVersion, path: String) throws {
        let covered = Set(ruleCases(for: version).map(\.rule))
        let catalog = Catalog.for(version)
        for rule in RuleBook.rules(for: version) where !covered.contains(rule.id) {
            let needsQMP = rule.items.contains { catalog.item($0)?.property == nil }
            let reason = untrippable[rule.id] ?? (needsQMP ? "an item has no -global property" : nil)
            #expect(reason != nil, "QEMU \(version): no real-QEMU case for \(rule.id)")
        }
        for entry in ruleCases(for: version) {
            let trip = try configuration(entry.trip, version: version)
            let tripped = try expectAgreement(trip, version: version, path: path, label: "\(entry.rule) tripped")
            #expect(tripped.predicted.diagnostics.contains { $0.ruleID == entry.rule }, "\(entry.rule) was not tripped by \(entry.trip)")
            let pass = try configuration(entry.pass, version: version)
            let passed = try expectAgreement(pass, version: version, path: path, label: "\(entry.rule) passed")
            #expect(!passed.predicted.diagnostics.contains { $0.ruleID == entry.rule }, "\(entry.rule) tripped by \(entry.pass)")
        }
    }

    static func capabilityPairs(version: QEMUVersion, path: String) throws {
        let pairs = capabilityPairs(for: version)
        #expect(pairs.count >= 100)
        for (first, second) in pairs {
            let configuration = try configuration(["\(first)=on", "\(second)=on"], version: version)
            try expectAgreement(configuration, version: version, path: path, label: "\(first)+\(second)")
        }
    }

    static func randomConfigurations(version: QEMUVersion, path: String) throws {
        var generator = SplitMix64(seed: 0x6D69_6765_6469_7400)
        var rejected = 0
        for index in 0..<500 {
            let configuration = randomConfiguration(version: version, generator: &generator)
            let verification = try expectAgreement(configuration, version: version, path: path, label: "random #\(index)")
            if !verification.outcome.isAccepted { rejected += 1 }
        }
        #expect(rejected > 50 && rejected < 450, "the generator should produce both verdicts; \(rejected) of 500 were rejected")
    }
}

extension Agreement {
    /// Seeded random configurations (QMP-only capabilities among them) sent as the QMP and HMP
    /// exports write them: QEMU must refuse exactly what migedit rejects, with one of its
    /// messages, and read back everything it took.
    static func monitorConfigurations(version: QEMUVersion, path: String) throws {
        let binary = try QEMUBinary.probe(path)
        var generator = SplitMix64(seed: 0x6D6F_6E69_746F_7200)
        let qmpOnly = Catalog.for(version).items.filter { $0.kind == .capability && $0.property == nil }.map(\.id)
        var refused = 0
        for index in 0..<40 {
            var configuration = randomConfiguration(version: version, generator: &generator)
            for id in qmpOnly where Int.random(in: 0..<4, using: &generator) == 0 { configuration[id] = .bool(true) }
            for format in [ExportFormat.qmp, .hmp] {
                let monitor = try Verifier.verifyMonitor(configuration, host: .standard, with: binary, format: format)
                #expect(monitor.agrees, "random #\(index) over \(format) on \(binary.version): \(monitor.disagreements) (sent \(monitor.commands))")
                if monitor.refusal != nil { refused += 1 }
            }
        }
        #expect(refused > 8 && refused < 72, "the generator should produce both verdicts; \(refused) of 80 were refused")
    }
}

/// The comparisons each binary's suite runs.
enum AgreementCheck: String, CaseIterable, Sendable, CustomTestStringConvertible {
    case everyRule = "every rule the release has, tripped and passed"
    case capabilityPairs = "every pair of capabilities with a -global property"
    case randomConfigurations = "500 seeded random configurations"
    case monitorConfigurations = "40 seeded random configurations over QMP and HMP"

    var testDescription: String { rawValue }

    func run(version: QEMUVersion, path: String?, missing: String) throws {
        let path = try #require(path, Comment(rawValue: missing))
        switch self {
        case .everyRule: try Agreement.everyRule(version: version, path: path)
        case .capabilityPairs: try Agreement.capabilityPairs(version: version, path: path)
        case .randomConfigurations: try Agreement.randomConfigurations(version: version, path: path)
        case .monitorConfigurations: try Agreement.monitorConfigurations(version: version, path: path)
        }
    }
}

// One suite per binary, so a missing binary shows up as that suite skipped (with the reason)
// instead of a parameterized test silently running zero cases. Under CI=true the suite runs
// anyway and every check fails on the missing binary.

@Suite("Agreement with real QEMU 7.2", .enabled(if: Binaries.qemu72Path != nil || Binaries.isCI, Comment(rawValue: Binaries.missing72)))
struct Agreement72Tests {
    @Test(arguments: AgreementCheck.allCases)
    func agreement(_ check: AgreementCheck) throws {
        try check.run(version: .v7_2, path: Binaries.qemu72Path, missing: Binaries.missing72)
    }
}

@Suite("Agreement with real QEMU 10.0", .enabled(if: Binaries.qemu100Path != nil || Binaries.isCI, Comment(rawValue: Binaries.missing100)))
struct Agreement100Tests {
    @Test(arguments: AgreementCheck.allCases)
    func agreement(_ check: AgreementCheck) throws {
        try check.run(version: .v10_0, path: Binaries.qemu100Path, missing: Binaries.missing100)
    }
}
