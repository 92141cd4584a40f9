/// Every migration setting migedit knows, in catalog order: capabilities in QEMU's
/// `MigrationCapability` enum order, parameters in `MigrationParameter` order, then the compat
/// properties that are neither. The raw value indexes `Configuration` storage, so rules read a
/// setting with one array access.
public enum ItemID: Int, CaseIterable, Hashable, Sendable, Comparable {
    // Capabilities
    case xbzrle, rdmaPinAll, autoConverge, zeroBlocks, compress, events, postcopyRam, xColo
    case releaseRam, block, returnPath, pauseBeforeSwitchover, multifd, dirtyBitmaps
    case postcopyBlocktime, lateBlockActivate, xIgnoreShared, validateUuid, backgroundSnapshot
    case zeroCopySend, postcopyPreempt, switchoverAck, dirtyLimit, mappedRam
    // Parameters
    case announceInitial, announceMax, announceRounds, announceStep
    case compressLevel, compressThreads, decompressThreads, compressWaitThread
    case throttleTriggerThreshold, cpuThrottleInitial, cpuThrottleIncrement, cpuThrottleTailslow
    case tlsCreds, tlsHostname, tlsAuthz, maxBandwidth, availSwitchoverBandwidth, downtimeLimit
    case xCheckpointDelay, blockIncremental, multifdChannels, xbzrleCacheSize
    case maxPostcopyBandwidth, maxCpuThrottle, multifdCompression, multifdZlibLevel
    case multifdZstdLevel, blockBitmapMapping, xVcpuDirtyLimitPeriod, vcpuDirtyLimit, mode
    case zeroPageDetection
    // Compat properties
    case storeGlobalState, sendConfiguration, sendSectionFooter, decompressErrorCheck
    case multifdFlushAfterEachSection, xClearBitmapShift, xPreemptPre72

    public static func < (lhs: ItemID, rhs: ItemID) -> Bool { lhs.rawValue < rhs.rawValue }

    /// The item's catalog entry.
    @inlinable public var item: Item { Catalog.qemu90.items[rawValue] }
}

/// Which of QEMU's three families a setting belongs to; it decides the QMP/HMP command used.
public enum ItemKind: String, Hashable, Sendable {
    case capability
    case parameter
    case property
}
