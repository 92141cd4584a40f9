/// Postcopy's checks in `migrate_caps_check` (K3–K5 and K10–K12).
extension RuleBook {
    static let postcopyHostSupportExplanation =
        "The destination serves missing pages through userfaultfd, so a QEMU started with "
        + "-incoming probes the kernel when postcopy-ram is first set. What the probe lacked "
        + "varies with the host (a missing userfaultfd is the common case): 8.1 and later print "
        + "it after the colon, older releases on a line of its own before the message."

    static let postcopyHostSupportBefore81 = Rule(
        .postcopyRamHostSupport, .capabilities, "K3",
        subjects: [.item(.postcopyRam), .host(.incoming), .host(.postcopySupport)], trigger: .postcopyRam,
        message: "Postcopy is not supported", explanation: postcopyHostSupportExplanation,
        versions: .until(.v8_0)
    ) { configuration, host in
        configuration.isOn(.postcopyRam) && host.incoming != .no && !host.postcopySupport
    }

    static let postcopyHostSupport = Rule(
        .postcopyRamHostSupport, .capabilities, "K3",
        subjects: [.item(.postcopyRam), .host(.incoming), .host(.postcopySupport)], trigger: .postcopyRam,
        message: "Postcopy is not supported: ", explanation: postcopyHostSupportExplanation,
        versions: .since(.v8_1),
        detail: { _, _ in "Userfaultfd not available: Function not implemented" }
    ) { configuration, host in
        configuration.isOn(.postcopyRam) && host.incoming != .no && !host.postcopySupport
    }

    static let postcopyVsIgnoreShared = Rule(
        .postcopyRamVsXIgnoreShared, .capabilities, "K4",
        subjects: [.item(.postcopyRam), .item(.xIgnoreShared)], trigger: .postcopyRam,
        message: "Postcopy is not compatible with ignore-shared",
        explanation: "QEMU gives no technical reason: the check came with x-ignore-shared itself "
            + "(commit 18269069) and simply declares the pair unsupported. Postcopy does leave "
            + "ignored RAM blocks alone (postcopy-ram.c registers only the other blocks with "
            + "userfaultfd), so migedit's reading is that the combination was never implemented "
            + "and tested, not that it cannot work."
    ) { configuration, _ in configuration.isOn(.postcopyRam) && configuration.isOn(.xIgnoreShared) }

    static let postcopyVsMultifd = Rule(
        .postcopyRamVsMultifd, .capabilities, "K5",
        subjects: [.item(.postcopyRam), .item(.multifd)], trigger: .postcopyRam,
        message: "Postcopy is not yet compatible with multifd",
        explanation: "Only 8.1 to 10.0 refuse the pair. 7.2 and 8.0 accepted it, and commit "
            + "b405dfff (8.1) disabled it not because it cannot work but because \"there is not "
            + "enough testing/support nor any reported users\". 10.1 allows it again (commit "
            + "e2741886): multifd carries the precopy phase only, and its channels are flushed "
            + "before postcopy starts (ram.c ram_save_postcopy_prepare): multifd loads pages "
            + "non-atomically, so it cannot load while the guest runs on the destination.",
        versions: VersionRange(.v8_1, through: .v10_0)
    ) { configuration, _ in configuration.isOn(.postcopyRam) && configuration.isOn(.multifd) }

    static let preemptRequiresPostcopy = Rule(
        .postcopyPreemptRequiresPostcopyRam, .capabilities, "K10",
        subjects: [.item(.postcopyPreempt), .item(.postcopyRam)], trigger: .postcopyPreempt,
        message: "Postcopy preempt requires postcopy-ram",
        explanation: "Preempt adds a fast lane for postcopy's urgent page requests; without "
            + "postcopy there are no such requests."
    ) { configuration, _ in configuration.isOn(.postcopyPreempt) && !configuration.isOn(.postcopyRam) }

    static let preemptVsCompress = Rule(
        .postcopyPreemptVsCompress, .capabilities, "K11",
        subjects: [.item(.postcopyPreempt), .item(.compress)], trigger: .postcopyPreempt,
        message: "Postcopy preempt not compatible with compress",
        explanation: "Preempt relies on urgent pages going out on their own channel in order; "
            + "the old compression threads shuffle pages across threads and break that "
            + "assumption."
    ) { configuration, _ in configuration.isOn(.postcopyPreempt) && configuration.isOn(.compress) }

    static let preemptBeforeIncoming = Rule(
        .postcopyPreemptBeforeIncoming, .capabilities, "K12",
        subjects: [.item(.postcopyPreempt), .host(.incoming)], trigger: .postcopyPreempt,
        message: "Postcopy preempt must be set before incoming starts",
        explanation: "Preempt adds a channel, and the destination sizes its listen() backlog "
            + "from the channels it expects when its incoming side starts "
            + "(qemu_start_incoming_migration; commit 82137e6c). Start the destination with "
            + "-incoming defer and set the capability before migrate-incoming. From 10.1 only "
            + "turning it on late is refused; setting it again while on is accepted (17bec923).",
        versions: .since(.v8_1)
    ) { configuration, host in configuration.isOn(.postcopyPreempt) && host.incoming == .started }

    static let postcopyRules = [
        postcopyHostSupportBefore81, postcopyHostSupport, postcopyVsIgnoreShared, postcopyVsMultifd,
        preemptRequiresPostcopy, preemptVsCompress, preemptBeforeIncoming,
    ]
}
