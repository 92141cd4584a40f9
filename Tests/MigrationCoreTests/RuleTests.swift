// Independent oracle for QEMU 9.0's `migrate_params_check` (P1–P23) and `migrate_caps_check`
// (K1–K22, W1, W2). Every expected message below is copied from QEMU's migration/options.c
// (reference revision d0bad43c, /work/shared/reference/qemu-migration-options.c.txt), with
// QERR_INVALID_PARAMETER_VALUE = "Parameter '%s' expects %s" and stringify() resolved literally.
// Line numbers in comments refer to that file.
import Testing
@testable import MigrationCore

// MARK: - Scenario helpers

/// A configuration (capabilities switched on plus explicit values) on a host.
struct RuleScenario: Sendable, Hashable, CustomStringConvertible {
    var caps: [ItemID] = []
    var values: [ItemID: Value] = [:]
    var host = Host()

    var configuration: Configuration {
        var c = Configuration()
        for cap in caps { c[cap] = .bool(true) }
        for (id, value) in values { c[id] = value }
        return c
    }

    func report() -> Report { Checker.qemu90.check(configuration, on: host) }

    var description: String {
        var parts = caps.map { $0.item.name }
        parts += values.keys.sorted().map { id in
            let text: String
            switch values[id]! {
            case .bool(let b): text = b ? "on" : "off"
            case .number(let n): text = String(n)
            case .choice(let s), .text(let s): text = "'" + s + "'"
            case .bitmapMapping(let m): text = "[\(m.count) nodes]"
            case .stringList(let words): text = "\(words)"
            }
            return "\(id.item.name)=\(text)"
        }
        let facts = host.changedFacts.map { "host.\($0.rawValue)=\(host.value(of: $0))" }
        return (parts + facts).joined(separator: " ")
    }
}

/// Shorthand: capabilities on, parameter values, host tweaks.
func on(_ caps: ItemID..., set values: [ItemID: Value] = [:], host: Host = Host()) -> RuleScenario {
    RuleScenario(caps: caps, values: values, host: host)
}

func host(_ change: (inout Host) -> Void) -> Host {
    var h = Host()
    change(&h)
    return h
}

/// Shorthand for a parameter-only scenario.
func param(_ id: ItemID, _ n: UInt64, host: Host = Host()) -> RuleScenario {
    RuleScenario(values: [id: .number(n)], host: host)
}

/// One configuration that trips one QEMU check.
struct RuleTrip: Sendable, CustomTestStringConvertible {
    /// The check's label in the research sheet (P1, K8 multifd, …).
    let check: String
    let phase: Phase
    let severity: Severity
    /// QEMU's message (or, with `isPrefix`, its fixed prefix).
    let message: String
    let isPrefix: Bool
    /// The hint line QEMU prints after the error (error_append_hint), if any.
    let hint: String?
    let scenario: RuleScenario

    init(_ check: String, _ phase: Phase, _ message: String, _ scenario: RuleScenario,
         severity: Severity = .error, prefix: Bool = false, hint: String? = nil) {
        self.check = check
        self.phase = phase
        self.severity = severity
        self.message = message
        self.isPrefix = prefix
        self.hint = hint
        self.scenario = scenario
    }

    var testDescription: String { "\(check) ← \(scenario)" }

    func matches(_ d: Diagnostic) -> Bool {
        (isPrefix ? d.message.hasPrefix(message) : d.message == message)
            && d.severity == severity && d.rule.phase == phase
    }

    func matchesText(_ text: String?) -> Bool {
        guard let text else { return false }
        return isPrefix ? text.hasPrefix(message) : text == message
    }
}

/// One configuration just on the passing side of a check.
struct RulePass: Sendable, CustomTestStringConvertible {
    let check: String
    let scenario: RuleScenario
    /// Deprecation warnings QEMU still prints for this configuration (W1/W2).
    let warnings: [String]

    init(_ check: String, _ scenario: RuleScenario, warnings: [String] = []) {
        self.check = check
        self.scenario = scenario
        self.warnings = warnings
    }

    var testDescription: String { "\(check) passes ← \(scenario)" }
}

// MARK: - QEMU's texts

