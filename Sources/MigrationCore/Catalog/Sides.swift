/// Which of the two QEMUs of a migration a setting matters to. Set it on the wrong one and it
/// silently does nothing; set a "both" setting on one side only and the migration fails.
public enum Side: String, Hashable, Sendable {
    /// Only the sending QEMU reads it.
    case source
    /// Only the receiving QEMU reads it.
    case destination
    /// Both QEMUs must have the same value, or the migration fails.
    case both
    /// Each QEMU reads its own value for its own end, and the two need not match.
    case each

    /// How the item view and `migedit explain` name the side.
    public var label: String {
        switch self {
        case .source: return "source only"
        case .destination: return "destination only"
        case .both: return "must match on both sides"
        case .each: return "each side its own"
        }
    }
}

/// A side fact: the side, and what in QEMU makes it so, in one sentence.
public struct SideFact: Hashable, Sendable {
    public let side: Side
    public let reason: String
}

extension Item {
    /// The side the item belongs to, when migedit has checked it against QEMU's source; nil for
    /// items not yet checked (the views say so rather than guess).
    public var side: SideFact? { SideFact.facts[id] }
}

extension SideFact {
    /// The checked facts, each against QEMU's source (file named in the comment).
    static let facts: [ItemID: SideFact] = {
        var facts: [ItemID: SideFact] = [
            // docs/devel/migration/postcopy.rst: "issue this command on the monitor (both source
            // and destination)".
            .postcopyRam: SideFact(side: .both, reason:
                "the destination must be ready to fault pages in and request them from the source"),
            // docs/devel/migration/mapped-ram.rst: "On both source and destination, enable the
            // multifd and mapped-ram capabilities".
            .multifd: SideFact(side: .both, reason:
                "the destination must accept the extra channels and read multifd packets"),
            .mappedRam: SideFact(side: .both, reason:
                "the destination must read pages from their fixed offsets in the file"),
            // migration/multifd-*.c: each method's receive refuses packets whose method flag is
            // not its own ("flags received %x flags expected %x").
            .multifdCompression: SideFact(side: .both, reason:
                "the destination decompresses with its own method and refuses packets of another"),
            // migration/migration.h: "only makes sense when set on the machine that is the
            // destination of a multifd migration with TLS enabled".
            .multifdCleanTlsTermination: SideFact(side: .destination, reason:
                "the receiving side decides whether a TLS channel closed without a clean end is an error"),
        ]
        // migration/migration.c and savevm.c: the incoming side calls qemu_announce_self with
        // migrate_announce_params() once the guest runs there.
        for id in [ItemID.announceInitial, .announceMax, .announceRounds, .announceStep] {
            facts[id] = SideFact(side: .destination, reason:
                "the destination sends the announcements once the guest runs there")
        }
        // Capabilities. Each getter in migration/options.c; the callers named are in QEMU 9.0.
        let capabilities: [ItemID: SideFact] = [
            // migration/ram.c: only the save path (find_dirty_block, xbzrle_init) reads it;
            // ram_load_precopy decodes XBZRLE pages whatever the destination has set.
            .xbzrle: SideFact(side: .source, reason:
                "only the source encodes pages; the destination decodes them whatever it has set"),
            // migration/rdma.c rdma_start_outgoing_migration: passed to qemu_rdma_source_init.
            .rdmaPinAll: SideFact(side: .source, reason:
                "the source pins its memory when it starts the RDMA connection"),
            // migration/ram.c migration_trigger_throttle, called from migration_bitmap_sync.
            .autoConverge: SideFact(side: .source, reason:
                "the source slows the guest's CPUs down while it sends"),
            // migration/block.c init_blk_migration: the save side only.
            .zeroBlocks: SideFact(side: .source, reason:
                "the source decides whether to skip zero blocks when it sends disks"),
            // migration/ram.c ram_load_precopy: without it the destination refuses compressed
            // pages; ram-compress.c compress_threads_load_setup starts the decompress threads.
            .compress: SideFact(side: .both, reason:
                "the destination refuses compressed pages unless it has compress set too"),
            // migration/migration.c migration_incoming_enable_colo: the secondary refuses the
            // COLO command unless x-colo is set; migration_thread starts COLO on the primary.
            .xColo: SideFact(side: .both, reason:
                "the secondary refuses to enter COLO unless it has x-colo set too"),
            // migration/ram.c ram_release_page, save_normal_page; migration.c postcopy_start.
            .releaseRam: SideFact(side: .source, reason:
                "the source frees the pages it has sent"),
            // migration/block.c block_is_active and savevm.c qemu_savevm_state: save side only.
            .block: SideFact(side: .source, reason:
                "the source decides whether to send disk contents in the stream"),
            // migration/migration.c migration_maybe_pause and postcopy_start: the outgoing side.
            .pauseBeforeSwitchover: SideFact(side: .source, reason:
                "the source pauses before it sends the final device state"),
            // migration/postcopy-ram.c ufd_check_and_apply: the incoming side.
            .postcopyBlocktime: SideFact(side: .destination, reason:
                "the destination measures how long its vCPUs wait for pages"),
            // migration/migration.c process_incoming_migration_bh.
            .lateBlockActivate: SideFact(side: .destination, reason:
                "the destination decides when to activate its disks"),
            // migration/ram.c ram_save_setup writes each block's address when it is set and
            // parse_ramblock reads one when it is set, so a mismatch breaks the stream.
            .xIgnoreShared: SideFact(side: .both, reason:
                "the stream carries extra block addresses that the destination must expect"),
            // migration/savevm.c vmstate_uuid_needed: the source decides to send its UUID; the
            // destination checks any UUID it receives.
            .validateUuid: SideFact(side: .source, reason:
                "the source decides to send its UUID; the destination checks any it receives"),
            // migration/migration.c migrate_fd_connect and migration_in_bg_snapshot; ram.c
            // poll_fault_page: the QEMU that saves the snapshot.
            .backgroundSnapshot: SideFact(side: .source, reason:
                "only the QEMU saving the snapshot uses it"),
            // migration/multifd.c nocomp_send_setup, multifd_send_sync_main; socket.c
            // socket_outgoing_migration.
            .zeroCopySend: SideFact(side: .source, reason:
                "it changes how the source sends pages"),
            // migration/socket.c socket_start_incoming_migration and migration.c
            // migration_has_all_channels: the destination waits for the extra channel.
            .postcopyPreempt: SideFact(side: .both, reason:
                "the destination must expect the extra postcopy channel"),
            // migration/migration.c migration_can_switchover waits for the ACK; savevm.c
            // qemu_loadvm_state sets up the destination to send it.
            .switchoverAck: SideFact(side: .both, reason:
                "the source waits for an ACK that only a destination with it set will send"),
            // migration/ram.c migration_trigger_throttle and migration_dirty_limit_guest.
            .dirtyLimit: SideFact(side: .source, reason:
                "the source limits the guest's vCPUs while it sends"),
        ]
        // Parameters.
        let parameters: [ItemID: SideFact] = [
            // migration/ram-compress.c compress_threads_save_setup and
            // compress_page_with_multi_thread.
            .compressThreads: SideFact(side: .source, reason:
                "the source starts this many compress threads"),
            // migration/ram-compress.c compress_threads_load_setup and
            // decompress_data_with_multi_threads.
            .decompressThreads: SideFact(side: .destination, reason:
                "the destination starts this many decompress threads"),
            // migration/ram-compress.c compress_page_with_multi_thread.
            .compressWaitThread: SideFact(side: .source, reason:
                "the source decides whether to wait for a free compress thread"),
            // migration/ram.c migration_trigger_throttle.
            .throttleTriggerThreshold: SideFact(side: .source, reason:
                "the source decides when to start throttling the guest"),
            // migration/tls.c migration_tls_get_creds, for the client and the server alike.
            // qapi/migration.json: client credentials outgoing, server credentials incoming.
            .tlsCreds: SideFact(side: .both, reason:
                "both sides must use TLS, the source as client and the destination as server"),
            // migration/tls.c migration_tls_client_create.
            .tlsHostname: SideFact(side: .source, reason:
                "the source, as TLS client, checks the destination's certificate name"),
            // migration/tls.c migration_tls_channel_process_incoming (the TLS server).
            .tlsAuthz: SideFact(side: .destination, reason:
                "the destination, as TLS server, decides which clients may connect"),
            // migration/migration.c migrate_fd_connect sets the rate limit.
            .maxBandwidth: SideFact(side: .source, reason:
                "the source limits how fast it sends"),
            // migration/migration.c migration_update_counters.
            .availSwitchoverBandwidth: SideFact(side: .source, reason:
                "the source uses it to estimate the downtime"),
            // migration/migration.c migration_update_counters and migrate_fd_connect.
            .downtimeLimit: SideFact(side: .source, reason:
                "the source decides when the rest can be sent within this downtime"),
            // migration/colo.c colo_process_checkpoint and colo_checkpoint_notify (primary).
            .xCheckpointDelay: SideFact(side: .source, reason:
                "the primary decides when to take each COLO checkpoint"),
            // migration/block.c init_blk_migration.
            .blockIncremental: SideFact(side: .source, reason:
                "the source decides whether to send only the top disk image"),
            // migration/multifd.c multifd_recv_initial_packet refuses ids beyond its own count
            // and multifd_recv_all_channels_created waits for that many.
            .multifdChannels: SideFact(side: .both, reason:
                "the destination waits for its own number of channels and refuses extra ones"),
            // migration/ram.c xbzrle_init, called from ram_save_setup.
            .xbzrleCacheSize: SideFact(side: .source, reason:
                "the source keeps the XBZRLE cache"),
            // migration/migration.c postcopy_start and migrate_fd_connect.
            .maxPostcopyBandwidth: SideFact(side: .source, reason:
                "the source limits how fast it sends in postcopy"),
            // system/dirtylimit.c vcpu_dirty_rate_stat_collect, run for the source's dirty limit.
            .xVcpuDirtyLimitPeriod: SideFact(side: .source, reason:
                "the source measures the vCPUs' dirty rate over this period"),
            // migration/ram.c migration_dirty_limit_guest.
            .vcpuDirtyLimit: SideFact(side: .source, reason:
                "the source limits the guest's vCPUs to this dirty rate"),
            // migration/ram.c save_zero_page, ram_save_target_page; multifd-zero-page.c
            // multifd_send_zero_page_detect (QEMU 9.0).
            .zeroPageDetection: SideFact(side: .source, reason:
                "the source looks for zero pages before it sends"),
            // migration/cpr-exec.c cpr_exec_cb: the old QEMU runs the command.
            .cprExecCommand: SideFact(side: .source, reason:
                "the old QEMU runs this command to start the new one"),
        ]
        // Compat properties (fields of MigrationState, set by machine types or -global).
        let properties: [ItemID: SideFact] = [
            // migration/global_state.c global_state_needed: the source decides to send it.
            .storeGlobalState: SideFact(side: .source, reason:
                "the source decides whether to send the run state"),
            // migration/savevm.c qemu_savevm_state_header writes it and
            // qemu_loadvm_state_header requires it when set.
            .sendConfiguration: SideFact(side: .both, reason:
                "the destination expects a configuration section only when it has this set"),
            // migration/savevm.c save_section_footer writes it and check_section_footer
            // requires it when set.
            .sendSectionFooter: SideFact(side: .both, reason:
                "the destination expects section footers only when it has this set"),
            // migration/savevm.c qemu_savevm_maybe_send_switchover_start (QEMU 10.0).
            .sendSwitchoverStart: SideFact(side: .source, reason:
                "the source decides whether to send the switchover-start command"),
            // migration/ram-compress.c do_data_decompress.
            .decompressErrorCheck: SideFact(side: .destination, reason:
                "the destination decides whether a decompress error fails the migration"),
            // migration/ram.c: the save side (find_dirty_block, ram_save_setup) and the load
            // side (ram_load_precopy) both choose when multifd syncs by it.
            .multifdFlushAfterEachSection: SideFact(side: .both, reason:
                "both sides must sync the multifd channels at the same points"),
            // migration/ram.c ram_list_init_bitmaps, called when the source sets up.
            .xClearBitmapShift: SideFact(side: .source, reason:
                "the source sizes its clear bitmap with it"),
            // migration/migration.c migrate_fd_connect, migration_completion_postcopy and
            // postcopy-ram.c postcopy_preempt_establish_channel: outgoing side only.
            .xPreemptPre72: SideFact(side: .source, reason:
                "the source decides when to open the preempt channel"),
        ]
        // migration/ram.c mig_throttle_guest_down reads all four.
        for id in [ItemID.cpuThrottleInitial, .cpuThrottleIncrement, .cpuThrottleTailslow, .maxCpuThrottle] {
            facts[id] = SideFact(side: .source, reason: "the source throttles the guest's CPUs")
        }
        // The send setup of each method reads its level: migration/ram-compress.c
        // compress_threads_save_setup, multifd-zlib.c zlib_send_setup, multifd-zstd.c
        // zstd_send_setup, multifd-qatzip.c qatzip_send_setup (QEMU 9.2).
        for id in [ItemID.compressLevel, .multifdZlibLevel, .multifdZstdLevel, .multifdQatzipLevel] {
            facts[id] = SideFact(side: .source, reason: "the source compresses at this level")
        }
        facts.merge(capabilities) { old, _ in old }
        facts.merge(parameters) { old, _ in old }
        facts.merge(properties) { old, _ in old }
        // Read on both paths, each QEMU for its own end; nothing compares the two values.
        // migration/migration.c migrate_set_state → migrate_generate_event, on either side.
        facts[.events] = SideFact(side: .each, reason:
            "each QEMU sends QMP MIGRATION events about its own state when its own is on")
        // migration/block-dirty-bitmap.c: the source maps node and bitmap names to aliases, the
        // destination aliases back to its own names (check_dirty_bitmap_mig_alias_map both ways).
        facts[.blockBitmapMapping] = SideFact(side: .each, reason:
            "the source maps its names to aliases and the destination aliases to its own names")
        // migration/file.c: each side opens its own migration file with or without O_DIRECT.
        facts[.directIo] = SideFact(side: .each, reason:
            "each side opens its own migration file with or without O_DIRECT")
        return facts
    }()
}
