/// What `virsh migrate` command lines ask libvirt for: the flags and numbers of `virsh migrate`,
/// and the `migrate-setspeed`, `migrate-setmaxdowntime` and `migrate-compcache` commands that
/// tune a migration while it runs. `LibvirtMapping` says what libvirt makes of them.
public struct VirshMigration: Hashable, Sendable {
    /// The flags given (`--parallel`), as written.
    public var flags: Set<String> = []
    /// The numeric options given (`--parallel-connections`: 4), in their virsh units; the
    /// bandwidths in MiB/s, `--comp-xbzrle-cache` in bytes.
    public var numbers: [String: UInt64] = [:]
    /// `--comp-methods`, in the order given.
    public var methods: [LibvirtMapping.CompressionMethod] = []
    /// `--tls-destination`.
    public var tlsDestination: String?
    /// `migrate-setmaxdowntime DOMAIN MS`.
    public var downtime: UInt64?
    /// `migrate-compcache DOMAIN --size BYTES`.
    public var cacheSize: UInt64?

    public init() {}

    /// `--bandwidth` and `migrate-setspeed`, in MiB/s.
    static let bandwidth = "--bandwidth"

    /// The `virsh migrate` flags libvirt maps to migration settings.
    static let settingFlags: Set<String> = Set(LibvirtMapping.flagCapabilities.map(\.option) + ["--compressed", "--tls"])

    /// Flags of `virsh migrate` that choose how and where to migrate but set no migration
    /// capability or parameter.
    static let otherFlags: Set<String> = [
        "--live", "--offline", "--direct", "--p2p", "--persistent", "--undefinesource", "--suspend",
        "--copy-storage-all", "--copy-storage-inc", "--change-protection", "--unsafe", "--verbose",
        "--abort-on-error", "--postcopy-after-precopy", "--timeout-suspend", "--timeout-postcopy",
        "--copy-storage-synchronous-writes", "--postcopy-resume",
    ]

    /// Options of `virsh migrate` that take a value but set no migration setting.
    static let otherValues: Set<String> = [
        "--domain", "--desturi", "--migrateuri", "--graphicsuri", "--listen-address", "--dname", "--timeout",
        "--xml", "--persistent-xml", "--migrate-disks", "--disks-port", "--disks-uri",
    ]

    /// virsh's own options before the command that take a value (`virsh -c URI migrate …`).
    static let virshValueOptions: Set<String> = [
        "-c", "--connect", "-d", "--debug", "-e", "--escape", "-k", "--keepalive-interval", "-K",
        "--keepalive-count", "-l", "--log",
    ]

    /// Reads `virsh migrate …` command lines (the word `virsh` starts each command; a text
    /// starting with `migrate` is one command), later ones adding to or overriding earlier ones
    /// as they would on a running migration. Refuses options virsh does not have, values that
    /// are not numbers, and commands that set nothing (one line saying which).
    public init(parsing text: String) throws(ImportError) {
        let words: [String]
        do {
            words = try ShellWords.split(text)
        } catch {
            throw ImportError("cannot split the input into words: \(error.message)")
        }
        var commands: [[String]] = []
        for word in words {
            if word == "virsh" || word.hasSuffix("/virsh") {
                commands.append([])
            } else if commands.isEmpty {
                commands.append([word])
            } else {
                commands[commands.count - 1].append(word)
            }
        }
        guard !commands.isEmpty else { throw ImportError("no virsh command found (expected virsh migrate …)") }
        for command in commands { try read(command) }
    }

