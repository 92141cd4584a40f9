// Each host fact stands for one condition QEMU reads (see the brief's mapping): flipping only
// that fact must flip the verdict QEMU would give.
import Testing
@testable import MigrationCore

struct HostFlip: Sendable, CustomTestStringConvertible {
    let fact: HostFact
    let caps: [ItemID]
    let values: [ItemID: Value]
    /// Host on which QEMU accepts the configuration.
    let accepting: Host
    /// The same host with only `fact` changed, on which QEMU rejects it.
    let rejecting: Host
    let message: String
    let prefix: Bool
    var testDescription: String { "\(fact.rawValue): \(accepting.value(of: fact)) → \(rejecting.value(of: fact))" }

    init(_ fact: HostFact, _ caps: [ItemID], set values: [ItemID: Value] = [:], base: Host = Host(),
         to change: (inout Host) -> Void, _ message: String, prefix: Bool = false) {
        self.fact = fact
        self.caps = caps
        self.values = values
        accepting = base
        var r = base
        change(&r)
        rejecting = r
        self.message = message
        self.prefix = prefix
    }
}

@Suite("Host facts")
struct HostFactTests {
    typealias T = QemuText
    static let ring = host { $0.dirtyRing = true }
    static let pending = host { $0.incoming = .pending }

    static let flips: [HostFlip] = [
        // CONFIG_LINUX: K9′ replaces K9 (options.c:578)
        HostFlip(.os, [.zeroCopySend, .multifd], to: { $0.os = .other }, T.k9NotLinux),
        // kvm_enabled() (:635)
        HostFlip(.kvm, [.dirtyLimit], base: ring, to: { $0.kvm = false }, T.k17),
        // kvm_dirty_ring_enabled() (:635)
        HostFlip(.dirtyRing, [.dirtyLimit], base: ring, to: { $0.dirtyRing = false }, T.k17),
        // migrate_query_write_tracking() (:541)
        HostFlip(.writeTracking, [.backgroundSnapshot], to: { $0.writeTracking = .available }, T.k7),
        HostFlip(.writeTracking, [.backgroundSnapshot], to: { $0.writeTracking = .absent }, T.k6),
        // postcopy_ram_supported_by_host() (:518), only consulted under -incoming
        HostFlip(.postcopySupport, [.postcopyRam], base: pending, to: { $0.postcopySupport = false }, T.k3,
                 prefix: true),
        // CONFIG_REPLICATION (:502)
        HostFlip(.replication, [.xColo], to: { $0.replication = false }, T.k2),
        // CONFIG_LIVE_BLOCK_MIGRATION (:484)
        HostFlip(.liveBlockMigration, [.block], to: { $0.liveBlockMigration = false }, T.k1),
        // qemu_target_page_size() (:1186)
        HostFlip(.pageSize, [], set: [.xbzrleCacheSize: .number(4096)], to: { $0.pageSize = 8192 }, T.p13),
        HostFlip(.pageSize, [], set: [.xbzrleCacheSize: .number(32768)], base: host { $0.pageSize = 32768 },
                 to: { $0.pageSize = 65536 }, T.p13),
        // runstate INMIGRATE (:517)
        HostFlip(.incoming, [.postcopyRam], base: host { $0.postcopySupport = false },
                 to: { $0.incoming = .pending }, T.k3, prefix: true),
        // migrate_incoming_started() (:603, :615)
        HostFlip(.incoming, [.multifd], base: pending, to: { $0.incoming = .started }, T.k14),
        HostFlip(.incoming, [.postcopyRam, .postcopyPreempt], base: pending, to: { $0.incoming = .started }, T.k12),
        HostFlip(.incoming, [.multifd], to: { $0.incoming = .started }, T.k14),
        // MultiFDCompression's `if: CONFIG_ZSTD` (qapi/migration.json): no zstd, no such value
        HostFlip(.compressionMethods, [], set: [.multifdCompression: zstd], to: { $0.compressionMethods = [] },
                 "Parameter 'multifd-compression' does not accept value 'zstd'"),
    ]

    @Test("Flipping one fact flips the verdict", arguments: flips)
    func flip(_ f: HostFlip) {
        let scenario = RuleScenario(caps: f.caps, values: f.values, host: f.accepting)
        let accepted = scenario.report()
        #expect(accepted.isAccepted, "\(scenario): \(accepted.firstError?.message ?? "")")
        var rejectedScenario = scenario
        rejectedScenario.host = f.rejecting
        #expect(rejectedScenario.host.changedFacts.filter { !scenario.host.changedFacts.contains($0) }
                    .allSatisfy { $0 == f.fact })
        let rejected = rejectedScenario.report()
        let message = rejected.firstError?.message ?? "nil"
        #expect(!rejected.isAccepted)
        #expect(f.prefix ? message.hasPrefix(f.message) : message == f.message, "\(message)")
        #expect(rejected.firstError?.subjects.contains(.host(f.fact)) == true,
                "the diagnostic should name host.\(f.fact.rawValue) as a subject")
    }

    @Test("Every host fact has a flip")
    func everyFactCovered() {
        #expect(Set(Self.flips.map(\.fact)) == Set(HostFact.allCases))
    }

    @Test("xbzrle-cache-size against several page sizes", arguments: [UInt64(4096), 16384, 65536])
    func pageSizes(_ page: UInt64) {
        let h = host { $0.pageSize = page }
        for good in [page, 2 * page, 1 << 40] {
            #expect(param(.xbzrleCacheSize, good, host: h).report().isAccepted, "\(good) on \(page)")
        }
        for bad in [0, page / 2, page - 1, page + 1, 3 * page, page * 2 + page / 2] {
            #expect(param(.xbzrleCacheSize, bad, host: h).report().firstError?.message == T.p13,
                    "\(bad) on \(page)")
        }
    }

    @Test("Postcopy host support is only consulted with -incoming")
    func postcopySupportNeedsIncoming() {
        let noSupport = host { $0.postcopySupport = false }
        #expect(on(.postcopyRam, host: noSupport).report().isAccepted)
        #expect(on(host: host { $0.postcopySupport = false; $0.incoming = .started }).report().isAccepted)
        let started = on(.postcopyRam, host: host { $0.postcopySupport = false; $0.incoming = .started }).report()
        #expect(started.firstError?.message.hasPrefix(T.k3) == true)
        // "Postcopy is not supported: " + a detail: the prefix is followed by something.
        #expect((started.firstError?.message.count ?? 0) > T.k3.count)
    }

    @Test("Incoming pending does not trip the incoming-started checks")
    func pendingIsNotStarted() {
        #expect(on(.multifd, .postcopyRam, .postcopyPreempt, host: Self.pending).report().errors
            .map(\.message) == [T.k5])
    }

    @Test("Without KVM, dirty-limit is refused even if the ring is claimed on")
    func noKvm() {
        #expect(on(.dirtyLimit, host: host { $0.kvm = false; $0.dirtyRing = true }).report().firstError?.message
            == T.k17)
        #expect(on(.dirtyLimit, host: Self.ring).report().isAccepted)
    }

    @Test("Off Linux, zero-copy-send is refused whatever else is set")
    func zeroCopyOffLinux() {
        let other = host { $0.os = .other }
        #expect(on(.zeroCopySend, host: other).report().firstError?.message == T.k9NotLinux)
        #expect(on(.zeroCopySend, .multifd, set: [.multifdCompression: zstd], host: other).report()
            .firstError?.message == T.k9NotLinux)
        #expect(on(.multifd, set: [.tlsCreds: tls0], host: other).report().isAccepted)
    }
}
