/// Facts about the host and the QEMU build that some of QEMU's checks consult. They cannot be
/// read from a configuration, so the user states them; the defaults describe a typical Linux
/// KVM host running a distribution's QEMU without `-incoming`.
public struct Host: Hashable, Sendable {
    public enum OS: String, Hashable, Sendable, CaseIterable { case linux, other }
    /// What `migrate_query_write_tracking` would find (userfaultfd write-protect support).
    public enum WriteTracking: String, Hashable, Sendable, CaseIterable {
        case absent, available, compatible
    }
    /// Whether QEMU was started with `-incoming`, and whether the incoming transport is up.
    public enum Incoming: String, Hashable, Sendable, CaseIterable { case no, pending, started }

    public var os: OS = .linux
    public var kvm = true
    public var dirtyRing = false
    public var writeTracking: WriteTracking = .compatible
    public var postcopySupport = true
    public var replication = true
    public var liveBlockMigration = true
    public var pageSize: UInt64 = 4096
    public var incoming: Incoming = .no
    /// The optional multifd compression methods the QEMU build has (zstd by default, as Debian,
    /// Ubuntu and Fedora build it); `none` and `zlib` are always there.
    public var compressionMethods: CompressionMethods = .zstd
    /// The `-machine` type QEMU is started with (`pc-q35-9.0`), when a profile knows it: no
    /// check reads it, but a machine type's compat defaults will, so imports keep it.
    public var machine: String?

    public init() {}

    /// The default host.
    public static let standard = Host()
}

/// A named host fact, as typed on the command line (`--host kvm=off`) and shown in the editor.
public enum HostFact: String, CaseIterable, Hashable, Sendable {
    case os
    case kvm
    case dirtyRing = "dirty-ring"
    case writeTracking = "write-tracking"
    case postcopySupport = "postcopy-support"
    case replication
    case liveBlockMigration = "live-block-migration"
    case pageSize = "page-size"
    case incoming
    case compressionMethods = "compression-methods"

    /// The values the fact takes, for messages and for cycling in the editor; nil for page-size.
    public var choices: [String]? {
        switch self {
        case .os: return Host.OS.allCases.map(\.rawValue)
        case .writeTracking: return Host.WriteTracking.allCases.map(\.rawValue)
        case .incoming: return Host.Incoming.allCases.map(\.rawValue)
        case .pageSize, .compressionMethods: return nil
        default: return ["on", "off"]
        }
    }

    /// How a fact without a fixed list of choices is written, for help and `explain`.
    public var valueSyntax: String {
        switch self {
        case .pageSize: return "a power of two in bytes"
        case .compressionMethods: return "a comma-separated list of " + CompressionMethods.names.joined(separator: ", ") + ", or none"
        default: return choices?.joined(separator: "|") ?? ""
        }
    }

    /// What the fact stands for, for the editor's detail pane and `explain`.
    public var summary: String {
        switch self {
        case .os:
            return "The host OS QEMU runs on: zero-copy-send exists only on Linux. From 9.1 it also "
                + "stands for O_DIRECT, which direct-io needs: other is right for macOS and "
                + "Windows, but the BSDs have O_DIRECT, which migedit does not model."
        case .kvm: return "QEMU runs with the KVM accelerator (dirty-limit needs it)."
        case .dirtyRing:
            return "KVM's dirty ring is on (-accel kvm,dirty-ring-size=N); dirty-limit needs it."
        case .writeTracking:
            return "userfaultfd write-protect: absent from the kernel, available but not usable "
                + "with this guest's memory, or compatible. background-snapshot needs compatible."
        case .postcopySupport:
            return "The destination kernel supports userfaultfd as postcopy needs; QEMU checks "
                + "it when postcopy-ram is set on a QEMU started with -incoming."
        case .replication: return "QEMU was built with the replication module (COLO needs it)."
        case .liveBlockMigration:
            return "QEMU was built with live block migration (the block capability needs it)."
        case .pageSize:
            return "The target page size in bytes: the guest architecture's (4096 for x86), "
                + "not the host kernel's (an x86 guest emulated on a 64 KiB-page host still has "
                + "4096). xbzrle-cache-size must be at least this."
        case .incoming:
            return "no: a source QEMU; pending: started with -incoming; started: the incoming "
                + "transport is already set up (as when capabilities are set late over QMP)."
        case .compressionMethods:
            return "The optional multifd compression methods QEMU was built with, comma-separated "
                + "(zstd, qatzip, qpl, uadk), or none; none and zlib are always built in. A build "
                + "without a method refuses it as a value of multifd-compression. `migedit probe` "
                + "reads it from a real QEMU."
        }
    }
}

/// Why a host fact assignment was refused.
public struct HostFactError: Error, Hashable, Sendable {
    public let message: String
}

extension Host {
    /// The fact's current value as text (`on`, `compatible`, `4096`).
    public func value(of fact: HostFact) -> String {
        switch fact {
        case .os: return os.rawValue
        case .kvm: return kvm ? "on" : "off"
        case .dirtyRing: return dirtyRing ? "on" : "off"
        case .writeTracking: return writeTracking.rawValue
        case .postcopySupport: return postcopySupport ? "on" : "off"
        case .replication: return replication ? "on" : "off"
        case .liveBlockMigration: return liveBlockMigration ? "on" : "off"
        case .pageSize: return String(pageSize)
        case .incoming: return incoming.rawValue
        case .compressionMethods: return compressionMethods.text
        }
    }

    /// Sets a fact from text, accepting exactly the spellings `value(of:)` produces.
    public mutating func set(_ fact: HostFact, to text: String) throws(HostFactError) {
        func flag() throws(HostFactError) -> Bool {
            switch text {
            case "on": return true
            case "off": return false
            default: throw HostFactError(message: "host fact \(fact.rawValue): expects on|off, got '\(text)'")
            }
        }
        func choice<T: RawRepresentable>(_: T.Type) throws(HostFactError) -> T where T.RawValue == String {
            guard let value = T(rawValue: text) else {
                let options = fact.choices?.joined(separator: "|") ?? ""
                throw HostFactError(message: "host fact \(fact.rawValue): expects \(options), got '\(text)'")
            }
            return value
        }
        switch fact {
        case .os: os = try choice(OS.self)
        case .kvm: kvm = try flag()
        case .dirtyRing: dirtyRing = try flag()
        case .writeTracking: writeTracking = try choice(WriteTracking.self)
        case .postcopySupport: postcopySupport = try flag()
        case .replication: replication = try flag()
        case .liveBlockMigration: liveBlockMigration = try flag()
        case .pageSize:
            guard let size = UInt64(text), size >= 512, size & (size - 1) == 0 else {
                throw HostFactError(
                    message: "host fact page-size: expects a power of two of at least 512 bytes, got '\(text)'")
            }
            pageSize = size
        case .incoming: incoming = try choice(Incoming.self)
        case .compressionMethods:
            guard let methods = CompressionMethods(text: text) else {
                throw HostFactError(
                    message: "host fact compression-methods: expects a comma-separated list of "
                        + CompressionMethods.names.joined(separator: ", ") + ", or none; got '\(text)'")
            }
            compressionMethods = methods
        }
    }

    /// The facts that differ from the default host, in declaration order.
    public var changedFacts: [HostFact] {
        HostFact.allCases.filter { value(of: $0) != Host.standard.value(of: $0) }
    }
}
