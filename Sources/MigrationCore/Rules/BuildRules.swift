/// Build options: the choices a build lacks (refused while QEMU parses the value, before any
/// check), and the start of `migrate_caps_check` with its build checks and deprecation warnings.
extension RuleBook {
    static let multifdCompressionNeedsBuildSupport = Rule(
        .multifdCompressionNeedsBuildSupport, .values, "V1",
        subjects: [.item(.multifdCompression), .host(.compressionMethods)], trigger: nil,
        message: "Parameter 'multifd-compression' does not accept value '",
        explanation: "zstd, qpl and uadk (from 9.1) and qatzip (from 9.2) exist only in a QEMU "
            + "built with their library (QAT and IAA/UADK need Intel or HiSilicon hardware "
            + "libraries that distributions rarely build in). A build without the method does "
            + "not know the value at all, so QEMU refuses it as it reads the -global option or "
            + "the QMP command, before any other check. Run `migedit probe` to learn what your "
            + "QEMU has.",
        detail: { configuration, _ in configuration[.multifdCompression].string + "'" }
    ) { configuration, host in
        !host.compressionMethods.accepts(choiceIndex: configuration.number(.multifdCompression))
    }

    static let zeroBlocksDeprecated = Rule(
        .zeroBlocksDeprecated, .capabilities, "W3", .warning, subjects: [.item(.zeroBlocks)], trigger: .zeroBlocks,
        message: "zero-blocks capability is deprecated",
        explanation: "zero-blocks only ever affected the old block migration, which 9.1 removed; "
            + "the capability was left behind by mistake, deprecated in 9.2 and removed in 11.0.",
        versions: .since(.v9_2)
    ) { configuration, _ in configuration.isOn(.zeroBlocks) }

    static func blockNeedsLiveBlockMigration(hint: String, versions: VersionRange) -> Rule {
        Rule(
            .blockNeedsLiveBlockMigration, .capabilities, "K1",
            subjects: [.item(.block), .host(.liveBlockMigration)], trigger: .block,
            message: "QEMU compiled without old-style (blk/-b, inc/-i) block migration",
            hint: hint,
            explanation: "Old-style block migration is an optional part of QEMU's build "
                + "(live_block_migration). A QEMU built without it cannot copy disks inside the "
                + "migration stream at all.",
            versions: versions
        ) { configuration, host in configuration.isOn(.block) && !host.liveBlockMigration }
    }

    static let blockNeedsLiveBlockMigrationBefore82 = blockNeedsLiveBlockMigration(
        hint: "Use drive_mirror+NBD instead.", versions: .until(.v8_1))

    static let blockNeedsLiveBlockMigration = blockNeedsLiveBlockMigration(
        hint: "Use blockdev-mirror with NBD instead.", versions: .since(.v8_2))

    static let blockDeprecated = Rule(
        .blockDeprecated, .capabilities, "W1", .warning, subjects: [.item(.block)], trigger: .block,
        message: "block migration is deprecated; use blockdev-mirror with NBD instead",
        explanation: "QEMU's deprecation note (docs/about/deprecated.rst, 8.2): \"Block "
            + "migration is too inflexible. It needs to migrate all block devices or none.\" "
            + "blockdev-mirror to an NBD export on the destination replaces it, disk by disk. "
            + "QEMU 9.1 removed the block capability, so a command line using it breaks on "
            + "upgrade.",
        versions: .since(.v8_2)
    ) { configuration, _ in configuration.isOn(.block) }

    static let compressDeprecated = Rule(
        .compressDeprecated, .capabilities, "W2", .warning, subjects: [.item(.compress)], trigger: .compress,
        message: "old compression method is deprecated; use multifd compression methods instead",
        explanation: "QEMU's deprecation note (docs/about/deprecated.rst, 8.2): the old "
            + "compression \"fails too much. Too many races\", and its tests were disabled "
            + "because they failed randomly. Use multifd with multifd-compression instead. "
            + "QEMU 9.1 removed the compress capability, so a command line using it breaks on "
            + "upgrade.",
        versions: .since(.v8_2)
    ) { configuration, _ in configuration.isOn(.compress) }

    static let coloNeedsReplication = Rule(
        .xColoNeedsReplication, .capabilities, "K2",
        subjects: [.item(.xColo), .host(.replication)], trigger: .xColo,
        message: "QEMU compiled without replication module can't enable COLO",
        hint: "Please enable replication before COLO.",
        explanation: "COLO keeps the secondary's disks in step through the block replication "
            + "driver; a QEMU built without it cannot run COLO."
    ) { configuration, host in configuration.isOn(.xColo) && !host.replication }

    static let buildRules = [
        zeroBlocksDeprecated, blockNeedsLiveBlockMigrationBefore82, blockNeedsLiveBlockMigration,
        blockDeprecated, compressDeprecated, coloNeedsReplication,
    ]
}