enum QemuText {
    // The QAPI enum visitor, before any check: a choice the build left out (V1)
    static func v1(_ choice: String) -> String { "Parameter 'multifd-compression' does not accept value '\(choice)'" }
    // migrate_params_check, options.c:1086–1274
    static let p1 = "Parameter 'compress_level' expects a value between 0 and 9"
    static let p2 = "Parameter 'compress_threads' expects a value between 1 and 255"
    static let p3 = "Parameter 'decompress_threads' expects a value between 1 and 255"
    static let p4 = "Parameter 'throttle_trigger_threshold' expects an integer in the range of 1 to 100"
    static let p5 = "Parameter 'cpu_throttle_initial' expects an integer in the range of 1 to 99"
    static let p6 = "Parameter 'cpu_throttle_increment' expects an integer in the range of 1 to 99"
    static let p7 =
        "Parameter 'max_bandwidth' expects an integer in the range of 0 to (18446744073709551615UL) bytes/second"
    static let p8 =
        "Parameter 'avail_switchover_bandwidth' expects an integer in the range of 0 to (18446744073709551615UL) bytes/second"
    static let p9 = "Parameter 'downtime_limit' expects an integer in the range of 0 to (2000 * 1000) ms"
    static let p10 = "Parameter 'multifd_channels' expects a value between 1 and 255"
    static let p11 = "Parameter 'multifd_zlib_level' expects a value between 0 and 9"
    static let p12 = "Parameter 'multifd_zstd_level' expects a value between 0 and 20"
    static let p13 = "Parameter 'xbzrle_cache_size' expects a power of two no less than the target page size"
    static let p14 = "Parameter 'max_cpu_throttle' expects an integer in the range of cpu_throttle_initial to 99"
    static let p15 = "Parameter 'announce_initial' expects a value between 0 and 100000"
    static let p16 = "Parameter 'announce_max' expects a value between 0 and 100000"
    static let p17 = "Parameter 'announce_rounds' expects a value between 0 and 1000"
    static let p18 = "Parameter 'announce_step' expects a value between 0 and 10000"
    static let p19 = "Invalid mapping given for block-bitmap-mapping: "
    static let p20 = "Zero copy only available for non-compressed non-TLS multifd migration"
    static let p21 = "Mapped-ram only available for non-compressed non-TLS multifd migration"
    static let p22 = "Parameter 'x-vcpu-dirty-limit-period' expects a value between 1 and 1000"
    static let p23 = "Parameter 'vcpu_dirty_limit' expects is invalid, it must greater then 1 MB/s"

    // migrate_caps_check, options.c:479–677
    static let k1 = "QEMU compiled without old-style (blk/-b, inc/-i) block migration"
    static let k1Hint = "Use blockdev-mirror with NBD instead."
    static let w1 = "block migration is deprecated; use blockdev-mirror with NBD instead"
    static let w2 = "old compression method is deprecated; use multifd compression methods instead"
    static let k2 = "QEMU compiled without replication module can't enable COLO"
    static let k2Hint = "Please enable replication before COLO."
    static let k3 = "Postcopy is not supported: "
    static let k4 = "Postcopy is not compatible with ignore-shared"
    static let k5 = "Postcopy is not yet compatible with multifd"
    static let k6 = "Background-snapshot is not supported by host kernel"
    static let k7 = "Background-snapshot is not compatible with guest memory configuration"
    static func k8(_ cap: String) -> String { "Background-snapshot is not compatible with " + cap }
    static let k9 = "Zero copy only available for non-compressed non-TLS multifd migration"
    static let k9NotLinux = "Zero copy currently only available on Linux"
    static let k10 = "Postcopy preempt requires postcopy-ram"
    static let k11 = "Postcopy preempt not compatible with compress"
    static let k12 = "Postcopy preempt must be set before incoming starts"
    static let k13 = "Multifd is not compatible with compress"
    static let k14 = "Multifd must be set before incoming starts"
    static let k15 = "Capability 'switchover-ack' requires capability 'return-path'"
    static let k16 = "dirty-limit conflicts with auto-converge either of then available currently"
    static let k17 = "dirty-limit requires KVM with accelerator property 'dirty-ring-size' set"
    static let k18 = "Multifd is not compatible with xbzrle"
    static let k19 = "Compression is not compatible with xbzrle"
    static let k20 = "Mapped-ram migration is incompatible with xbzrle"
    static let k21 = "Mapped-ram migration is incompatible with compression"
    static let k22 = "Mapped-ram migration is incompatible with postcopy"

    /// check_caps_background_snapshot, options.c:447–463, in list order (QAPI names).
    static let backgroundSnapshotList: [(ItemID, String)] = [
        (.postcopyRam, "postcopy-ram"), (.dirtyBitmaps, "dirty-bitmaps"),
        (.postcopyBlocktime, "postcopy-blocktime"), (.lateBlockActivate, "late-block-activate"),
        (.returnPath, "return-path"), (.multifd, "multifd"),
        (.pauseBeforeSwitchover, "pause-before-switchover"), (.autoConverge, "auto-converge"),
        (.releaseRam, "release-ram"), (.rdmaPinAll, "rdma-pin-all"), (.compress, "compress"),
        (.xbzrle, "xbzrle"), (.xColo, "x-colo"), (.validateUuid, "validate-uuid"),
        (.zeroCopySend, "zero-copy-send"),
    ]
}

let tls0: Value = .text("tls0")
let zlib: Value = .choice("zlib")
let zstd: Value = .choice("zstd")

/// A mapping that check_dirty_bitmap_mig_alias_map rejects (alias must start with a letter).
let badMapping: Value = .bitmapMapping([
    BitmapNodeAlias(nodeName: "node0", alias: "0node", bitmaps: []),
])
let goodMapping: Value = .bitmapMapping([
    BitmapNodeAlias(nodeName: "node0", alias: "node0-alias",
                    bitmaps: [BitmapAlias(name: "bitmap0", alias: "bitmap0-alias")]),
])

