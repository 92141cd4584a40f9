/// The plain range checks of `migrate_params_check` (P1–P18, P22, P23): one parameter, one
/// bound or two, and QEMU's `Parameter '<c_name>' expects …` message.
extension RuleBook {
    static func range(
        _ item: ItemID, expects: String, name: String? = nil, explanation: String,
        versions: VersionRange = .all, isOutOfRange: @escaping @Sendable (UInt64) -> Bool
    ) -> Rule {
        Rule(
            "\(item.item.name)-range", .parameters, subjects: [.item(item)],
            message: invalidParameterValue(name ?? item.item.cName, expects),
            explanation: explanation, versions: versions
        ) { configuration, _ in isOutOfRange(configuration.number(item)) }
    }

    static let compressLevelRange = range(
        .compressLevel, expects: "a value between 0 and 9",
        explanation: "zlib only knows levels 0 (store) to 9 (best compression); the uint8 "
            + "property would accept up to 255, so QEMU narrows it here."
    ) { $0 > 9 }

    static let compressThreadsRange = range(
        .compressThreads, expects: "a value between 1 and 255",
        explanation: "The old compression needs at least one thread to compress pages on the "
            + "source; zero threads would stall the migration."
    ) { $0 < 1 }

    static let decompressThreadsRange = range(
        .decompressThreads, expects: "a value between 1 and 255",
        explanation: "The destination needs at least one thread to decompress what the "
            + "source's compression threads send."
    ) { $0 < 1 }

    static let throttleTriggerThresholdRange = range(
        .throttleTriggerThreshold, expects: "an integer in the range of 1 to 100",
        explanation: "The threshold is a percentage of the bytes sent per sync period: 0 would "
            + "throttle always and anything over 100 is meaningless."
    ) { $0 < 1 || $0 > 100 }

    static let cpuThrottleInitialRange = range(
        .cpuThrottleInitial, expects: "an integer in the range of 1 to 99",
        explanation: "A throttle is the share of time vCPUs are put to sleep: 0 does nothing and "
            + "100 would stop the guest entirely."
    ) { $0 < 1 || $0 > 99 }

    static let cpuThrottleIncrementRange = range(
        .cpuThrottleIncrement, expects: "an integer in the range of 1 to 99",
        explanation: "Each step must raise the throttle by something, and never past the 99% "
            + "ceiling that keeps the guest alive."
    ) { $0 < 1 || $0 > 99 }

    static let maxBandwidthRange = range(
        .maxBandwidth, expects: "an integer in the range of 0 to (18446744073709551615UL) "
            + "bytes/second",
        explanation: "The rate limiter keeps the cap in a size_t. On 64-bit hosts every value "
            + "fits, so this check only ever fires on 32-bit hosts."
    ) { $0 > UInt64(UInt.max) }

    static let availSwitchoverBandwidthRange = Rule(
        "avail-switchover-bandwidth-range", .parameters,
        subjects: [.item(.availSwitchoverBandwidth)],
        message: invalidParameterValue(
            "avail_switchover_bandwidth",
            "an integer in the range of 0 to (18446744073709551615UL) bytes/second"),
        explanation: "Like max-bandwidth it must fit a size_t; it can only fail on 32-bit hosts, "
            + "and QEMU does not even run this check at startup (its has_ flag is never set "
            + "there), only when the value is set over QMP or HMP."
    ) { configuration, _ in configuration.number(.availSwitchoverBandwidth) > UInt64(UInt.max) }

    static let downtimeLimitRange = range(
        .downtimeLimit, expects: "an integer in the range of 0 to (2000 * 1000) ms",
        explanation: "QEMU caps the allowed switchover pause at 2000 seconds; a larger limit is "
            + "almost certainly a unit mistake (the value is in milliseconds)."
    ) { $0 > 2_000_000 }

    static let multifdChannelsRange = range(
        .multifdChannels, expects: "a value between 1 and 255",
        explanation: "multifd needs at least one channel to carry pages; the uint8 type caps it "
            + "at 255."
    ) { $0 < 1 }

    static let multifdZlibLevelRange = range(
        .multifdZlibLevel, expects: "a value between 0 and 9",
        explanation: "zlib accepts levels 0 to 9 only, even though the property is a uint8."
    ) { $0 > 9 }

