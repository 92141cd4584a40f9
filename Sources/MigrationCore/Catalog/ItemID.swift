/// Every migration setting of every QEMU release migedit knows, in catalog
/// order: capabilities in QEMU's `MigrationCapability` enum order, parameters in
/// `MigrationParameter` order, then the compat properties that are neither. A release has a
/// subset of them (see `Catalog.for(_:)`). The raw value indexes `Configuration` storage, so
/// rules read a setting with one array access.
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
    case multifdZstdLevel, multifdQatzipLevel, blockBitmapMapping, xVcpuDirtyLimitPeriod
    case vcpuDirtyLimit, mode, zeroPageDetection, directIo, cprExecCommand
    // Compat properties
    case storeGlobalState, sendConfiguration, sendSectionFooter, sendSwitchoverStart
    case decompressErrorCheck, multifdFlushAfterEachSection, multifdCleanTlsTermination
    case xClearBitmapShift, xPreemptPre72, xPostcopyPreemptBreakHuge

    public static func < (lhs: ItemID, rhs: ItemID) -> Bool { lhs.rawValue < rhs.rawValue }

    /// The item as the newest release that has it defines it (enum choices are the union of
    /// every release's). Use `Catalog.for(version).item(self)` for one release's view.
    public var item: Item { Catalog.definitions[rawValue] }
}

/// Which of QEMU's three families a setting belongs to; it decides the QMP/HMP command used.
public enum ItemKind: String, Hashable, Sendable {
    case capability
    case parameter
    case property
}