// MARK: - The tables

enum RuleCases {
    typealias T = QemuText

    // MARK: migrate_params_check

    static let parameterTrips: [RuleTrip] = [
        // V1: MultiFDCompression's members under CONFIG_ZSTD (and, from 9.1, QPL/UADK/QATZIP)
        RuleTrip("V1", .values, T.v1("zstd"), on(set: [.multifdCompression: zstd], host: host { $0.compressionMethods = [] })),
        // P1 options.c:1088
        RuleTrip("P1", .parameters, T.p1, param(.compressLevel, 10)),
        RuleTrip("P1", .parameters, T.p1, param(.compressLevel, 255)),
        // P2 :1095
        RuleTrip("P2", .parameters, T.p2, param(.compressThreads, 0)),
        // P3 :1102
        RuleTrip("P3", .parameters, T.p3, param(.decompressThreads, 0)),
        // P4 :1109
        RuleTrip("P4", .parameters, T.p4, param(.throttleTriggerThreshold, 0)),
        RuleTrip("P4", .parameters, T.p4, param(.throttleTriggerThreshold, 101)),
        RuleTrip("P4", .parameters, T.p4, param(.throttleTriggerThreshold, 255)),
        // P5 :1118 (100 also breaks P14, which comes later)
        RuleTrip("P5", .parameters, T.p5, param(.cpuThrottleInitial, 0)),
        RuleTrip("P5", .parameters, T.p5, param(.cpuThrottleInitial, 100)),
        // P6 :1127
        RuleTrip("P6", .parameters, T.p6, param(.cpuThrottleIncrement, 0)),
        RuleTrip("P6", .parameters, T.p6, param(.cpuThrottleIncrement, 100)),
        // P7/P8 (:1136, :1144) cannot be violated with 64-bit values: see untrippable below.
        // P9 :1153
        RuleTrip("P9", .parameters, T.p9, param(.downtimeLimit, 2_000_001)),
        RuleTrip("P9", .parameters, T.p9, param(.downtimeLimit, UInt64.max)),
        // P10 :1164
        RuleTrip("P10", .parameters, T.p10, param(.multifdChannels, 0)),
        // P11 :1171
        RuleTrip("P11", .parameters, T.p11, param(.multifdZlibLevel, 10)),
        // P12 :1178
        RuleTrip("P12", .parameters, T.p12, param(.multifdZstdLevel, 21)),
        // P13 :1185 (page size 4096 by default)
        RuleTrip("P13", .parameters, T.p13, param(.xbzrleCacheSize, 0)),
        RuleTrip("P13", .parameters, T.p13, param(.xbzrleCacheSize, 2048)),
        RuleTrip("P13", .parameters, T.p13, param(.xbzrleCacheSize, 4095)),
        RuleTrip("P13", .parameters, T.p13, param(.xbzrleCacheSize, 4097)),
        RuleTrip("P13", .parameters, T.p13, param(.xbzrleCacheSize, 3 * 4096)),
        RuleTrip("P13", .parameters, T.p13, param(.xbzrleCacheSize, (64 << 20) + 4096)),
        RuleTrip("P13", .parameters, T.p13, param(.xbzrleCacheSize, UInt64.max)),
        // P14 :1194
        RuleTrip("P14", .parameters, T.p14, param(.maxCpuThrottle, 100)),
        RuleTrip("P14", .parameters, T.p14, param(.maxCpuThrottle, 19)),  // initial defaults to 20
        RuleTrip("P14", .parameters, T.p14, param(.maxCpuThrottle, 0)),
        RuleTrip("P14", .parameters, T.p14,
                 on(set: [.cpuThrottleInitial: .number(50), .maxCpuThrottle: .number(49)])),
        // P15–P18 :1203–1231
        RuleTrip("P15", .parameters, T.p15, param(.announceInitial, 100_001)),
        RuleTrip("P16", .parameters, T.p16, param(.announceMax, 100_001)),
        RuleTrip("P17", .parameters, T.p17, param(.announceRounds, 1001)),
        RuleTrip("P18", .parameters, T.p18, param(.announceStep, 0)),
        RuleTrip("P18", .parameters, T.p18, param(.announceStep, 10_001)),
        // P19 :1233 (detail checked in BitmapMappingTests)
        RuleTrip("P19", .parameters, T.p19, on(set: [.blockBitmapMapping: badMapping]), prefix: true),
        // P20 :1239 (CONFIG_LINUX) — reads the zero-copy-send capability, not multifd
        RuleTrip("P20", .parameters, T.p20, on(.zeroCopySend, .multifd, set: [.multifdCompression: zlib])),
        RuleTrip("P20", .parameters, T.p20, on(.zeroCopySend, .multifd, set: [.multifdCompression: zstd])),
        RuleTrip("P20", .parameters, T.p20, on(.zeroCopySend, .multifd, set: [.tlsCreds: tls0])),
        RuleTrip("P20", .parameters, T.p20, on(.zeroCopySend, set: [.tlsCreds: tls0])),
        // P21 :1249
        RuleTrip("P21", .parameters, T.p21, on(.mappedRam, set: [.multifdCompression: zlib])),
        RuleTrip("P21", .parameters, T.p21, on(.mappedRam, set: [.multifdCompression: zstd])),
        RuleTrip("P21", .parameters, T.p21, on(.mappedRam, set: [.tlsCreds: tls0])),
        RuleTrip("P21", .parameters, T.p21, on(.mappedRam, .multifd, set: [.tlsCreds: tls0])),
        RuleTrip("P21", .parameters, T.p21, on(.mappedRam, set: [.tlsCreds: .text(" ")])),  // *tls_creds != 0
        // P22 :1256
        RuleTrip("P22", .parameters, T.p22, param(.xVcpuDirtyLimitPeriod, 0)),
        RuleTrip("P22", .parameters, T.p22, param(.xVcpuDirtyLimitPeriod, 1001)),
        // P23 :1265
        RuleTrip("P23", .parameters, T.p23, param(.vcpuDirtyLimit, 0)),
    ]

