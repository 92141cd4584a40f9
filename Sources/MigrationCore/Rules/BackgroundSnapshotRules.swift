/// background-snapshot's checks in `migrate_caps_check` (K6–K8).
extension RuleBook {
    static let snapshotHostKernel = Rule(
        .backgroundSnapshotHostKernel, .capabilities, "K6",
        subjects: [.item(.backgroundSnapshot), .host(.writeTracking)], trigger: .backgroundSnapshot,
        message: "Background-snapshot is not supported by host kernel",
        explanation: "The snapshot write-protects guest RAM with userfaultfd and saves each "
            + "page before its first change; kernels without userfaultfd write-protect "
            + "(UFFD_FEATURE_PAGEFAULT_FLAG_WP) cannot do that."
    ) { configuration, host in
        configuration.isOn(.backgroundSnapshot) && host.writeTracking == .absent
    }

    static let snapshotGuestMemory = Rule(
        .backgroundSnapshotGuestMemory, .capabilities, "K7",
        subjects: [.item(.backgroundSnapshot), .host(.writeTracking)], trigger: .backgroundSnapshot,
        message: "Background-snapshot is not compatible with guest memory configuration",
        explanation: "The kernel supports write-protect, but some guest RAM block (for example "
            + "hugetlbfs or shared file memory on older kernels) cannot be registered for it."
    ) { configuration, host in
        configuration.isOn(.backgroundSnapshot) && host.writeTracking == .available
    }

    /// One entry of QEMU's `check_caps_background_snapshot` list (K8): QEMU reports the first
    /// capability of the list that is on, so each entry is a rule of its own, in list order.
    static func snapshotConflict(_ identity: RuleID, with other: ItemID, message: String, why: String) -> Rule {
        Rule(
            identity, .capabilities, "K8", subjects: [.item(.backgroundSnapshot), .item(other)],
            trigger: .backgroundSnapshot, message: message,
            explanation: why + " (QEMU checks its list in a fixed order and names the first "
                + "capability it finds on.)"
        ) { configuration, _ in configuration.isOn(.backgroundSnapshot) && configuration.isOn(other) }
    }

    static let snapshotConflicts: [Rule] = [
        snapshotConflict(
            .backgroundSnapshotVsPostcopyRam, with: .postcopyRam,
            message: "Background-snapshot is not compatible with postcopy-ram",
            why: "A snapshot has no destination to run the guest, so postcopy's "
                + "start-early-then-fetch model has nothing to start."),
        snapshotConflict(
            .backgroundSnapshotVsDirtyBitmaps, with: .dirtyBitmaps,
            message: "Background-snapshot is not compatible with dirty-bitmaps",
            why: "Bitmaps migrate in a postcopy-style phase that needs a live "
                + "destination, which a snapshot does not have."),
        snapshotConflict(
            .backgroundSnapshotVsPostcopyBlocktime, with: .postcopyBlocktime,
            message: "Background-snapshot is not compatible with postcopy-blocktime",
            why: "It measures postcopy page-fault waits on a destination; a "
                + "snapshot has neither."),
        snapshotConflict(
            .backgroundSnapshotVsLateBlockActivate, with: .lateBlockActivate,
            message: "Background-snapshot is not compatible with late-block-activate",
            why: "It delays a destination taking over its disks; a snapshot has no "
                + "destination."),
        snapshotConflict(
            .backgroundSnapshotVsReturnPath, with: .returnPath,
            message: "Background-snapshot is not compatible with return-path",
            why: "There is no destination to send anything back."),
        snapshotConflict(
            .backgroundSnapshotVsMultifd, with: .multifd,
            message: "Background-snapshot is not compatible with multifd",
            why: "The snapshot lifts a page's write protection right after saving it, and "
                + "flushes only the main stream first (ram.c ram_save_release_protection: "
                + "\"Flush async buffers before un-protect\"). migedit's reading, as QEMU's "
                + "list gives no reasons: multifd threads send later, so they could save a page "
                + "the guest has already changed again."),
        snapshotConflict(
            .backgroundSnapshotVsPauseBeforeSwitchover, with: .pauseBeforeSwitchover,
            message: "Background-snapshot is not compatible with pause-before-switchover",
            why: "A snapshot never switches over to a destination, so there "
                + "is nothing to pause before."),
        snapshotConflict(
            .backgroundSnapshotVsAutoConverge, with: .autoConverge,
            message: "Background-snapshot is not compatible with auto-converge",
            why: "Throttling exists to make an iterative copy converge; a snapshot "
                + "copies each page once and never needs to converge."),
        snapshotConflict(
            .backgroundSnapshotVsReleaseRam, with: .releaseRam,
            message: "Background-snapshot is not compatible with release-ram",
            why: "It frees source pages after sending, but a snapshot keeps the guest "
                + "running on the source."),
        snapshotConflict(
            .backgroundSnapshotVsRdmaPinAll, with: .rdmaPinAll,
            message: "Background-snapshot is not compatible with rdma-pin-all",
            why: "RDMA is a transport to another host; a snapshot writes to a file "
                + "stream."),
        snapshotConflict(
            .backgroundSnapshotVsCompress, with: .compress,
            message: "Background-snapshot is not compatible with compress",
            why: "migedit's reading, as QEMU's list gives no reasons: like multifd, the "
                + "compression threads read guest pages asynchronously, possibly after "
                + "ram_save_release_protection has lifted a page's write protection, so they "
                + "could save a page changed since the snapshot began."),
        snapshotConflict(
            .backgroundSnapshotVsXbzrle, with: .xbzrle,
            message: "Background-snapshot is not compatible with xbzrle",
            why: "Deltas against previously sent copies need the iterative re-send loop a "
                + "snapshot does not have."),
        snapshotConflict(
            .backgroundSnapshotVsXColo, with: .xColo,
            message: "Background-snapshot is not compatible with x-colo",
            why: "COLO is continuous replication to a secondary, the opposite of a one-off "
                + "snapshot."),
        snapshotConflict(
            .backgroundSnapshotVsValidateUuid, with: .validateUuid,
            message: "Background-snapshot is not compatible with validate-uuid",
            why: "QEMU gives no reason (commit 6e8c25b4 just lists it). A snapshot is still "
                + "loaded later, and the QEMU loading it could compare the UUID, so migedit "
                + "reads this as a choice of the original series rather than a necessity."),
        snapshotConflict(
            .backgroundSnapshotVsZeroCopySend, with: .zeroCopySend,
            message: "Background-snapshot is not compatible with zero-copy-send",
            why: "Zero-copy works on multifd sockets, which the snapshot does not "
                + "use."),
    ]
}
