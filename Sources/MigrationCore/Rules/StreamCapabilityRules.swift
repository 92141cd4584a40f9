/// The remaining checks of `migrate_caps_check` (K9–K22 minus postcopy's), in QEMU's order.
extension RuleBook {
    static let zeroCopyCapabilities = Rule(
        .zeroCopySendNeedsPlainMultifd, .capabilities, "K9",
        subjects: [
            .item(.zeroCopySend), .item(.multifd), .item(.compress), .item(.xbzrle),
            .item(.multifdCompression), .item(.tlsCreds), .host(.os),
        ], trigger: .zeroCopySend,
        message: "Zero copy only available for non-compressed non-TLS multifd migration",
        explanation: "Zero-copy is implemented only for multifd's sockets, and only when pages "
            + "go out exactly as they sit in guest memory: xbzrle deltas, old or multifd "
            + "compression and TLS encryption all create new bytes that must be copied anyway.",
        requires: [.zeroCopySend],
        narrow: { configuration, _ in
            var culprits: [Subject] = [.item(.zeroCopySend)]
            if !configuration.isOn(.multifd) { culprits.append(.item(.multifd)) }
            if configuration.isOn(.compress) { culprits.append(.item(.compress)) }
            if configuration.isOn(.xbzrle) { culprits.append(.item(.xbzrle)) }
            return culprits + compressionOrTLS(configuration)
        }
    ) { configuration, host in
        host.os == .linux && configuration.isOn(.zeroCopySend)
            && (!configuration.isOn(.multifd) || configuration.isOn(.compress)
                || configuration.isOn(.xbzrle) || usesCompressionOrTLS(configuration))
    }

    static let zeroCopyNeedsLinux = Rule(
        .zeroCopySendNeedsLinux, .capabilities, "K9′",
        subjects: [.item(.zeroCopySend), .host(.os)], trigger: .zeroCopySend,
        message: "Zero copy currently only available on Linux",
        explanation: "Zero-copy uses Linux's MSG_ZEROCOPY socket flag; other hosts have no such "
            + "facility (and their QEMU has no x-zero-copy-send property)."
    ) { configuration, host in host.os != .linux && configuration.isOn(.zeroCopySend) }

    static let multifdVsCompress = Rule(
        .multifdVsCompress, .capabilities, "K13", subjects: [.item(.multifd), .item(.compress)], trigger: .multifd,
        message: "Multifd is not compatible with compress",
        explanation: "They are two different page pipelines: the old compression threads feed "
            + "the main stream, multifd feeds its own channels. Use multifd-compression to "
            + "compress multifd traffic."
    ) { configuration, _ in configuration.isOn(.multifd) && configuration.isOn(.compress) }

    static let multifdBeforeIncoming = Rule(
        .multifdBeforeIncoming, .capabilities, "K14", subjects: [.item(.multifd), .host(.incoming)], trigger: .multifd,
        message: "Multifd must be set before incoming starts",
        explanation: "The destination sizes its listen() backlog from multifd-channels when its "
            + "incoming side starts (qemu_start_incoming_migration; commit 82137e6c), so "
            + "enabling multifd afterwards leaves the extra connections unplanned for. Start the "
            + "destination with -incoming defer and set multifd and multifd-channels before "
            + "migrate-incoming. From 10.1 only turning it on late is refused (17bec923).",
        versions: .since(.v8_1)
    ) { configuration, host in configuration.isOn(.multifd) && host.incoming == .started }

    static let switchoverAckNeedsReturnPath = Rule(
        .switchoverAckRequiresReturnPath, .capabilities, "K15",
        subjects: [.item(.switchoverAck), .item(.returnPath)], trigger: .switchoverAck,
        message: "Capability 'switchover-ack' requires capability 'return-path'",
        explanation: "The destination's acknowledgement travels back to the source over the "
            + "return path; without it the source would wait forever."
    ) { configuration, _ in configuration.isOn(.switchoverAck) && !configuration.isOn(.returnPath) }

    static let dirtyLimitVsAutoConverge = Rule(
        .dirtyLimitVsAutoConverge, .capabilities, "K16",
        subjects: [.item(.dirtyLimit), .item(.autoConverge)], trigger: .dirtyLimit,
        message: "dirty-limit conflicts with auto-converge either of then available currently",
        explanation: "Both slow the guest down so migration converges, by different means "
            + "(per-vCPU dirty-rate limits versus whole-vCPU sleeps); run together they would "
            + "fight over the same vCPUs. (The garbled message is QEMU's own.)"
    ) { configuration, _ in configuration.isOn(.dirtyLimit) && configuration.isOn(.autoConverge) }