    static let parameterPasses: [RulePass] = [
        RulePass("V1", on(set: [.multifdCompression: zstd])),
        RulePass("V1", on(set: [.multifdCompression: zlib], host: host { $0.compressionMethods = [] })),
        RulePass("P1", param(.compressLevel, 9)),
        RulePass("P1", param(.compressLevel, 0)),
        RulePass("P2", param(.compressThreads, 1)),
        RulePass("P2", param(.compressThreads, 255)),
        RulePass("P3", param(.decompressThreads, 1)),
        RulePass("P3", param(.decompressThreads, 255)),
        RulePass("P4", param(.throttleTriggerThreshold, 1)),
        RulePass("P4", param(.throttleTriggerThreshold, 100)),
        RulePass("P5", param(.cpuThrottleInitial, 1)),
        RulePass("P5", param(.cpuThrottleInitial, 99)),
        RulePass("P6", param(.cpuThrottleIncrement, 1)),
        RulePass("P6", param(.cpuThrottleIncrement, 99)),
        // P7/P8: SIZE_MAX is UINT64_MAX on a 64-bit host, so no uint64 value exceeds it.
        RulePass("P7", param(.maxBandwidth, UInt64.max)),
        RulePass("P7", param(.maxBandwidth, 0)),
        RulePass("P8", param(.availSwitchoverBandwidth, UInt64.max)),
        RulePass("P9", param(.downtimeLimit, 2_000_000)),
        RulePass("P9", param(.downtimeLimit, 0)),
        RulePass("P10", param(.multifdChannels, 1)),
        RulePass("P10", param(.multifdChannels, 255)),
        RulePass("P11", param(.multifdZlibLevel, 9)),
        RulePass("P11", param(.multifdZlibLevel, 0)),
        RulePass("P12", param(.multifdZstdLevel, 20)),
        RulePass("P12", param(.multifdZstdLevel, 0)),
        RulePass("P13", param(.xbzrleCacheSize, 4096)),
        RulePass("P13", param(.xbzrleCacheSize, 8192)),
        RulePass("P13", param(.xbzrleCacheSize, 1 << 63)),
        RulePass("P14", param(.maxCpuThrottle, 20)),  // == cpu_throttle_initial default
        RulePass("P14", param(.maxCpuThrottle, 99)),
        RulePass("P14", on(set: [.cpuThrottleInitial: .number(50), .maxCpuThrottle: .number(50)])),
        RulePass("P14", on(set: [.cpuThrottleInitial: .number(99), .maxCpuThrottle: .number(99)])),
        RulePass("P14", on(set: [.cpuThrottleInitial: .number(1), .maxCpuThrottle: .number(1)])),
        RulePass("P15", param(.announceInitial, 100_000)),
        RulePass("P15", param(.announceInitial, 0)),
        RulePass("P16", param(.announceMax, 100_000)),
        RulePass("P16", param(.announceMax, 0)),
        RulePass("P17", param(.announceRounds, 1000)),
        RulePass("P17", param(.announceRounds, 0)),
        RulePass("P18", param(.announceStep, 1)),
        RulePass("P18", param(.announceStep, 10_000)),
        RulePass("P19", on(set: [.blockBitmapMapping: goodMapping])),
        RulePass("P19", on(set: [.blockBitmapMapping: .bitmapMapping([])])),
        RulePass("P20", on(.zeroCopySend, .multifd)),
        RulePass("P20", on(.zeroCopySend, .multifd, set: [.multifdCompression: .choice("none"), .tlsCreds: .text("")])),
        RulePass("P20", on(.zeroCopySend, .multifd,
                           set: [.tlsHostname: .text("dst.example"), .tlsAuthz: .text("authz0")])),
        RulePass("P20", on(.multifd, set: [.multifdCompression: zlib, .tlsCreds: tls0])),
        RulePass("P21", on(.mappedRam)),
        RulePass("P21", on(.mappedRam, .multifd)),
        RulePass("P21", on(.mappedRam, set: [.tlsHostname: .text("dst.example")])),
        RulePass("P21", on(set: [.multifdCompression: zstd, .tlsCreds: tls0])),
        RulePass("P22", param(.xVcpuDirtyLimitPeriod, 1)),
        RulePass("P22", param(.xVcpuDirtyLimitPeriod, 1000)),
        RulePass("P23", param(.vcpuDirtyLimit, 1)),
        RulePass("P23", param(.vcpuDirtyLimit, UInt64.max)),
    ]

