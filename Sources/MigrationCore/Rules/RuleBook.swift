/// Every release's checks in the order QEMU runs them: `migrate_params_check`, then
/// `migrate_caps_check` (with the deprecation warnings where QEMU prints them). Releases only
/// ever inserted checks into this order or dropped some, so one list with a version range per
/// rule describes them all. The order is what makes `Report.firstError` equal QEMU's message.
public enum RuleBook {
    /// All rules of all releases, in QEMU's order.
    public static let all: [Rule] = valueRules + parameterRules + capabilityRules

    /// Values QEMU refuses while parsing them, before `migrate_params_check` runs.
    static let valueRules: [Rule] = [multifdCompressionNeedsBuildSupport]

    private static let byVersion = QEMUVersion.allCases.map { version in all.filter { $0.applies(to: version) } }

    /// The checks one release runs, in its order.
    public static func rules(for version: QEMUVersion) -> [Rule] {
        byVersion[version.index]
    }

    /// QEMU 9.0's checks.
    public static var qemu90: [Rule] { rules(for: .v9_0) }

    static let parameterRules: [Rule] = [
        compressLevelRange, compressThreadsRange, decompressThreadsRange,
        throttleTriggerThresholdRange, cpuThrottleInitialRange, cpuThrottleIncrementRange,
        maxBandwidthRange, availSwitchoverBandwidthRange, downtimeLimitRange,
        multifdChannelsRange, multifdZlibLevelRange, multifdQatzipLevelRange, multifdZstdLevelRange,
        xbzrleCacheSize, maxCpuThrottleRange, announceInitialRange, announceMaxRange,
        announceRoundsRange, announceStepRange, blockBitmapMapping, zeroCopyParameters,
        mappedRamParameters, xVcpuDirtyLimitPeriodRange, vcpuDirtyLimitRange,
        vcpuDirtyLimitAtLeastOne, directIoNeedsSupport,
    ]

    static let capabilityRules: [Rule] =
        [
            zeroBlocksDeprecated, blockNeedsLiveBlockMigrationBefore82, blockNeedsLiveBlockMigration,
            blockDeprecated, compressDeprecated, coloNeedsReplication, postcopyHostSupportBefore81,
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

    /// The rule with this id in a release.
    public static func rule(withID id: String, in version: QEMUVersion = .standard) -> Rule? {
        rules(for: version).first { $0.id == id }
    }

    /// The rules of a release that read an item, in QEMU's order.
    public static func rules(involving item: ItemID, in version: QEMUVersion = .standard) -> [Rule] {
        rules(for: version).filter { $0.subjects.contains(.item(item)) }
    }

    /// The rules of a release that read a host fact, in QEMU's order.
    public static func rules(involving fact: HostFact, in version: QEMUVersion = .standard) -> [Rule] {
        rules(for: version).filter { $0.subjects.contains(.host(fact)) }
    }
}
