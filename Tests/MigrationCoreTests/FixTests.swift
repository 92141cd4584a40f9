import Testing
import TestSupport
@testable import MigrationCore

/// A random host: each fact off its default with probability 1/4.
func randomHost(using generator: inout SplitMix64) -> Host {
    var host = Host()
    for fact in HostFact.allCases where Int.random(in: 0..<4, using: &generator) == 0 {
        let values: [String]
        switch fact {
        case .pageSize: values = ["512", "8192", "65536"]
        case .compressionMethods: values = ["none", "zstd,qpl", "qatzip,uadk"]
        default: values = fact.choices ?? []
        }
        try? host.set(fact, to: values.randomElement(using: &generator)!)
    }
    return host
}

/// The configuration and host a fix leads to.
func applying(_ fix: Fix, to configuration: Configuration, on host: Host) -> (Configuration, Host) {
    var configuration = configuration, host = host
    fix.apply(to: &configuration, host: &host)
    return (configuration, host)
}

/// Whether the fix clears the diagnostic and adds no error, checked from scratch with the
/// release's full report; nil when it does, else what went wrong.
func fixProblem(_ fix: Fix, for diagnostic: Diagnostic, in configuration: Configuration, on host: Host) -> String? {
    let checker = Checker.for(diagnostic.version)
    let before = Set(checker.check(configuration, on: host).errors.map(\.ruleID))
    let (fixed, fixedHost) = applying(fix, to: configuration, on: host)
    let after = checker.check(fixed, on: fixedHost)
    if after.diagnostics.contains(where: { $0.ruleID == diagnostic.ruleID }) { return "still fires" }
    let added = Set(after.errors.map(\.ruleID)).subtracting(before)
    return added.isEmpty ? nil : "adds \(added.sorted())"
}

/// The first diagnostic with this rule id, on the release's checker.
func diagnostic(_ id: String, in configuration: Configuration, version: QEMUVersion = .standard, host: Host = .standard) -> Diagnostic? {
    Checker.for(version).check(configuration, on: host).diagnostics.first { $0.ruleID == id }
}

func configuration(_ assignments: [String], version: QEMUVersion = .standard) throws -> Configuration {
    var configuration = Configuration()
    for assignment in assignments { try configuration.assign(assignment, version: version) }
    return configuration
}

@Suite("Fixes")
struct FixTests {
    @Test("random rejected configurations on random hosts: every diagnostic has a fix, and each clears it and adds no error", arguments: QEMUVersion.allCases)
    func randomFixesAreSound(version: QEMUVersion) {
        var generator = SplitMix64(seed: 0xF1C5_0000 &+ UInt64(version.index))
        let catalog = Catalog.for(version)
        var rejected = 0, diagnostics = 0, withFixes = 0
        while rejected < 100 {
            let configuration = Configuration.random(using: &generator, items: catalog.items)
            let host = randomHost(using: &generator)
            let report = Checker.for(version).check(configuration, on: host)
            guard !report.isAccepted else { continue }
            rejected += 1
            let recent = configuration.changedItems.shuffled(using: &generator)
            for diagnostic in report.diagnostics {
                let fixes = Fixes.for(diagnostic, in: configuration, on: host, recent: recent)
                diagnostics += 1
                if !fixes.isEmpty { withFixes += 1 }
                #expect(fixes.count <= Fixes.limit)
                #expect(fixes.map(\.changes.count) == fixes.map(\.changes.count).sorted(), "one change before two")
                #expect(Set(fixes).count == fixes.count, "fixes repeat")
                for fix in fixes {
                    #expect((1...2).contains(fix.changes.count))
                    #expect(fix.settings.allSatisfy { catalog.contains($0.item) }, "\(fix) sets a setting QEMU \(version) lacks")
                    let problem = fixProblem(fix, for: diagnostic, in: configuration, on: host)
                    #expect(problem == nil, "QEMU \(version), \(diagnostic.ruleID): \(fix) \(problem ?? "")")
                }
            }
        }
        // Random values break several rules at once, yet one or two changes clear each.
        #expect(withFixes == diagnostics, "QEMU \(version): \(withFixes) of \(diagnostics) diagnostics have fixes")
    }

    @Test("every error rule of every release has a fix where it trips", arguments: ReleaseRules.tripCases)
    func everyRuleHasAFix(_ c: ReleaseCase) throws {
        let scenario = try #require(c.row.trip)
        let configuration = scenario.configuration
        let found = try #require(diagnostic(c.row.rule, in: configuration, version: c.version, host: scenario.host))
        let fixes = Fixes.for(found, in: configuration, on: scenario.host)
        #expect(!fixes.isEmpty, "\(c.row.rule) on \(c.version): \(scenario)")
        for fix in fixes {
            #expect(fixProblem(fix, for: found, in: configuration, on: scenario.host) == nil, "\(fix)")
        }
    }

