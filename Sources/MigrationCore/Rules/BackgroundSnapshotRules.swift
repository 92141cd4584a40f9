/// background-snapshot's checks in `migrate_caps_check` (K6–K8). K8 walks QEMU's
/// `check_caps_background_snapshot` list and reports the first capability in it that is on,
/// so each list entry is a rule of its own, in list order.
extension RuleBook {
    static let snapshotHostKernel = Rule(
        "background-snapshot-host-kernel", .capabilities,
        subjects: [.item(.backgroundSnapshot), .host(.writeTracking)],
        message: "Background-snapshot is not supported by host kernel",
        explanation: "The snapshot write-protects guest RAM with userfaultfd and saves each "
            + "page before its first change; kernels without userfaultfd write-protect "
            + "(UFFD_FEATURE_PAGEFAULT_FLAG_WP) cannot do that."
    ) { configuration, host in
        configuration.isOn(.backgroundSnapshot) && host.writeTracking == .absent
    }

    static let snapshotGuestMemory = Rule(
        "background-snapshot-guest-memory", .capabilities,
        subjects: [.item(.backgroundSnapshot), .host(.writeTracking)],
        message: "Background-snapshot is not compatible with guest memory configuration",
        explanation: "The kernel supports write-protect, but some guest RAM block (for example "
            + "hugetlbfs or shared file memory on older kernels) cannot be registered for it."
    ) { configuration, host in
        configuration.isOn(.backgroundSnapshot) && host.writeTracking == .available
    }

    /// QEMU's `check_caps_background_snapshot`, in its order, with why each one conflicts.
    static let snapshotIncompatibilities: [(ItemID, String)] = [
        (.postcopyRam, "A snapshot has no destination to run the guest, so postcopy's "
            + "start-early-then-fetch model has nothing to start."),
        (.dirtyBitmaps, "Bitmaps migrate in a postcopy-style phase that needs a live "
            + "destination, which a snapshot does not have."),
        (.postcopyBlocktime, "It measures postcopy page-fault waits on a destination; a "
            + "snapshot has neither."),
        (.lateBlockActivate, "It delays a destination taking over its disks; a snapshot has no "
            + "destination."),
        (.returnPath, "There is no destination to send anything back."),
        (.multifd, "The snapshot writes pages as the write-protect faults arrive, in one "
            + "stream; multifd's parallel channels are not wired into that path."),
        (.pauseBeforeSwitchover, "A snapshot never switches over to a destination, so there "
            + "is nothing to pause before."),
        (.autoConverge, "Throttling exists to make an iterative copy converge; a snapshot "
            + "copies each page once and never needs to converge."),
        (.releaseRam, "It frees source pages after sending, but a snapshot keeps the guest "
            + "running on the source."),
        (.rdmaPinAll, "RDMA is a transport to another host; a snapshot writes to a file "
            + "stream."),
        (.compress, "The old compression threads reorder pages, which the fault-driven "
            + "snapshot path cannot handle."),
        (.xbzrle, "Deltas against previously sent copies need the iterative re-send loop a "
            + "snapshot does not have."),
        (.xColo, "COLO is continuous replication to a secondary, the opposite of a one-off "
            + "snapshot."),
        (.validateUuid, "There is no destination to validate the UUID."),
        (.zeroCopySend, "Zero-copy works on multifd sockets, which the snapshot does not "
            + "use."),
    ]

    static let snapshotConflicts: [Rule] = snapshotIncompatibilities.map { other, why in
        let name = other.item.name
        return Rule(
            "background-snapshot-vs-\(name)", .capabilities,
            subjects: [.item(.backgroundSnapshot), .item(other)],
            message: "Background-snapshot is not compatible with \(name)",
            explanation: why + " (QEMU checks its list in a fixed order and names the first "
                + "capability it finds on.)"
        ) { configuration, _ in configuration.isOn(.backgroundSnapshot) && configuration.isOn(other) }
    }
}