    // MARK: migrate_caps_check

    static let dirtyRingHost = host { $0.dirtyRing = true }
    static let startedHost = host { $0.incoming = .started }

    static let capabilityTrips: [RuleTrip] = [
        // K1 :484 (#ifndef CONFIG_LIVE_BLOCK_MIGRATION) — returns before W1
        RuleTrip("K1", .capabilities, T.k1, on(.block, host: host { $0.liveBlockMigration = false }),
                 hint: T.k1Hint),
        // W1 :492, W2 :497
        RuleTrip("W1", .capabilities, T.w1, on(.block), severity: .warning),
        RuleTrip("W2", .capabilities, T.w2, on(.compress), severity: .warning),
        // K2 :502 (#ifndef CONFIG_REPLICATION)
        RuleTrip("K2", .capabilities, T.k2, on(.xColo, host: host { $0.replication = false }),
                 hint: T.k2Hint),
        // K3 :516 — only when INMIGRATE
        RuleTrip("K3", .capabilities, T.k3,
                 on(.postcopyRam, host: host { $0.incoming = .pending; $0.postcopySupport = false }),
                 prefix: true),
        RuleTrip("K3", .capabilities, T.k3,
                 on(.postcopyRam, host: host { $0.incoming = .started; $0.postcopySupport = false }),
                 prefix: true),
        // K4 :523, K5 :528
        RuleTrip("K4", .capabilities, T.k4, on(.postcopyRam, .xIgnoreShared)),
        RuleTrip("K5", .capabilities, T.k5, on(.postcopyRam, .multifd)),
        // K6 :542, K7 :546
        RuleTrip("K6", .capabilities, T.k6, on(.backgroundSnapshot, host: host { $0.writeTracking = .absent })),
        RuleTrip("K7", .capabilities, T.k7,
                 on(.backgroundSnapshot, host: host { $0.writeTracking = .available })),
        // K8: see backgroundSnapshotTrips. K9 :567: see zeroCopyTrips.
        // K10 :587, K11 :598, K12 :603
        RuleTrip("K10", .capabilities, T.k10, on(.postcopyPreempt)),
        RuleTrip("K11", .capabilities, T.k11, on(.postcopyPreempt, .postcopyRam, .compress)),
        RuleTrip("K12", .capabilities, T.k12, on(.postcopyPreempt, .postcopyRam, host: startedHost)),
        // K13 :611, K14 :615
        RuleTrip("K13", .capabilities, T.k13, on(.multifd, .compress)),
        RuleTrip("K14", .capabilities, T.k14, on(.multifd, host: startedHost)),
        // K15 :621
        RuleTrip("K15", .capabilities, T.k15, on(.switchoverAck)),
        // K16 :629, K17 :635
        RuleTrip("K16", .capabilities, T.k16, on(.dirtyLimit, .autoConverge, host: dirtyRingHost)),
        RuleTrip("K16", .capabilities, T.k16, on(.dirtyLimit, .autoConverge)),
        RuleTrip("K17", .capabilities, T.k17, on(.dirtyLimit)),
        RuleTrip("K17", .capabilities, T.k17, on(.dirtyLimit, host: host { $0.kvm = false; $0.dirtyRing = true })),
        RuleTrip("K17", .capabilities, T.k17, on(.dirtyLimit, host: host { $0.kvm = false })),
        // K18 :643, K19 :650
        RuleTrip("K18", .capabilities, T.k18, on(.multifd, .xbzrle)),
        RuleTrip("K19", .capabilities, T.k19, on(.compress, .xbzrle)),
        // K20 :657, K21 :663, K22 :669
        RuleTrip("K20", .capabilities, T.k20, on(.mappedRam, .xbzrle)),
        RuleTrip("K21", .capabilities, T.k21, on(.mappedRam, .compress)),
        RuleTrip("K22", .capabilities, T.k22, on(.mappedRam, .postcopyRam)),
    ]

