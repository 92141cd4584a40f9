extension Catalog {
    /// The `-global migration.*` properties that are neither a capability nor a parameter.
    /// Machine types set them for compatibility with older streams; users rarely should.
    static let properties: [Item] = [
        flag(.storeGlobalState, "store-global-state", true, summary:
            "Sends the global-state section (the run state) so the destination resumes the guest "
            + "in the state it had. Off only for machine types 2.3 and older."),
        flag(.sendConfiguration, "send-configuration", true, summary:
            "Sends the configuration section so the destination can check the machine type "
            + "matches. Off only for machine types 2.3 and older."),
        flag(.sendSectionFooter, "send-section-footer", true, summary:
            "Ends each device section with a footer that catches stream corruption early. Off "
            + "only for machine types 2.3 and older."),
        flag(.sendSwitchoverStart, "send-switchover-start", true, versions: .since(.v10_0), summary:
            "Sends MIG_CMD_SWITCHOVER_START, marking in the main stream that all pre-switchover "
            + "data was sent, so the destination may process device state already received on "
            + "multifd channels (VFIO; commit 4e55cb3c). Off for machine types 9.2 and older: "
            + "QEMU 9.2 and older do not know the command."),
        flag(.decompressErrorCheck, "decompress-error-check", true, versions: .until(.v9_0), summary:
            "With the old compress capability, treat a decompression error as fatal. Off for "
            + "machine types 2.12 and older."),
        flag(.multifdFlushAfterEachSection, "multifd-flush-after-each-section", false,
            versions: .since(.v8_1), summary:
            "The pre-8.1 multifd stream: flush every channel after each RAM section. On for "
            + "machine types 8.0 and older; slower, but compatible with them."),
        flag(.multifdCleanTlsTermination, "multifd-clean-tls-termination", true,
            versions: .since(.v10_0), summary:
            "Read on the destination only: on, a multifd TLS channel that ends without a TLS "
            + "shutdown is an error; off, it is tolerated. Sources of 9.2 and older just close "
            + "the channel, so machine types 9.2 and older turn it off (commit 9b3b192f)."),
        Item(.xClearBitmapShift, "x-clear-bitmap-shift", .property, .uint8, .number(18),
            property: "x-clear-bitmap-shift", range: "6 to 31 (clamped when migration starts)",
            summary:
            "Dirty-bitmap clearing works on chunks of (page size << N). Smaller chunks clear "
            + "more precisely but cost more calls.", unstable: true),
        flag(.xPreemptPre72, "x-preempt-pre-7-2", false, versions: .since(.v8_0), summary:
            "Set up the postcopy-preempt channel as QEMU 7.2 and older did. On for machine types "
            + "7.2 and older."),
        flag(.xPostcopyPreemptBreakHuge, "x-postcopy-preempt-break-huge", true,
            versions: VersionRange(.v7_2, through: .v7_2), summary:
            "QEMU 7.2 only: let postcopy preempt interrupt a huge page being sent."),
    ]

    private static func flag(
        _ id: ItemID, _ name: String, _ defaultValue: Bool, versions: VersionRange = .all, summary: String
    ) -> Item {
        Item(id, name, .property, .bool, .bool(defaultValue), property: name, summary: summary, versions: versions)
    }
}
