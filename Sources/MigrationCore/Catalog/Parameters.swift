extension Catalog {
    /// Every release's parameters (32 in 9.0), in `MigrationParameter` enum order (new ones
    /// slot in where QEMU put them), with the defaults QEMU starts with (`DEFINE_PROP_*` defaults
    /// and `migrate_params_init`), which no release changed.
    static let parameters: [Item] = [
        parameter(.announceInitial, "announce-initial", .size, 50, property: "announce-initial",
            unit: "ms", range: "0 to 100000", summary:
            "Delay before the first self-announcement (RARP/ARP packets) the destination sends "
            + "after migration so switches learn the guest's new location."),
        parameter(.announceMax, "announce-max", .size, 550, property: "announce-max",
            unit: "ms", range: "0 to 100000", summary:
            "The longest delay between two self-announcement rounds."),
        parameter(.announceRounds, "announce-rounds", .size, 5, property: "announce-rounds",
            range: "0 to 1000", summary:
            "How many self-announcement rounds the destination sends after migration."),
        parameter(.announceStep, "announce-step", .size, 100, property: "announce-step",
            unit: "ms", range: "1 to 10000", summary:
            "How much the delay grows between self-announcement rounds."),
        parameter(.compressLevel, "compress-level", .uint8, 1, property: "x-compress-level",
            range: "0 to 9", versions: .until(.v9_0), deprecated: .since(.v8_2), summary:
            "zlib level of the old compress capability: 0 none, 1 fastest, 9 smallest."),
        parameter(.compressThreads, "compress-threads", .uint8, 8, property: "x-compress-threads",
            range: "1 to 255", versions: .until(.v9_0), deprecated: .since(.v8_2), summary:
            "Compression threads on the source for the old compress capability."),
        parameter(.decompressThreads, "decompress-threads", .uint8, 2,
            property: "x-decompress-threads", range: "1 to 255", versions: .until(.v9_0),
            deprecated: .since(.v8_2), summary:
            "Decompression threads on the destination for the old compress capability."),
        Item(.compressWaitThread, "compress-wait-thread", .parameter, .bool, .bool(true),
            property: "x-compress-wait-thread", summary:
            "With the old compress capability: wait for a free compression thread (on) or send "
            + "the page uncompressed (off).", versions: .until(.v9_0), deprecated: .since(.v8_2)),
        parameter(.throttleTriggerThreshold, "throttle-trigger-threshold", .uint8, 50,
            property: "x-throttle-trigger-threshold", unit: "%", range: "1 to 100", summary:
            "Throttling starts when the bytes dirtied in a sync period exceed this percentage of "
            + "the bytes sent in it, twice in a row. It drives auto-converge and, from 8.1, "
            + "dirty-limit (ram.c migration_trigger_throttle)."),
        parameter(.cpuThrottleInitial, "cpu-throttle-initial", .uint8, 20,
            property: "x-cpu-throttle-initial", unit: "%", range: "1 to 99", summary:
            "The vCPU throttle auto-converge applies first."),
        parameter(.cpuThrottleIncrement, "cpu-throttle-increment", .uint8, 10,
            property: "x-cpu-throttle-increment", unit: "%", range: "1 to 99", summary:
            "How much auto-converge raises the throttle each time it is not enough."),
        Item(.cpuThrottleTailslow, "cpu-throttle-tailslow", .parameter, .bool, .bool(false),
            property: "x-cpu-throttle-tailslow", summary:
            "Near the end of throttling, raise the throttle by what the dirty rate needs rather "
            + "than by the full increment, to avoid over-throttling."),
        text(.tlsCreds, "tls-creds", summary:
            "The id of a tls-creds-x509 (or -psk) object; non-empty turns TLS on for the "
            + "migration stream."),
        text(.tlsHostname, "tls-hostname", summary:
            "The name the destination's x509 certificate is checked against. Empty: the host "
            + "part of the URI, as written (an IP address too). Required when the URI has no "
            + "host, as with fd: or exec:; when set, it replaces the URI's host."),
        text(.tlsAuthz, "tls-authz", summary:
            "The id of an authz object the destination uses to check the source's client "
            + "certificate."),
        parameter(.maxBandwidth, "max-bandwidth", .size, 134_217_728, property: "x-max-bandwidth",
            unit: "bytes/s", summary:
            "The precopy bandwidth cap. The default is 128 MiB/s, which is low for fast links."),
        parameter(.availSwitchoverBandwidth, "avail-switchover-bandwidth", .size, 0,
            property: "avail-switchover-bandwidth", unit: "bytes/s", versions: .since(.v8_2), summary:
            "The bandwidth really available at switchover, used to estimate downtime; 0 means "
            + "QEMU estimates it from the transfer so far."),
        parameter(.downtimeLimit, "downtime-limit", .uint64, 300, property: "x-downtime-limit",
            unit: "ms", range: "0 to 2000000", summary:
            "The pause QEMU aims for at switchover: it switches over once the remaining dirty RAM "
            + "could be sent in this time at the measured bandwidth. A target, not a guarantee: "
            + "device state (VFIO especially) can make the real pause longer."),
        parameter(.xCheckpointDelay, "x-checkpoint-delay", .uint32, 20_000,
            property: "x-checkpoint-delay", unit: "ms", unstable: true, summary:
            "COLO: the interval between two checkpoints."),
        Item(.blockIncremental, "block-incremental", .parameter, .bool, .bool(false),
            property: nil, summary:
            "Old block migration: copy only the top image of the backing chain. Deprecated with "
            + "the block capability.", versions: .until(.v9_0), deprecated: .since(.v8_2)),
        parameter(.multifdChannels, "multifd-channels", .uint8, 2, property: "multifd-channels",
            range: "1 to 255", summary:
            "How many parallel connections multifd opens. More channels use more cores and "
            + "links."),
        parameter(.xbzrleCacheSize, "xbzrle-cache-size", .size, 67_108_864,
            property: "xbzrle-cache-size", unit: "bytes",
            range: "a power of two, at least the target page size", summary:
            "Memory for xbzrle's cache of previously sent pages; bigger caches find more "
            + "deltas."),
        parameter(.maxPostcopyBandwidth, "max-postcopy-bandwidth", .size, 0,
            property: "max-postcopy-bandwidth", unit: "bytes/s", summary:
            "The background bandwidth cap during postcopy; 0 is unlimited. Page requests may "
            + "exceed it."),
        parameter(.maxCpuThrottle, "max-cpu-throttle", .uint8, 99, property: "max-cpu-throttle",
            unit: "%", range: "cpu-throttle-initial to 99", summary:
            "The highest throttle auto-converge may reach."),
        Item(.multifdCompression, "multifd-compression", .parameter,
            .enumeration(["none", "zlib", "zstd"]), .choice("none"),
            property: "multifd-compression", summary:
            "How each multifd channel compresses pages; set the same method on both sides. The "
            + "choices this release knows are listed with the type. zlib is always built in; "
            + "every other method needs a QEMU built with its library, which the host fact "
            + "compression-methods records (`migedit probe` reads it from a real QEMU).",
            choiceHistory: [
                (.until(.v9_0), ["none", "zlib", "zstd"]),
                (VersionRange(.v9_1, through: .v9_1), ["none", "zlib", "zstd", "qpl", "uadk"]),
                (.since(.v9_2), ["none", "zlib", "zstd", "qatzip", "qpl", "uadk"]),
            ]),
        parameter(.multifdZlibLevel, "multifd-zlib-level", .uint8, 1,
            property: "multifd-zlib-level", range: "0 to 9", summary:
            "zlib level for multifd-compression=zlib: 1 fastest, 9 smallest."),
        parameter(.multifdZstdLevel, "multifd-zstd-level", .uint8, 1,
            property: "multifd-zstd-level", range: "0 to 20", summary:
            "zstd level for multifd-compression=zstd: 1 fastest, 20 smallest."),
        parameter(.multifdQatzipLevel, "multifd-qatzip-level", .uint8, 1,
            property: "multifd-qatzip-level", range: "1 to 9", versions: .since(.v9_2), summary:
            "Compression level for multifd-compression=qatzip (Intel QAT hardware): 1 fastest, "
            + "9 smallest."),
        Item(.blockBitmapMapping, "block-bitmap-mapping", .parameter, .bitmapMapping,
            .bitmapMapping([]), property: nil, summary:
            "Which block nodes' dirty bitmaps migrate (with dirty-bitmaps), and under which "
            + "aliases, when node names differ between source and destination. QMP only: HMP's "
            + "migrate_set_parameter refuses it, so use migrate-set-parameters."),
        parameter(.xVcpuDirtyLimitPeriod, "x-vcpu-dirty-limit-period", .uint64, 1000,
            property: "x-vcpu-dirty-limit-period", unit: "ms", range: "1 to 1000",
            versions: .since(.v8_1), unstable: true, summary:
            "dirty-limit: how often each vCPU's dirty rate is sampled."),
        parameter(.vcpuDirtyLimit, "vcpu-dirty-limit", .uint64, 1, property: "vcpu-dirty-limit",
            unit: "MB/s", range: "at least 1", versions: .since(.v8_1), summary:
            "dirty-limit: the dirty-page rate each vCPU is held to."),
        Item(.mode, "mode", .parameter, .enumeration(["normal", "cpr-reboot"]), .choice("normal"),
            property: "mode", summary:
            "normal migrates to another QEMU. cpr-reboot saves the VM to a file so QEMU can be "
            + "quit, the host updated or rebooted, and the VM restored; guest RAM stays in place "
            + "only with a shared memory backend and x-ignore-shared (across a reboot that memory "
            + "must persist, e.g. dax), otherwise it is written to the file. cpr-transfer (10.0) "
            + "and cpr-exec (10.2) hand guest RAM to a new QEMU on the same host.",
            versions: .since(.v8_2),
            choiceHistory: [
                (VersionRange(.v8_2, through: .v9_2), ["normal", "cpr-reboot"]),
                (VersionRange(.v10_0, through: .v10_1), ["normal", "cpr-reboot", "cpr-transfer"]),
                (.since(.v10_2), ["normal", "cpr-reboot", "cpr-transfer", "cpr-exec"]),
            ]),
        Item(.zeroPageDetection, "zero-page-detection", .parameter,
            .enumeration(["none", "legacy", "multifd"]), .choice("multifd"),
            property: "zero-page-detection", summary:
            "Where zero pages are detected: multifd (the default) in the multifd sender threads, "
            + "or in the main thread when multifd is off; legacy in the main thread, as before "
            + "9.0; none not at all. Machine types 8.2 and older default to legacy "
            + "(hw_compat_8_2).",
            versions: .since(.v9_0)),
        Item(.directIo, "direct-io", .parameter, .bool, .bool(false), property: nil, summary:
            "Open the migration file with O_DIRECT, bypassing the host page cache; it only has "
            + "an effect with mapped-ram on a file: URI. No -global property: set it with QMP or "
            + "HMP (migrate_set_parameter direct-io on).", versions: .since(.v9_1)),
        Item(.cprExecCommand, "cpr-exec-command", .parameter, .stringList, .stringList([]),
            property: nil, summary:
            "For mode=cpr-exec: the command (an argv list) QEMU execs to start the new QEMU that "
            + "takes over. QMP (or HMP) only.", versions: .since(.v10_2)),
    ]

    private static func parameter(
        _ id: ItemID, _ name: String, _ type: ValueType, _ defaultValue: UInt64, property: String?,
        unit: String? = nil, range: String? = nil, versions: VersionRange = .all,
        deprecated: VersionRange? = nil, unstable: Bool = false, summary: String
    ) -> Item {
        Item(
            id, name, .parameter, type, .number(defaultValue), property: property, unit: unit,
            range: range, summary: summary, unstable: unstable, versions: versions,
            deprecated: deprecated)
    }

    private static func text(_ id: ItemID, _ name: String, summary: String) -> Item {
        Item(id, name, .parameter, .string, .text(""), property: name, summary: summary)
    }
}