    static let dirtyLimitNeedsDirtyRing = Rule(
        .dirtyLimitRequiresKvmDirtyRing, .capabilities, "K17",
        subjects: [.item(.dirtyLimit), .host(.kvm), .host(.dirtyRing)], trigger: .dirtyLimit,
        message: "dirty-limit requires KVM with accelerator property 'dirty-ring-size' set",
        explanation: "Per-vCPU dirty rates come from KVM's dirty ring, which only exists with "
            + "-accel kvm,dirty-ring-size=N.",
        narrow: { _, host in
            [.item(.dirtyLimit)] + (host.kvm ? [] : [.host(.kvm)]) + (host.dirtyRing ? [] : [.host(.dirtyRing)])
        }
    ) { configuration, host in configuration.isOn(.dirtyLimit) && !(host.kvm && host.dirtyRing) }

    static let multifdVsXbzrle = Rule(
        .multifdVsXbzrle, .capabilities, "K18", subjects: [.item(.multifd), .item(.xbzrle)], trigger: .multifd,
        message: "Multifd is not compatible with xbzrle",
        explanation: "multifd sends whole pages on parallel channels; xbzrle's deltas need the "
            + "single main stream and its cache of what was sent before. Before 8.2 QEMU "
            + "accepted the pair and silently ignored xbzrle, since multifd pages bypass it; "
            + "commit d869f629 (8.2) made it an error.",
        versions: .since(.v8_2)
    ) { configuration, _ in configuration.isOn(.multifd) && configuration.isOn(.xbzrle) }

    static let compressVsXbzrle = Rule(
        .compressVsXbzrle, .capabilities, "K19", subjects: [.item(.compress), .item(.xbzrle)], trigger: .compress,
        message: "Compression is not compatible with xbzrle",
        explanation: "The two never worked on the same page: before 8.2 QEMU accepted both, "
            + "compressed only the first pass over RAM and then left the pages to xbzrle (ram.c "
            + "save_page_use_compression: \"If xbzrle is enabled... stop using the data "
            + "compression\"). Commit 0e195629 (8.2) made the pair an error while the old "
            + "compression was being deprecated, and gives no further reason. Pick one of them.",
        versions: .since(.v8_2)
    ) { configuration, _ in configuration.isOn(.compress) && configuration.isOn(.xbzrle) }

    static let mappedRamVsXbzrle = Rule(
        .mappedRamVsXbzrle, .capabilities, "K20", subjects: [.item(.mappedRam), .item(.xbzrle)], trigger: .mappedRam,
        message: "Mapped-ram migration is incompatible with xbzrle",
        explanation: "mapped-ram stores each page whole at its own offset in a file; a delta "
            + "against an earlier copy has no place in that layout."
    ) { configuration, _ in configuration.isOn(.mappedRam) && configuration.isOn(.xbzrle) }

    static let mappedRamVsCompress = Rule(
        .mappedRamVsCompress, .capabilities, "K21", subjects: [.item(.mappedRam), .item(.compress)], trigger: .mappedRam,
        message: "Mapped-ram migration is incompatible with compression",
        explanation: "Compressed pages have variable sizes, but mapped-ram gives every page a "
            + "fixed-size slot in the file."
    ) { configuration, _ in configuration.isOn(.mappedRam) && configuration.isOn(.compress) }

    static let mappedRamVsPostcopy = Rule(
        .mappedRamVsPostcopyRam, .capabilities, "K22",
        subjects: [.item(.mappedRam), .item(.postcopyRam)], trigger: .mappedRam,
        message: "Mapped-ram migration is incompatible with postcopy",
        explanation: "mapped-ram writes to a file that nobody reads while it is written; "
            + "postcopy needs a live destination to request pages."
    ) { configuration, _ in configuration.isOn(.mappedRam) && configuration.isOn(.postcopyRam) }

    static let streamRules = [
        zeroCopyCapabilities, zeroCopyNeedsLinux, multifdVsCompress, multifdBeforeIncoming,
        switchoverAckNeedsReturnPath, dirtyLimitVsAutoConverge, dirtyLimitNeedsDirtyRing, multifdVsXbzrle,
        compressVsXbzrle, mappedRamVsXbzrle, mappedRamVsCompress, mappedRamVsPostcopy,
    ]
}