    private mutating func read(_ command: [String]) throws(ImportError) {
        var index = 0
        while index < command.count, command[index].hasPrefix("-") {
            index += VirshMigration.virshValueOptions.contains(command[index]) ? 2 : 1
        }
        guard index < command.count else { throw ImportError("virsh without a command (expected virsh migrate …)") }
        let name = command[index]
        let rest = Array(command[(index + 1)...])
        switch name {
        case "migrate": try readMigrate(rest)
        case "migrate-setspeed":
            let (positional, options) = try VirshMigration.split(rest, command: name, flags: ["--postcopy"], values: ["--domain", "--bandwidth"])
            guard let text = options["--bandwidth"] ?? positional.dropFirst().first else {
                throw ImportError("virsh migrate-setspeed needs a bandwidth in MiB/s")
            }
            numbers[options["--postcopy"] != nil ? "--postcopy-bandwidth" : VirshMigration.bandwidth] = try VirshMigration.number(text, option: "bandwidth")
        case "migrate-setmaxdowntime":
            let (positional, options) = try VirshMigration.split(rest, command: name, flags: [], values: ["--domain", "--downtime"])
            guard let text = options["--downtime"] ?? positional.dropFirst().first else {
                throw ImportError("virsh migrate-setmaxdowntime needs a downtime in milliseconds")
            }
            downtime = try VirshMigration.number(text, option: "downtime")
        case "migrate-compcache":
            let (_, options) = try VirshMigration.split(rest, command: name, flags: [], values: ["--domain", "--size"])
            guard let text = options["--size"] else { throw ImportError("virsh migrate-compcache needs --size BYTES to set anything") }
            cacheSize = try VirshMigration.number(text, option: "size")
        default:
            throw ImportError("virsh \(name) sets no migration setting (expected migrate, migrate-setspeed, "
                + "migrate-setmaxdowntime or migrate-compcache)")
        }
    }

    private mutating func readMigrate(_ words: [String]) throws(ImportError) {
        let numeric = Set(LibvirtMapping.typedParameters.map(\.option) + [VirshMigration.bandwidth])
        let values = numeric.union(VirshMigration.otherValues).union(["--comp-methods", "--tls-destination"])
        let (_, options) = try VirshMigration.split(
            words, command: "migrate", flags: VirshMigration.settingFlags.union(VirshMigration.otherFlags), values: values)
        for (option, value) in options {
            if numeric.contains(option) {
                numbers[option] = try VirshMigration.number(value, option: String(option.dropFirst(2)))
            } else if option == "--comp-methods" {
                methods = []
                for name in value.split(separator: ",", omittingEmptySubsequences: false) {
                    guard let method = LibvirtMapping.CompressionMethod(rawValue: String(name)) else {
                        throw ImportError("Unsupported compression method '\(name)'")
                    }
                    guard !methods.contains(method) else { throw ImportError("Compression method '\(name)' is specified twice") }
                    methods.append(method)
                }
            } else if option == "--tls-destination" {
                tlsDestination = value
            } else if VirshMigration.settingFlags.contains(option) {
                flags.insert(option)
            }
        }
    }

    /// The command's positional words and its options (`--name value`, `--name=value`, or a
    /// flag, whose value is empty; a later one wins), refusing options it does not have.
    private static func split(
        _ words: [String], command: String, flags: Set<String>, values: Set<String>
    ) throws(ImportError) -> (positional: [String], options: [String: String]) {
        var positional: [String] = []
        var options: [String: String] = [:]
        var index = 0
        while index < words.count {
            let word = words[index]
            index += 1
            guard word.hasPrefix("--") else {
                positional.append(word)
                continue
            }
            let name = String(word.prefix { $0 != "=" })
            if flags.contains(name) {
                options[name] = ""
            } else if values.contains(name) {
                if name.count < word.count {
                    options[name] = String(word.dropFirst(name.count + 1))
                } else {
                    guard index < words.count else { throw ImportError("virsh \(command): \(name) needs a value") }
                    options[name] = words[index]
                    index += 1
                }
            } else {
                throw ImportError("virsh \(command) has no option \(name)")
            }
        }
        return (positional, options)
    }

    private static func number(_ text: String, option: String) throws(ImportError) -> UInt64 {
        guard let value = UInt64(text) else {
            throw ImportError("virsh: \(option) expects a non-negative whole number, got '\(text)'")
        }
        return value
    }
}
