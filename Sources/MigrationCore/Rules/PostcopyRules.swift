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
        explanation: "x-ignore-shared skips RAM the destination already maps, but postcopy "
            + "registers all guest RAM with userfaultfd and would wait forever for pages that "
            + "are never sent."
    ) { configuration, _ in configuration.isOn(.postcopyRam) && configuration.isOn(.xIgnoreShared) }

    static let postcopyVsMultifd = Rule(
        .postcopyRamVsMultifd, .capabilities, "K5",
        subjects: [.item(.postcopyRam), .item(.multifd)], trigger: .postcopyRam,
        message: "Postcopy is not yet compatible with multifd",
        explanation: "In 9.0 the postcopy phase serves page requests on the main channel only "
            + "and cannot coordinate with pages still in flight on the multifd channels. QEMU "
            + "10.1 lifts this by using multifd for the precopy phase only.",
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
        explanation: "Preempt opens an extra channel whose existence is agreed when the incoming "
            + "side starts listening; turning it on later would leave the two sides disagreeing.",
        versions: .since(.v8_1)
    ) { configuration, host in configuration.isOn(.postcopyPreempt) && host.incoming == .started }

    static let postcopyRules = [
        postcopyHostSupportBefore81, postcopyHostSupport, postcopyVsIgnoreShared, postcopyVsMultifd,
        preemptRequiresPostcopy, preemptVsCompress, preemptBeforeIncoming,
    ]
}