    static let capabilityPasses: [RulePass] = [
        RulePass("K1/W1", on()),
        RulePass("K1", on(.block), warnings: [T.w1]),  // built with live block migration
        RulePass("W2", on(.multifd)),
        RulePass("K2", on(.xColo)),
        RulePass("K1/K2", on(host: host { $0.replication = false; $0.liveBlockMigration = false })),
        RulePass("K3", on(.postcopyRam, host: host { $0.postcopySupport = false })),  // not -incoming
        RulePass("K3", on(.postcopyRam, host: host { $0.incoming = .pending })),
        RulePass("K4", on(.xIgnoreShared)),
        RulePass("K4", on(.postcopyRam)),
        RulePass("K5", on(.multifd)),
        RulePass("K6/K7", on(.backgroundSnapshot)),
        RulePass("K8", on(.backgroundSnapshot, .events, .zeroBlocks, .xIgnoreShared, .mappedRam)),
        RulePass("K8", on(.backgroundSnapshot, .dirtyLimit, host: dirtyRingHost)),
        RulePass("K10", on(.postcopyPreempt, .postcopyRam)),
        RulePass("K11", on(.postcopyRam, .compress), warnings: [T.w2]),
        RulePass("K12", on(.postcopyPreempt, .postcopyRam, host: host { $0.incoming = .pending })),
        RulePass("K13", on(.compress), warnings: [T.w2]),
        RulePass("K14", on(.multifd, host: host { $0.incoming = .pending })),
        RulePass("K15", on(.switchoverAck, .returnPath)),
        RulePass("K16/K17", on(.dirtyLimit, host: dirtyRingHost)),
        RulePass("K16", on(.autoConverge)),
        RulePass("K18", on(.xbzrle)),
        RulePass("K19", on(.xbzrle, .autoConverge)),
        RulePass("K20-K22", on(.mappedRam)),
        RulePass("K20-K22", on(.mappedRam, .multifd)),
        RulePass("K22", on(.postcopyRam, .xbzrle)),
    ]

    /// K8 (:556–564), once per capability of check_caps_background_snapshot.
    static let backgroundSnapshotTrips: [RuleTrip] = T.backgroundSnapshotList.map { id, name in
        RuleTrip("K8 \(name)", .capabilities, T.k8(name), on(.backgroundSnapshot, id))
    }

    /// K8's passing side: the same capability without background-snapshot.
    static let backgroundSnapshotPasses: [RulePass] = T.backgroundSnapshotList.map { id, name in
        switch id {
        case .compress: return RulePass("K8 \(name)", on(id), warnings: [T.w2])
        case .zeroCopySend: return RulePass("K8 \(name)", on(id, .multifd))  // K9 needs multifd
        default: return RulePass("K8 \(name)", on(id))
        }
    }

    /// K9 (:567–577), once per condition; K9′ (:579) off Linux.
    static let zeroCopyTrips: [RuleTrip] = [
        RuleTrip("K9 !multifd", .capabilities, T.k9, on(.zeroCopySend)),
        RuleTrip("K9 compress", .capabilities, T.k9, on(.zeroCopySend, .multifd, .compress)),
        RuleTrip("K9 xbzrle", .capabilities, T.k9, on(.zeroCopySend, .multifd, .xbzrle)),
        RuleTrip("K9 multifd-compression=zlib", .capabilities, T.k9,
                 on(.zeroCopySend, .multifd, set: [.multifdCompression: zlib])),
        RuleTrip("K9 multifd-compression=zstd", .capabilities, T.k9,
                 on(.zeroCopySend, .multifd, set: [.multifdCompression: zstd])),
        RuleTrip("K9 tls", .capabilities, T.k9, on(.zeroCopySend, .multifd, set: [.tlsCreds: tls0])),
        RuleTrip("K9 tls=' '", .capabilities, T.k9, on(.zeroCopySend, .multifd, set: [.tlsCreds: .text(" ")])),
        RuleTrip("K9' not Linux", .capabilities, T.k9NotLinux,
                 on(.zeroCopySend, .multifd, host: host { $0.os = .other })),
        RuleTrip("K9' not Linux, TLS (P20 not compiled)", .capabilities, T.k9NotLinux,
                 on(.zeroCopySend, .multifd, set: [.tlsCreds: tls0], host: host { $0.os = .other })),
    ]

    static let zeroCopyPasses: [RulePass] = [
        RulePass("K9", on(.zeroCopySend, .multifd)),
        RulePass("K9", on(.zeroCopySend, .multifd, set: [.tlsCreds: .text("")])),
        RulePass("K9", on(.zeroCopySend, .multifd, set: [.tlsHostname: .text("h"), .tlsAuthz: .text("a")])),
        RulePass("K9", on(.zeroCopySend, .multifd, .autoConverge, .returnPath, .events)),
        RulePass("K9'", on(.multifd, host: host { $0.os = .other })),
    ]

    static var allTrips: [RuleTrip] {
        parameterTrips + capabilityTrips + backgroundSnapshotTrips + zeroCopyTrips
            + BitmapMappingTests.mappingTrips
    }

    /// Checks whose condition no 64-bit value can meet: options.c:1136 and :1144 compare a
    /// uint64_t with SIZE_MAX (= UINT64_MAX on x86_64).
    static let untrippable: [(check: String, message: String)] = [("P7", T.p7), ("P8", T.p8)]
}

// MARK: - Verification

