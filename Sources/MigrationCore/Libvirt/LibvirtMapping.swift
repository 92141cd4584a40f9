/// How libvirt turns `virsh migrate` into QEMU migration capabilities and parameters, as data.
/// Read from libvirt's `src/qemu/qemu_migration_params.c` at commit
/// 895525db8121b3c691a3b2dbf835a63f12aa17e8 (`qemuMigrationParamsFlagMap`,
/// `qemuMigrationParamsTPMap`, `qemuMigrationParamsAlwaysOn`, the compression methods of
/// `qemuMigrationParamsSetCompression`, and the `events` capability `qemuMigrationCapsCheck`
/// turns on for every domain), with the option names and units of `virsh migrate`,
/// `migrate-setspeed` and `migrate-setmaxdowntime` from `docs/manpages/virsh.rst` at
/// 72e60ddf1b8c7b41fb812b9659513bb01a3bcd20. That page lacks three options this table
/// names: `--zerocopy` is in Debian 12's virsh 9.0.0 (`virsh help migrate`), and
/// `--comp-zlib-level` / `--comp-zstd-level` (libvirt 9.4.0 and later, after the typed
/// parameters `libvirt-domain.h` dates so) in a listing of a newer virsh's migrate options,
/// which has no `--reset-nvram` (a `start`/`restore` option).
public enum LibvirtMapping {
    /// The libvirt commit the tables were read at.
    public static let commit = "895525db8121b3c691a3b2dbf835a63f12aa17e8"

    /// Which QEMU of the migration libvirt sets an item on.
    public struct Parties: OptionSet, Hashable, Sendable {
        public let rawValue: Int
        public init(rawValue: Int) { self.rawValue = rawValue }
        public static let source = Parties(rawValue: 1)
        public static let destination = Parties(rawValue: 2)
        public static let both: Parties = [.source, .destination]
    }

    /// A `virsh migrate` flag that turns a capability on: when the flag is given (`required`),
    /// or, for `--tunnelled` and return-path, when it is not.
    public struct FlagCapability: Hashable, Sendable {
        public let option: String
        public let capability: ItemID
        public let parties: Parties
        /// The capability is on when the flag is absent rather than present.
        public let whenAbsent: Bool
    }

    /// A `virsh migrate` option whose number becomes a parameter, multiplied by `unit`.
    public struct TypedParameter: Hashable, Sendable {
        public let option: String
        public let parameter: ItemID
        public let unit: UInt64
        public let parties: Parties
        /// What libvirt refuses the option without.
        public let needs: Requirement?
    }

    /// A feature a tuning option needs; libvirt refuses the option without it.
    public enum Requirement: Hashable, Sendable {
        case autoConverge, parallel
        case method(CompressionMethod)

        /// libvirt's message for the option given without the feature.
        public var message: String {
            switch self {
            case .autoConverge: return "Turn auto convergence on to tune it"
            case .parallel: return "Turn parallel migration on to tune it"
            case .method(.mt): return "Turn multithread compression on to tune it"
            case .method(let method): return "Turn \(method.rawValue) compression on to tune it"
            }
        }
    }

    public static let mebibyte: UInt64 = 1024 * 1024

    /// `qemuMigrationParamsFlagMap`.
    public static let flagCapabilities: [FlagCapability] = [
        FlagCapability(option: "--rdma-pin-all", capability: .rdmaPinAll, parties: .both, whenAbsent: false),
        FlagCapability(option: "--auto-converge", capability: .autoConverge, parties: .source, whenAbsent: false),
        FlagCapability(option: "--postcopy", capability: .postcopyRam, parties: .both, whenAbsent: false),
        FlagCapability(option: "--parallel", capability: .multifd, parties: .both, whenAbsent: false),
        FlagCapability(option: "--tunnelled", capability: .returnPath, parties: .both, whenAbsent: true),
        FlagCapability(option: "--zerocopy", capability: .zeroCopySend, parties: .source, whenAbsent: false),
    ]

    /// `qemuMigrationParamsTPMap` (tls-hostname, from `--tls-destination`, is a string: see
    /// `VirshMigration`), with the checks of `qemuMigrationParamsFromFlags` and
    /// `qemuMigrationParamsSetCompression` that refuse an option without its feature.
    public static let typedParameters: [TypedParameter] = [
        TypedParameter(option: "--auto-converge-initial", parameter: .cpuThrottleInitial, unit: 1, parties: .source,
                       needs: .autoConverge),
        TypedParameter(option: "--auto-converge-increment", parameter: .cpuThrottleIncrement, unit: 1, parties: .source,
                       needs: .autoConverge),
        TypedParameter(option: "--comp-mt-level", parameter: .compressLevel, unit: 1, parties: .both,
                       needs: .method(.mt)),
        TypedParameter(option: "--comp-mt-threads", parameter: .compressThreads, unit: 1, parties: .both,
                       needs: .method(.mt)),
        TypedParameter(option: "--comp-mt-dthreads", parameter: .decompressThreads, unit: 1, parties: .both,
                       needs: .method(.mt)),
        TypedParameter(option: "--comp-xbzrle-cache", parameter: .xbzrleCacheSize, unit: 1, parties: .both,
                       needs: .method(.xbzrle)),
        TypedParameter(option: "--postcopy-bandwidth", parameter: .maxPostcopyBandwidth, unit: mebibyte, parties: .both,
                       needs: nil),
        TypedParameter(option: "--parallel-connections", parameter: .multifdChannels, unit: 1, parties: .both,
                       needs: .parallel),
        TypedParameter(option: "--comp-zlib-level", parameter: .multifdZlibLevel, unit: 1, parties: .both,
                       needs: .method(.zlib)),
        TypedParameter(option: "--comp-zstd-level", parameter: .multifdZstdLevel, unit: 1, parties: .both,
                       needs: .method(.zstd)),
    ]

    /// `qemuMigrationParamsAlwaysOn`: on whenever QEMU has them (and, for both sides, the
    /// other side too), whatever the flags.
    public static let alwaysOn: [(capability: ItemID, parties: Parties)] = [
        (.pauseBeforeSwitchover, .source),
        (.lateBlockActivate, .destination),
    ]

    /// `--tls`: libvirt creates its own TLS credentials object, `obj` + `libvirt_migrate` +
    /// `_tls0` (qemuAliasTLSObjFromSrcAlias), and names it in tls-creds.
    public static let tlsCredentials = "objlibvirt_migrate_tls0"

    /// The compression methods `--comp-methods` takes, in libvirt's order.
    public enum CompressionMethod: String, CaseIterable, Hashable, Sendable {
        case xbzrle, mt, zlib, zstd

        /// The order libvirt checks that a method's tuning options come with the method.
        public static let tuningOrder: [CompressionMethod] = [.mt, .xbzrle, .zlib, .zstd]

        /// Whether it runs over `--parallel` connections (multifd) rather than the main one.
        public var isParallel: Bool { self == .zlib || self == .zstd }
    }
}
