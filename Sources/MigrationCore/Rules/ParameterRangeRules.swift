/// The plain range checks of `migrate_params_check` (P1–P18, P22, P23 and later releases'
/// additions): one parameter, one bound or two, and QEMU's `Parameter '<c_name>' expects …`.
extension RuleBook {
    /// A check of one parameter's value alone.
    static func range(
        _ identity: RuleID, _ label: String, _ item: ItemID, message: String, explanation: String,
        versions: VersionRange = .all, checkedAtStartup: Bool = true,
        isOutOfRange: @escaping @Sendable (UInt64) -> Bool
    ) -> Rule {
        Rule(
            identity, .parameters, label, subjects: [.item(item)], trigger: nil, message: message,
            explanation: explanation, versions: versions, checkedAtStartup: checkedAtStartup
        ) { configuration, _ in isOutOfRange(configuration.number(item)) }
    }

    static let vcpuDirtyLimitExplanation =
        "A limit of 0 MB/s would freeze any vCPU that writes memory. (Until 9.0 the garbled "
        + "message is QEMU's own; 9.1 rewrote it.)"

    static let parameterRanges: [Rule] = [
        range(
            .compressLevelRange, "P1", .compressLevel,
            message: "Parameter 'compress_level' expects a value between 0 and 9",
            explanation: "zlib only knows levels 0 (store) to 9 (best compression); the uint8 "
                + "property would accept up to 255, so QEMU narrows it here."
        ) { $0 > 9 },
        range(
            .compressThreadsRange, "P2", .compressThreads,
            message: "Parameter 'compress_threads' expects a value between 1 and 255",
            explanation: "The old compression needs at least one thread to compress pages on the "
                + "source; zero threads would stall the migration."
        ) { $0 < 1 },
        range(
            .decompressThreadsRange, "P3", .decompressThreads,
            message: "Parameter 'decompress_threads' expects a value between 1 and 255",
            explanation: "The destination needs at least one thread to decompress what the "
                + "source's compression threads send."
        ) { $0 < 1 },
        range(
            .throttleTriggerThresholdRange, "P4", .throttleTriggerThreshold,
            message: "Parameter 'throttle_trigger_threshold' expects an integer in the range of 1 to 100",
            explanation: "Throttling starts when the bytes dirtied in a sync period exceed this "
                + "percentage of the bytes sent in it, twice in a row (ram.c "
                + "migration_trigger_throttle, for auto-converge and dirty-limit alike): 0 would "
                + "trigger on any dirtying. QEMU gives no reason for the cap at 100; migedit's "
                + "reading: above 100 would be a usable \"throttle later\" policy, QEMU just "
                + "does not offer it."
        ) { $0 < 1 || $0 > 100 },
        range(
            .cpuThrottleInitialRange, "P5", .cpuThrottleInitial,
            message: "Parameter 'cpu_throttle_initial' expects an integer in the range of 1 to 99",
            explanation: "A throttle is the share of time vCPUs are put to sleep: 0 does nothing and "
                + "100 would stop the guest entirely."
        ) { $0 < 1 || $0 > 99 },
        range(
            .cpuThrottleIncrementRange, "P6", .cpuThrottleIncrement,
            message: "Parameter 'cpu_throttle_increment' expects an integer in the range of 1 to 99",
            explanation: "Each step must raise the throttle by something, and never past the 99% "
                + "ceiling that keeps the guest alive."
        ) { $0 < 1 || $0 > 99 },
        range(
            .maxBandwidthRange, "P7", .maxBandwidth,
            message: "Parameter 'max_bandwidth' expects an integer in the range of 0 to (18446744073709551615UL) bytes/second",
            explanation: "The rate limiter keeps the cap in a size_t. On 64-bit hosts every value "
                + "fits, so this check only ever fires on 32-bit hosts."
        ) { $0 > UInt64(UInt.max) },
        range(
            .availSwitchoverBandwidthRange, "P8", .availSwitchoverBandwidth,
            message: "Parameter 'avail_switchover_bandwidth' expects an integer in the range of 0 to (18446744073709551615UL) bytes/second",
            explanation: "Like max-bandwidth it must fit a size_t; it can only fail on 32-bit hosts, "
                + "and QEMU does not even run this check at startup (its has_ flag is never set "
                + "there), only when the value is set over QMP or HMP.",
            checkedAtStartup: false
        ) { $0 > UInt64(UInt.max) },
        range(
            .downtimeLimitRange, "P9", .downtimeLimit,
            message: "Parameter 'downtime_limit' expects an integer in the range of 0 to (2000 * 1000) ms",
            explanation: "QEMU caps the allowed switchover pause at 2000 seconds; a larger limit is "
                + "almost certainly a unit mistake (the value is in milliseconds)."
        ) { $0 > 2_000_000 },
        range(
            .multifdChannelsRange, "P10", .multifdChannels,
            message: "Parameter 'multifd_channels' expects a value between 1 and 255",
            explanation: "multifd needs at least one channel to carry pages; the uint8 type caps it "
                + "at 255."
        ) { $0 < 1 },
        range(
            .multifdZlibLevelRange, "P11", .multifdZlibLevel,
            message: "Parameter 'multifd_zlib_level' expects a value between 0 and 9",
            explanation: "zlib accepts levels 0 to 9 only, even though the property is a uint8."
        ) { $0 > 9 },
        range(
            .multifdQatzipLevelRange, "P11a", .multifdQatzipLevel,
            message: "Parameter 'multifd_qatzip_level' expects a value between 1 and 9",
            explanation: "QAT's compression levels run from 1 to 9; unlike zlib there is no level 0 "
                + "that stores pages uncompressed."
        ) { $0 < 1 || $0 > 9 },
        range(
            .multifdZstdLevelRange, "P12", .multifdZstdLevel,
            message: "Parameter 'multifd_zstd_level' expects a value between 0 and 20",
            explanation: "zstd's levels go up to 22, and 20 and above are its --ultra levels, "
                + "which need much more memory. QEMU accepts 0 to 20, so the first ultra level, "
                + "and refuses 21 and 22; it gives no reason beyond its comment that 20 is the "
                + "\"best compress ratio\" (options.c). Level 0 asks zstd for its default level "
                + "(3), although QEMU's documentation calls it no compression."
        ) { $0 > 20 },
        Rule(
            .xbzrleCacheSizePowerOfTwo, .parameters, "P13",
            subjects: [.item(.xbzrleCacheSize), .host(.pageSize)], trigger: nil,
            message: "Parameter 'xbzrle_cache_size' expects a power of two no less than the target page size",
            explanation: "The xbzrle cache is a hash table of whole pages: its size must hold at "
                + "least one target page, and being a power of two lets QEMU index it with a mask."
        ) { configuration, host in
            let size = configuration.number(.xbzrleCacheSize)
            return size < host.pageSize || size & (size &- 1) != 0
        },
        Rule(
            .maxCpuThrottleRange, .parameters, "P14",
            subjects: [.item(.maxCpuThrottle), .item(.cpuThrottleInitial)], trigger: nil,
            message: "Parameter 'max_cpu_throttle' expects an integer in the range of cpu_throttle_initial to 99",
            explanation: "auto-converge starts at cpu-throttle-initial and climbs to "
                + "max-cpu-throttle, so the ceiling cannot sit below the starting point, and never "
                + "above 99% or the guest would stop.",
            narrow: { configuration, _ in
                configuration.number(.maxCpuThrottle) > 99
                    ? [.item(.maxCpuThrottle)] : [.item(.maxCpuThrottle), .item(.cpuThrottleInitial)]
            }
        ) { configuration, _ in
            let maximum = configuration.number(.maxCpuThrottle)
            return maximum < configuration.number(.cpuThrottleInitial) || maximum > 99
        },
        range(
            .announceInitialRange, "P15", .announceInitial,
            message: "Parameter 'announce_initial' expects a value between 0 and 100000",
            explanation: "Self-announcements exist to update switches quickly after the move; a "
                + "first delay of over 100 seconds defeats the purpose."
        ) { $0 > 100_000 },
        range(
            .announceMaxRange, "P16", .announceMax,
            message: "Parameter 'announce_max' expects a value between 0 and 100000",
            explanation: "The gap between announcements is capped at 100 seconds for the same "
                + "reason: late announcements leave the network pointing at the old host."
        ) { $0 > 100_000 },
        range(
            .announceRoundsRange, "P17", .announceRounds,
            message: "Parameter 'announce_rounds' expects a value between 0 and 1000",
            explanation: "A handful of rounds is enough for switches to learn the new location; "
                + "QEMU refuses more than 1000."
        ) { $0 > 1000 },
        range(
            .announceStepRange, "P18", .announceStep,
            message: "Parameter 'announce_step' expects a value between 0 and 10000",
            explanation: "The step must be positive so the delays grow, and at most 10 seconds. "
                + "QEMU's message says 0 but a step of 0 is refused too."
        ) { $0 < 1 || $0 > 10_000 },
        range(
            .xVcpuDirtyLimitPeriodRange, "P22", .xVcpuDirtyLimitPeriod,
            message: "Parameter 'x-vcpu-dirty-limit-period' expects a value between 1 and 1000",
            explanation: "dirty-limit samples each vCPU's dirty rate once per period: it must be "
                + "positive and at most one second to react in time. (QEMU names this one with "
                + "dashes, unlike the other range messages.)"
        ) { $0 < 1 || $0 > 1000 },
        range(
            .vcpuDirtyLimitRange, "P23", .vcpuDirtyLimit,
            message: "Parameter 'vcpu_dirty_limit' expects is invalid, it must greater then 1 MB/s",
            explanation: vcpuDirtyLimitExplanation, versions: .until(.v9_0)
        ) { $0 < 1 },
        range(
            .vcpuDirtyLimitRange, "P23", .vcpuDirtyLimit,
            message: "Parameter 'vcpu_dirty_limit' must be greater than 1 MB/s",
            explanation: vcpuDirtyLimitExplanation, versions: .since(.v9_1)
        ) { $0 < 1 },
        Rule(
            .directIoNeedsBuildSupport, .parameters, "P24",
            subjects: [.item(.directIo), .host(.os)], trigger: .directIo,
            message: "No build-time support for direct-io",
            explanation: "direct-io opens the migration file with O_DIRECT, and "
                + "qemu_has_direct_io() (util/osdep.c) is just whether the build's system defines "
                + "O_DIRECT: Linux and the BSDs do, macOS and Windows do not. migedit models it "
                + "with os=other, which is too strict for the BSDs. There is no -global property, "
                + "so QEMU only makes this check when direct-io is set over QMP or HMP."
        ) { configuration, host in configuration.isOn(.directIo) && host.os != .linux },
    ]
}
