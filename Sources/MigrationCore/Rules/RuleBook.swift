/// QEMU 9.0's checks in the order QEMU runs them: `migrate_params_check` (P1–P23), then
/// `migrate_caps_check` (K1–K22 with the W1/W2 warnings where QEMU prints them). The order is
/// what makes `Report.firstError` equal the message QEMU prints.
public enum RuleBook {
    public static let qemu90: [Rule] = parameterRules + capabilityRules

    static let parameterRules: [Rule] = [
        compressLevelRange, compressThreadsRange, decompressThreadsRange,
        throttleTriggerThresholdRange, cpuThrottleInitialRange, cpuThrottleIncrementRange,
        maxBandwidthRange, availSwitchoverBandwidthRange, downtimeLimitRange,
        multifdChannelsRange, multifdZlibLevelRange, multifdZstdLevelRange, xbzrleCacheSize,
        maxCpuThrottleRange, announceInitialRange, announceMaxRange, announceRoundsRange,
        announceStepRange, blockBitmapMapping, zeroCopyParameters, mappedRamParameters,
        xVcpuDirtyLimitPeriodRange, vcpuDirtyLimitRange,
    ]

    static let capabilityRules: [Rule] =
        [
            blockNeedsLiveBlockMigration, blockDeprecated, compressDeprecated, coloNeedsReplication,
            postcopyHostSupport, postcopyVsIgnoreShared, postcopyVsMultifd, snapshotHostKernel,
            snapshotGuestMemory,
        ] + snapshotConflicts + [
            zeroCopyCapabilities, zeroCopyNeedsLinux, preemptRequiresPostcopy, preemptVsCompress,
            preemptBeforeIncoming, multifdVsCompress, multifdBeforeIncoming,
            switchoverAckNeedsReturnPath, dirtyLimitVsAutoConverge, dirtyLimitNeedsDirtyRing,
            multifdVsXbzrle, compressVsXbzrle, mappedRamVsXbzrle, mappedRamVsCompress,
            mappedRamVsPostcopy,
        ]

    /// Rules QEMU never evaluates at startup: `avail-switchover-bandwidth`'s `has_` flag is not
    /// set by `migrate_params_init`, so its check runs only for QMP/HMP updates.
    static let notCheckedAtStartup: Set<String> = ["avail-switchover-bandwidth-range"]

    /// The rule with this id.
    public static func rule(withID id: String) -> Rule? {
        qemu90.first { $0.id == id }
    }

    /// The rules that read an item, in QEMU's order.
    public static func rules(involving item: ItemID) -> [Rule] {
        qemu90.filter { $0.subjects.contains(.item(item)) }
    }

    /// The rules that read a host fact, in QEMU's order.
    public static func rules(involving fact: HostFact) -> [Rule] {
        qemu90.filter { $0.subjects.contains(.host(fact)) }
    }
}