    static let multifdQatzipLevelRange = range(
        .multifdQatzipLevel, expects: "a value between 1 and 9",
        explanation: "QAT's compression levels run from 1 to 9; unlike zlib there is no level 0 "
            + "that stores pages uncompressed."
    ) { $0 < 1 || $0 > 9 }

    static let multifdZstdLevelRange = range(
        .multifdZstdLevel, expects: "a value between 0 and 20",
        explanation: "QEMU allows zstd's ordinary levels 0 to 20 and refuses the slow "
            + "--ultra levels."
    ) { $0 > 20 }

    static let xbzrleCacheSize = Rule(
        "xbzrle-cache-size-power-of-two", .parameters,
        subjects: [.item(.xbzrleCacheSize), .host(.pageSize)],
        message: invalidParameterValue(
            "xbzrle_cache_size", "a power of two no less than the target page size"),
        explanation: "The xbzrle cache is a hash table of whole pages: its size must hold at "
            + "least one target page, and being a power of two lets QEMU index it with a mask."
    ) { configuration, host in
        let size = configuration.number(.xbzrleCacheSize)
        return size < host.pageSize || size & (size &- 1) != 0
    }

    static let maxCpuThrottleRange = Rule(
        "max-cpu-throttle-range", .parameters,
        subjects: [.item(.maxCpuThrottle), .item(.cpuThrottleInitial)],
        message: invalidParameterValue(
            "max_cpu_throttle", "an integer in the range of cpu_throttle_initial to 99"),
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
    }

    static let announceInitialRange = range(
        .announceInitial, expects: "a value between 0 and 100000",
        explanation: "Self-announcements exist to update switches quickly after the move; a "
            + "first delay of over 100 seconds defeats the purpose."
    ) { $0 > 100_000 }

    static let announceMaxRange = range(
        .announceMax, expects: "a value between 0 and 100000",
        explanation: "The gap between announcements is capped at 100 seconds for the same "
            + "reason: late announcements leave the network pointing at the old host."
    ) { $0 > 100_000 }

    static let announceRoundsRange = range(
        .announceRounds, expects: "a value between 0 and 1000",
        explanation: "A handful of rounds is enough for switches to learn the new location; "
            + "QEMU refuses more than 1000."
    ) { $0 > 1000 }

    static let announceStepRange = range(
        .announceStep, expects: "a value between 0 and 10000",
        explanation: "The step must be positive so the delays grow, and at most 10 seconds. "
            + "QEMU's message says 0 but a step of 0 is refused too."
    ) { $0 < 1 || $0 > 10_000 }

    static let xVcpuDirtyLimitPeriodRange = range(
        .xVcpuDirtyLimitPeriod, expects: "a value between 1 and 1000",
        name: "x-vcpu-dirty-limit-period",
        explanation: "dirty-limit samples each vCPU's dirty rate once per period: it must be "
            + "positive and at most one second to react in time. (QEMU names this one with "
            + "dashes, unlike the other range messages.)"
    ) { $0 < 1 || $0 > 1000 }

    static let vcpuDirtyLimitExplanation =
        "A limit of 0 MB/s would freeze any vCPU that writes memory. (Until 9.0 the garbled "
        + "message is QEMU's own; 9.1 rewrote it.)"

    static let vcpuDirtyLimitRange = range(
        .vcpuDirtyLimit, expects: "is invalid, it must greater then 1 MB/s",
        explanation: vcpuDirtyLimitExplanation, versions: .until(.v9_0)
    ) { $0 < 1 }

    static let vcpuDirtyLimitAtLeastOne = Rule(
        "vcpu-dirty-limit-range", .parameters, subjects: [.item(.vcpuDirtyLimit)],
        message: "Parameter 'vcpu_dirty_limit' must be greater than 1 MB/s",
        explanation: vcpuDirtyLimitExplanation, versions: .since(.v9_1)
    ) { configuration, _ in configuration.number(.vcpuDirtyLimit) < 1 }

    static let directIoNeedsSupport = Rule(
        "direct-io-needs-build-support", .parameters,
        subjects: [.item(.directIo), .host(.os)],
        message: "No build-time support for direct-io",
        explanation: "direct-io opens the migration file with O_DIRECT, which QEMU only builds "
            + "where the host has it (Linux; not macOS, modelled here as os=other)."
    ) { configuration, host in configuration.isOn(.directIo) && host.os != .linux }
}