    @Test("xbzrle-cache-size=1000 → the next power of two, 4096, first")
    func xbzrleCacheSize() throws {
        let configuration = try configuration(["xbzrle-cache-size=1000"])
        let found = try #require(diagnostic("xbzrle-cache-size-power-of-two", in: configuration))
        let fixes = Fixes.for(found, in: configuration)
        #expect(fixes.first?.changes == [.setting(.xbzrleCacheSize, .number(4096))])
        #expect(fixes.contains { $0.changes == [.setting(.xbzrleCacheSize, .number(64 << 20))] }, "the default")
    }

    @Test("on a host with 64 KiB pages the nearest cache size is 64 KiB")
    func xbzrleCacheSizeFollowsThePageSize() throws {
        var host = Host()
        host.pageSize = 65536
        let configuration = try configuration(["xbzrle-cache-size=5000"])
        let found = try #require(diagnostic("xbzrle-cache-size-power-of-two", in: configuration, host: host))
        #expect(Fixes.for(found, in: configuration, on: host).first?.changes == [.setting(.xbzrleCacheSize, .number(65536))])
    }

    @Test("cpu-throttle-initial=100 → 99, then the default")
    func cpuThrottleInitial() throws {
        let configuration = try configuration(["cpu-throttle-initial=100"])
        let found = try #require(diagnostic("cpu-throttle-initial-range", in: configuration))
        #expect(Fixes.for(found, in: configuration).map(\.changes) == [
            [.setting(.cpuThrottleInitial, .number(99))], [.setting(.cpuThrottleInitial, .number(20))],
        ])
    }

    @Test("max-cpu-throttle below cpu-throttle-initial: lower the one changed earlier, or raise the other")
    func maxCpuThrottle() throws {
        let configuration = try configuration(["cpu-throttle-initial=30", "max-cpu-throttle=10"])
        let found = try #require(diagnostic("max-cpu-throttle-range", in: configuration))
        let fixes = Fixes.for(found, in: configuration, recent: [.maxCpuThrottle, .cpuThrottleInitial])
        #expect(fixes.map(\.changes) == [
            [.setting(.cpuThrottleInitial, .number(10))], [.setting(.maxCpuThrottle, .number(30))],
            [.setting(.maxCpuThrottle, .number(99))],
        ])
        let other = Fixes.for(found, in: configuration, recent: [.cpuThrottleInitial, .maxCpuThrottle])
        #expect(other.first?.changes == [.setting(.maxCpuThrottle, .number(30))])
    }

    @Test("zero-copy-send with TLS: clearing tls-creds is a fix")
    func zeroCopyWithTLS() throws {
        let configuration = try configuration(["zero-copy-send=on", "multifd=on", "tls-creds=tls0"])
        for id in ["zero-copy-send-vs-compression-or-tls", "zero-copy-send-needs-plain-multifd"] {
            let found = try #require(diagnostic(id, in: configuration))
            let fixes = Fixes.for(found, in: configuration, recent: [.tlsCreds])
            #expect(fixes.contains { $0.changes == [.setting(.tlsCreds, .text(""))] }, "\(id): \(fixes)")
            #expect(fixes.first?.changes == [.setting(.zeroCopySend, .bool(false))], "keeps the latest change")
        }
    }

    @Test("zero-copy-send with compression and TLS needs both cleared: a pair")
    func zeroCopyWithCompressionAndTLS() throws {
        let configuration = try configuration(["zero-copy-send=on", "multifd=on", "tls-creds=tls0", "multifd-compression=zlib"])
        let found = try #require(diagnostic("zero-copy-send-vs-compression-or-tls", in: configuration))
        let fixes = Fixes.for(found, in: configuration)
        #expect(fixes.first?.changes == [.setting(.zeroCopySend, .bool(false))])
        #expect(fixes.dropFirst().contains {
            $0.changes == [.setting(.tlsCreds, .text("")), .setting(.multifdCompression, .choice("none"))]
        }, "\(fixes)")
    }

    @Test("a first change that adds an error is completed by a second: zero-copy-send in 8.2 with xbzrle")
    func pairClearsTheErrorTheFirstChangeAdds() throws {
        let configuration = try configuration(["zero-copy-send=on", "xbzrle=on"], version: .v8_2)
        let found = try #require(diagnostic("zero-copy-send-needs-plain-multifd", in: configuration, version: .v8_2))
        let fixes = Fixes.for(found, in: configuration, recent: [.zeroCopySend])
        #expect(fixes.map(\.changes) == [
            [.setting(.zeroCopySend, .bool(false))],
            [.setting(.xbzrle, .bool(false)), .setting(.multifd, .bool(true))],
        ])
    }

    @Test("postcopy-ram + multifd on 9.0: either off; 7.2, 8.0 and 10.1 on accept it as is")
    func postcopyWithMultifd() throws {
        let configuration = try configuration(["postcopy-ram=on", "multifd=on"])
        let found = try #require(diagnostic("postcopy-ram-vs-multifd", in: configuration))
        #expect(Fixes.for(found, in: configuration, recent: [.multifd, .postcopyRam]).map(\.changes) == [
            [.setting(.postcopyRam, .bool(false))], [.setting(.multifd, .bool(false))],
        ])
        #expect(Fixes.for(found, in: configuration, recent: [.postcopyRam, .multifd]).first?.changes == [
            .setting(.multifd, .bool(false))
        ])
        let accepting = QEMUVersion.releases(accepting: configuration)
        #expect(accepting == [.v7_2, .v8_0, .v10_1, .v10_2])
        #expect(accepting == QEMUVersion.allCases.filter { Checker.for($0).check(configuration).isAccepted })
        #expect(QEMUVersion.describe(accepting) == "7.2 to 8.0, 10.1 and later")
    }

    @Test("a release without a changed setting does not accept the configuration")
    func releasesLackingASettingDoNotAccept() throws {
        #expect(QEMUVersion.releases(accepting: try configuration(["mapped-ram=on"])).first == .v9_0)
        #expect(QEMUVersion.releases(accepting: try configuration(["compress=on"])) == [.v7_2, .v8_0, .v8_1, .v8_2, .v9_0])
        #expect(QEMUVersion.releases(accepting: try configuration(["multifd-compression=qpl"], version: .v9_1)).isEmpty)
        #expect(QEMUVersion.releases(accepting: Configuration()) == QEMUVersion.allCases)
        #expect(QEMUVersion.describe([.v9_0]) == "9.0")
        #expect(QEMUVersion.describe([.v10_2]) == "10.2 and later")
    }

    @Test("dirty-limit without a dirty ring: a host fix says what the host needs")
    func dirtyLimitNeedsAHostFix() throws {
        let configuration = try configuration(["dirty-limit=on"])
        let found = try #require(diagnostic("dirty-limit-requires-kvm-dirty-ring", in: configuration))
        let fixes = Fixes.for(found, in: configuration, recent: [.dirtyLimit])
        #expect(fixes.map(\.changes) == [[.setting(.dirtyLimit, .bool(false))], [.host(.dirtyRing, "on")]])
        var noKVM = Host()
        noKVM.kvm = false
        let withoutKVM = try #require(diagnostic("dirty-limit-requires-kvm-dirty-ring", in: configuration, host: noKVM))
        #expect(Fixes.for(withoutKVM, in: configuration, on: noKVM).contains {
            $0.changes == [.host(.kvm, "on"), .host(.dirtyRing, "on")]
        })
    }

    @Test("a choice the build lacks: the built-in choices, or a build with the method")
    func compressionMethodTheBuildLacks() throws {
        let configuration = try configuration(["multifd-compression=zstd"])
        var host = Host()
        host.compressionMethods = []
        let found = try #require(diagnostic("multifd-compression-needs-build-support", in: configuration, host: host))
        #expect(Fixes.for(found, in: configuration, on: host).map(\.changes) == [
            [.setting(.multifdCompression, .choice("none"))], [.setting(.multifdCompression, .choice("zlib"))],
            [.host(.compressionMethods, "zstd")],
        ])
    }

    @Test("warnings get fixes too")
    func warningFix() throws {
        let configuration = try configuration(["compress=on"], version: .v8_2)
        let found = try #require(diagnostic("compress-deprecated", in: configuration, version: .v8_2))
        #expect(Fixes.for(found, in: configuration).map(\.changes) == [[.setting(.compress, .bool(false))]])
    }

    @Test("nearest numbers: range boundaries, powers of two, type bounds")
    func nearestNumbers() {
        #expect(FixCandidates.nearestNumbers(around: 2_000_001, upTo: .max) { $0 <= 2_000_000 } == [2_000_000])
        #expect(FixCandidates.nearestNumbers(around: 0, upTo: 255) { $0 >= 1 } == [1])
        #expect(FixCandidates.nearestNumbers(around: .max, upTo: .max) { $0 <= 100_000 } == [100_000])
        #expect(FixCandidates.nearestNumbers(around: 5000, upTo: .max) { $0 >= 4096 && $0 & ($0 - 1) == 0 } == [4096, 8192])
        #expect(FixCandidates.nearestNumbers(around: 50, upTo: 255) { $0 > 255 }.isEmpty)
    }
}
