import MigrationCore
import Testing

/// libvirt's tables as read in `src/qemu/qemu_migration_params.c` at commit
/// 895525db8121b3c691a3b2dbf835a63f12aa17e8, in libvirt's own names, with the virsh option of
/// each flag and typed parameter (`docs/manpages/virsh.rst` at 72e60ddf); the tests check that
/// `LibvirtMapping` says the same.
enum LibvirtSource {
    static let commit = "895525db8121b3c691a3b2dbf835a63f12aa17e8"

    /// qemuMigrationParamsFlagMap: match, flag, capability (qemuMigrationCapability's string),
    /// parties; then the virsh option of the flag.
    static let flagMap: [(match: String, flag: String, capability: String, parties: String, option: String)] = [
        ("REQUIRED", "VIR_MIGRATE_RDMA_PIN_ALL", "rdma-pin-all", "SOURCE|DESTINATION", "--rdma-pin-all"),
        ("REQUIRED", "VIR_MIGRATE_AUTO_CONVERGE", "auto-converge", "SOURCE", "--auto-converge"),
        ("REQUIRED", "VIR_MIGRATE_POSTCOPY", "postcopy-ram", "SOURCE|DESTINATION", "--postcopy"),
        ("REQUIRED", "VIR_MIGRATE_PARALLEL", "multifd", "SOURCE|DESTINATION", "--parallel"),
        ("FORBIDDEN", "VIR_MIGRATE_TUNNELLED", "return-path", "SOURCE|DESTINATION", "--tunnelled"),
        ("REQUIRED", "VIR_MIGRATE_ZEROCOPY", "zero-copy-send", "SOURCE", "--zerocopy"),
    ]

    /// qemuMigrationParamsTPMap: typed parameter, unit (0: none), parameter
    /// (qemuMigrationParam's string), parties; then the virsh option.
    static let typedParameterMap: [(typed: String, unit: UInt64, parameter: String, parties: String, option: String)] = [
        ("VIR_MIGRATE_PARAM_AUTO_CONVERGE_INITIAL", 0, "cpu-throttle-initial", "SOURCE", "--auto-converge-initial"),
        ("VIR_MIGRATE_PARAM_AUTO_CONVERGE_INCREMENT", 0, "cpu-throttle-increment", "SOURCE", "--auto-converge-increment"),
        ("VIR_MIGRATE_PARAM_COMPRESSION_MT_LEVEL", 0, "compress-level", "SOURCE|DESTINATION", "--comp-mt-level"),
        ("VIR_MIGRATE_PARAM_COMPRESSION_MT_THREADS", 0, "compress-threads", "SOURCE|DESTINATION", "--comp-mt-threads"),
        ("VIR_MIGRATE_PARAM_COMPRESSION_MT_DTHREADS", 0, "decompress-threads", "SOURCE|DESTINATION", "--comp-mt-dthreads"),
        ("VIR_MIGRATE_PARAM_COMPRESSION_XBZRLE_CACHE", 0, "xbzrle-cache-size", "SOURCE|DESTINATION", "--comp-xbzrle-cache"),
        ("VIR_MIGRATE_PARAM_BANDWIDTH_POSTCOPY", 1024 * 1024, "max-postcopy-bandwidth", "SOURCE|DESTINATION", "--postcopy-bandwidth"),
        ("VIR_MIGRATE_PARAM_PARALLEL_CONNECTIONS", 0, "multifd-channels", "SOURCE|DESTINATION", "--parallel-connections"),
        ("VIR_MIGRATE_PARAM_COMPRESSION_ZLIB_LEVEL", 0, "multifd-zlib-level", "SOURCE|DESTINATION", "--comp-zlib-level"),
        ("VIR_MIGRATE_PARAM_COMPRESSION_ZSTD_LEVEL", 0, "multifd-zstd-level", "SOURCE|DESTINATION", "--comp-zstd-level"),
        ("VIR_MIGRATE_PARAM_TLS_DESTINATION", 0, "tls-hostname", "SOURCE", "--tls-destination"),
    ]

    /// qemuMigrationParamsAlwaysOn.
    static let alwaysOn: [(capability: String, parties: String)] = [
        ("pause-before-switchover", "SOURCE"),
        ("late-block-activate", "DESTINATION"),
    ]

    /// qemuMigrationCompressMethod, in its order.
    static let compressionMethods = ["xbzrle", "mt", "zlib", "zstd"]

    static func parties(_ text: String) -> LibvirtMapping.Parties {
        var parties: LibvirtMapping.Parties = []
        if text.contains("SOURCE") { parties.insert(.source) }
        if text.contains("DESTINATION") { parties.insert(.destination) }
        return parties
    }
}

@Suite("libvirt's mapping, checked against its source")
struct LibvirtTableTests {
    @Test func theMappingNamesTheCommitItWasReadAt() {
        #expect(LibvirtMapping.commit == LibvirtSource.commit)
    }

    @Test func flagCapabilitiesAreLibvirtsFlagMap() {
        let ours = LibvirtMapping.flagCapabilities.map { "\($0.option) \($0.capability.item.name) \($0.parties.rawValue) \($0.whenAbsent)" }
        let theirs = LibvirtSource.flagMap.map {
            "\($0.option) \($0.capability) \(LibvirtSource.parties($0.parties).rawValue) \($0.match == "FORBIDDEN")"
        }
        #expect(ours == theirs)
    }

    @Test func typedParametersAreLibvirtsTPMap() {
        let ours = LibvirtMapping.typedParameters.map { "\($0.option) \($0.parameter.item.name) \($0.unit) \($0.parties.rawValue)" }
        // tls-hostname is a string, handled with --tls; the others are numbers.
        let theirs = LibvirtSource.typedParameterMap.filter { $0.parameter != "tls-hostname" }.map {
            "\($0.option) \($0.parameter) \(max($0.unit, 1)) \(LibvirtSource.parties($0.parties).rawValue)"
        }
        #expect(ours == theirs)
    }

    @Test func alwaysOnAndCompressionMethodsAreLibvirts() {
        #expect(LibvirtMapping.alwaysOn.map { "\($0.capability.item.name) \($0.parties.rawValue)" }
            == LibvirtSource.alwaysOn.map { "\($0.capability) \(LibvirtSource.parties($0.parties).rawValue)" })
        #expect(LibvirtMapping.CompressionMethod.allCases.map(\.rawValue) == LibvirtSource.compressionMethods)
    }
}
