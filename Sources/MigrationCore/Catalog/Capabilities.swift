extension Catalog {
    /// Every release's capabilities (24 in 9.0), in `MigrationCapability` enum order. Releases
    /// only ever appended capabilities or removed them, so one order serves all. All default off.
    static let capabilities: [Item] = [
        capability(.xbzrle, "xbzrle", property: "x-xbzrle", summary:
            "Re-sends only the XOR difference of a page against the copy sent before, run-length "
            + "encoded, keeping old copies in a cache of xbzrle-cache-size. Helps guests that keep "
            + "rewriting the same pages with small changes."),
        capability(.rdmaPinAll, "rdma-pin-all", property: "x-rdma-pin-all", summary:
            "For RDMA migration only: registers (pins) all guest memory up front instead of on "
            + "demand. Faster, but the host must allow locking that much memory."),
        capability(.autoConverge, "auto-converge", property: "x-auto-converge", summary:
            "When the bytes the guest dirties in a sync period exceed throttle-trigger-threshold "
            + "percent (default 50) of the bytes sent in it, twice in a row, throttles the vCPUs: "
            + "cpu-throttle-initial first, then more by cpu-throttle-increment each time, up to "
            + "max-cpu-throttle, until the migration can finish."),
        capability(.zeroBlocks, "zero-blocks", property: "x-zero-blocks", deprecated: .since(.v9_2), summary:
            "Part of the old block migration: sends runs of zero bytes on disk compactly. Only "
            + "meaningful together with the block capability; deprecated in 9.2 once block "
            + "migration was gone."),
        capability(.compress, "compress", property: "x-compress", versions: .until(.v9_0), deprecated: .since(.v8_2), summary:
            "The old multi-threaded zlib page compression (compress-level, compress-threads, "
            + "decompress-threads). Deprecated in 8.2 and removed in 9.1: use multifd with "
            + "multifd-compression instead."),
        capability(.events, "events", property: "x-events", summary:
            "Emits a QMP MIGRATION event on every migration state change, so management software "
            + "can follow progress without polling."),
        capability(.postcopyRam, "postcopy-ram", property: "x-postcopy-ram", summary:
            "Lets the guest start running on the destination before all RAM has arrived; missing "
            + "pages are fetched on demand through userfaultfd. Both sides must enable it, and the "
            + "switch happens only on migrate-start-postcopy. A network failure pauses both sides "
            + "(postcopy-paused) until migrate-recover and migrate resume=true; a crash of either "
            + "QEMU loses the guest."),
        capability(.xColo, "x-colo", property: "x-colo", unstable: true, summary:
            "COLO fault tolerance: the migration never ends, the primary keeps checkpointing to a "
            + "secondary that can take over. Needs QEMU built with the replication module."),
        capability(.releaseRam, "release-ram", property: "x-release-ram", summary:
            "During postcopy the source frees each page once it has been sent, lowering the peak "
            + "memory the two hosts need together."),
        capability(.block, "block", property: "x-block", versions: .until(.v9_0), deprecated: .since(.v8_2), summary:
            "The old whole-disk migration inside the migration stream. Deprecated in 8.2 and "
            + "removed in 9.1: use blockdev-mirror to an NBD server instead."),
        capability(.returnPath, "return-path", property: "x-return-path", summary:
            "Opens a channel from the destination back to the source even during precopy, so the "
            + "destination can report status and acknowledgements."),
        capability(.pauseBeforeSwitchover, "pause-before-switchover", property: nil, summary:
            "Stops in the pre-switchover state just before the final device state is sent and "
            + "waits for migrate-continue, so management tools can coordinate (e.g. storage)."),
        capability(.multifd, "multifd", property: "x-multifd", summary:
            "Sends RAM over parallel connections (multifd-channels), optionally compressed "
            + "(multifd-compression): the modern fast path. Both sides need it, the destination "
            + "before migrate-incoming (-incoming defer)."),
        capability(.dirtyBitmaps, "dirty-bitmaps", property: nil, summary:
            "Also migrates named block dirty bitmaps so incremental backups keep working after "
            + "the move. The bitmaps travel in a postcopy-style phase."),
        capability(.postcopyBlocktime, "postcopy-blocktime", property: "postcopy-blocktime", propertyVersions: .since(.v10_1), summary:
            "On the destination, measures how long vCPUs sit blocked waiting for postcopy page "
            + "faults; reported by query-migrate."),
        capability(.lateBlockActivate, "late-block-activate", property: nil, summary:
            "The destination does not take over its block devices (and their image locks) when "
            + "migration ends but when the guest starts there: at once if it autostarts, at the "
            + "cont command if it was started with -S. From 10.0 QEMU always does this (commit "
            + "fca9aef1) and the capability changes nothing."),
        capability(.xIgnoreShared, "x-ignore-shared", property: nil, unstable: true, summary:
            "Skips RAM blocks backed by shared memory the destination can map directly (same "
            + "host, shared memory backend). Useful for local QEMU upgrades."),
        capability(.validateUuid, "validate-uuid", property: nil, summary:
            "The source sends its VM UUID and the destination refuses a stream from a different "
            + "VM, guarding against connecting the wrong pair."),
        capability(.backgroundSnapshot, "background-snapshot", property: "x-background-snapshot",
            summary:
            "Saves a snapshot of the VM as it was when the command started while it keeps "
            + "running: RAM is write-protected with userfaultfd and each page is saved before its "
            + "first change. There is no live destination."),
        capability(.zeroCopySend, "zero-copy-send", property: "x-zero-copy-send",
            propertyNeedsLinux: true, summary:
            "Linux only: multifd sockets send guest pages straight from guest memory "
            + "(MSG_ZEROCOPY) instead of copying them; QEMU must be allowed to lock guest memory."),
        capability(.postcopyPreempt, "postcopy-preempt", property: "x-postcopy-preempt", summary:
            "During postcopy, urgently requested pages travel on a dedicated channel so they do "
            + "not queue behind background traffic, cutting page-fault latency. Set it on the "
            + "destination before its incoming side starts (-incoming defer, then "
            + "migrate-incoming)."),
        capability(.switchoverAck, "switchover-ack", property: "x-switchover-ack", versions: .since(.v8_1), summary:
            "The source does not stop the VM for switchover until the destination acknowledges it "
            + "is ready; VFIO devices use this to preload state and cut downtime."),
        capability(.dirtyLimit, "dirty-limit", property: "x-dirty-limit", versions: .since(.v8_1), summary:
            "Throttles each vCPU so its dirty-page rate stays within vcpu-dirty-limit, sampled "
            + "every x-vcpu-dirty-limit-period ms. Gentler than auto-converge on large guests."),
        capability(.mappedRam, "mapped-ram", property: "mapped-ram", versions: .since(.v9_0), summary:
            "A file migration format where every RAM page has a fixed offset in the file, so "
            + "parallel multifd writers can fill it and the file size is bounded. It needs a "
            + "file: URI (QEMU refuses other transports as not seekable) and works with or "
            + "without multifd. Best with the VM stopped."),
    ]

    private static func capability(
        _ id: ItemID, _ name: String, property: String?, versions: VersionRange = .all,
        propertyVersions: VersionRange? = nil, deprecated: VersionRange? = nil,
        unstable: Bool = false, propertyNeedsLinux: Bool = false, summary: String
    ) -> Item {
        Item(
            id, name, .capability, .bool, .bool(false), property: property, summary: summary,
            unstable: unstable, propertyNeedsLinux: propertyNeedsLinux, versions: versions,
            propertyVersions: propertyVersions, deprecated: deprecated)
    }
}