func expectTrip(_ trip: RuleTrip, sourceLocation: SourceLocation = #_sourceLocation) {
    let report = trip.scenario.report()
    let matching = report.diagnostics.filter(trip.matches)
    #expect(!matching.isEmpty,
            "no \(trip.severity) diagnostic '\(trip.message)' (\(trip.phase)); got \(report.diagnostics.map(\.message))",
            sourceLocation: sourceLocation)
    switch trip.severity {
    case .error:
        #expect(!report.isAccepted, sourceLocation: sourceLocation)
        #expect(report.firstError?.severity == .error, sourceLocation: sourceLocation)
        #expect(trip.matchesText(report.firstError?.message),
                "firstError is '\(report.firstError?.message ?? "nil")', QEMU prints '\(trip.message)'",
                sourceLocation: sourceLocation)
        // Startup output: any warnings, then the error, then the hint line(s).
        let tailCount = trip.hint == nil ? 1 : 2
        let lines = report.startupLines
        #expect(lines.count >= tailCount, "\(lines)", sourceLocation: sourceLocation)
        if lines.count >= tailCount {
            #expect(trip.matchesText(lines[lines.count - tailCount]), "\(lines)", sourceLocation: sourceLocation)
            if let hint = trip.hint {
                #expect(lines.last == hint, "\(lines)", sourceLocation: sourceLocation)
            }
            #expect(lines.dropLast(tailCount).allSatisfy { $0.hasPrefix("warning: ") }, "\(lines)",
                    sourceLocation: sourceLocation)
        }
        if let hint = trip.hint {
            #expect(report.firstError?.hint == hint || report.firstError?.hint == hint + "\n",
                    sourceLocation: sourceLocation)
        } else {
            #expect(report.firstError?.hint == nil, sourceLocation: sourceLocation)
        }
    case .warning:
        #expect(report.isAccepted, sourceLocation: sourceLocation)
        #expect(report.firstError == nil, sourceLocation: sourceLocation)
        #expect(report.startupLines == ["warning: " + trip.message], sourceLocation: sourceLocation)
    }
}

func expectPass(_ pass: RulePass, sourceLocation: SourceLocation = #_sourceLocation) {
    let report = pass.scenario.report()
    #expect(report.isAccepted, "rejected: \(report.firstError?.message ?? "")", sourceLocation: sourceLocation)
    #expect(report.errors.isEmpty, "\(report.errors.map(\.message))", sourceLocation: sourceLocation)
    #expect(report.warnings.map(\.message) == pass.warnings, sourceLocation: sourceLocation)
    #expect(report.startupLines == pass.warnings.map { "warning: " + $0 }, sourceLocation: sourceLocation)
}

// MARK: - Tests

@Suite("QEMU 9.0 checks, one by one")
struct RuleTests {
    @Test("migrate_params_check: tripped", arguments: RuleCases.parameterTrips)
    func parameterTrip(_ trip: RuleTrip) { expectTrip(trip) }

    @Test("migrate_params_check: boundary passes", arguments: RuleCases.parameterPasses)
    func parameterPass(_ pass: RulePass) { expectPass(pass) }

    @Test("migrate_caps_check: tripped", arguments: RuleCases.capabilityTrips)
    func capabilityTrip(_ trip: RuleTrip) { expectTrip(trip) }

    @Test("migrate_caps_check: passing side", arguments: RuleCases.capabilityPasses)
    func capabilityPass(_ pass: RulePass) { expectPass(pass) }

    @Test("K8: background-snapshot vs each listed capability", arguments: RuleCases.backgroundSnapshotTrips)
    func backgroundSnapshotTrip(_ trip: RuleTrip) { expectTrip(trip) }

    @Test("K8: each listed capability without background-snapshot", arguments: RuleCases.backgroundSnapshotPasses)
    func backgroundSnapshotPass(_ pass: RulePass) { expectPass(pass) }

    @Test("K9: zero-copy-send, each condition", arguments: RuleCases.zeroCopyTrips)
    func zeroCopyTrip(_ trip: RuleTrip) { expectTrip(trip) }

    @Test("K9: zero-copy-send passing side", arguments: RuleCases.zeroCopyPasses)
    func zeroCopyPass(_ pass: RulePass) { expectPass(pass) }

    @Test("P20 and K9 are Linux-only: off Linux neither is reported")
    func zeroCopyLinuxOnlyRules() {
        let report = on(.zeroCopySend, .multifd, set: [.multifdCompression: zlib, .tlsCreds: tls0],
                        host: host { $0.os = .other }).report()
        #expect(!report.diagnostics.contains { $0.message == QemuText.p20 })
        #expect(report.diagnostics.map(\.message) == [QemuText.k9NotLinux])
    }

    @Test("P7/P8: no 64-bit value exceeds SIZE_MAX, but the rules carry QEMU's text")
    func untrippableRulesCarryQemuText() {
        for (check, message) in RuleCases.untrippable {
            let rules = RuleBook.qemu90.filter { $0.message == message }
            #expect(rules.count == 1, "\(check): expected one rule with message '\(message)'")
            #expect(rules.allSatisfy { $0.phase == .parameters && $0.severity == .error })
        }
    }

    @Test("Every rule's message is one of QEMU's texts, and every rule explains itself")
    func ruleBookTexts() {
        let T = QemuText.self
        var texts: Set<String> = [
            T.p1, T.p2, T.p3, T.p4, T.p5, T.p6, T.p7, T.p8, T.p9, T.p10, T.p11, T.p12, T.p13, T.p14, T.p15,
            T.p16, T.p17, T.p18, T.p19, T.p20, T.p21, T.p22, T.p23,
            T.k1, T.w1, T.w2, T.k2, T.k3, T.k4, T.k5, T.k6, T.k7, T.k9, T.k9NotLinux, T.k10, T.k11, T.k12,
            T.k13, T.k14, T.k15, T.k16, T.k17, T.k18, T.k19, T.k20, T.k21, T.k22,
        ]
        for (_, name) in T.backgroundSnapshotList { texts.insert(T.k8(name)) }
        texts.insert(String(T.v1("").dropLast()))
        for rule in RuleBook.qemu90 {
            #expect(texts.contains(rule.message), "\(rule.id): '\(rule.message)' is not QEMU 9.0 text")
            #expect(!rule.explanation.isEmpty, "\(rule.id)")
            #expect(!rule.subjects.isEmpty, "\(rule.id)")
        }
        // V1 while parsing, 23 params checks, then K1, W1, W2, K2–K7, 15 × K8, K9, K9′, K10–K22.
        #expect(RuleBook.qemu90.count == 1 + 23 + 9 + 15 + 2 + 13)
        #expect(RuleBook.qemu90.first?.phase == .values)
        #expect(RuleBook.qemu90.dropFirst().prefix(23).allSatisfy { $0.phase == .parameters })
        #expect(RuleBook.qemu90.dropFirst(24).allSatisfy { $0.phase == .capabilities })
        #expect(RuleBook.qemu90.filter { $0.severity == .warning }.map(\.message) == [T.w1, T.w2])
    }

    @Test("Parameters QEMU 9.0 does not check accept any value")
    func uncheckedParameters() {
        let scenarios: [RuleScenario] = [
            on(set: [.compressWaitThread: .bool(false)]),
            on(set: [.cpuThrottleTailslow: .bool(true)]),
            on(set: [.xCheckpointDelay: .number(0)]),
            on(set: [.xCheckpointDelay: .number(UInt64(UInt32.max))]),
            on(set: [.blockIncremental: .bool(true)]),
            on(set: [.maxPostcopyBandwidth: .number(UInt64.max)]),
            on(set: [.multifdCompression: zlib]),
            on(set: [.multifdCompression: zstd]),
            on(set: [.mode: .choice("cpr-reboot")]),
            on(set: [.zeroPageDetection: .choice("none")]),
            on(set: [.zeroPageDetection: .choice("legacy")]),
            on(set: [.zeroPageDetection: .choice("multifd")]),
            on(set: [.tlsCreds: tls0]),
            on(set: [.tlsHostname: .text("dst.example")]),
            on(set: [.tlsAuthz: .text("authz0")]),
        ]
        for scenario in scenarios {
            let report = scenario.report()
            #expect(report.diagnostics.isEmpty, "\(scenario): \(report.diagnostics.map(\.message))")
            #expect(report.startupLines.isEmpty, "\(scenario)")
        }
    }

    @Test("Defaults are accepted with no output")
    func defaults() {
        let report = Checker.qemu90.check(Configuration(), on: Host())
        #expect(report.diagnostics.isEmpty)
        #expect(report.isAccepted)
        #expect(report.startupLines.isEmpty)
    }

    @Test("Values set by -global property name and QAPI name reach the same checks")
    func setByName() throws {
        var c = Configuration()
        try c.set("x-compress-level", to: "10")
        #expect(Checker.qemu90.check(c).firstError?.message == QemuText.p1)

        c = Configuration()
        try c.set("x-postcopy-ram", to: "on")
        try c.set("multifd", to: "on")
        #expect(Checker.qemu90.check(c).firstError?.message == QemuText.k5)

        c = Configuration()
        try c.set("xbzrle-cache-size", to: "2k")
        #expect(Checker.qemu90.check(c).firstError?.message == QemuText.p13)
        try c.set("xbzrle-cache-size", to: "4k")
        #expect(Checker.qemu90.check(c).isAccepted)

        c = Configuration()
        try c.set("x-vcpu-dirty-limit-period", to: "0")
        #expect(Checker.qemu90.check(c).firstError?.message == QemuText.p22)
    }

    @Test("Every rule in RuleBook.qemu90 is tripped by a row of these 9.0 tables (every release: ReleaseRuleTests)")
    func everyRuleIsCovered() {
        var covered = Set<String>()
        for trip in RuleCases.allTrips {
            for d in trip.scenario.report().diagnostics where trip.matches(d) {
                covered.insert(d.ruleID)
            }
        }
        for (_, message) in RuleCases.untrippable {
            for rule in RuleBook.qemu90 where rule.message == message { covered.insert(rule.id) }
        }
        let ids = RuleBook.qemu90.map(\.id)
        #expect(Set(ids).count == ids.count, "duplicate rule ids")
        let missing = ids.filter { !covered.contains($0) }
        #expect(missing.isEmpty, "rules with no test row: \(missing)")
        let unknown = covered.subtracting(ids)
        #expect(unknown.isEmpty)
    }
}
