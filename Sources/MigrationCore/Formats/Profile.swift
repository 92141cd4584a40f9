/// Why an import or a profile was refused: one line that names what was wrong and where.
public struct ImportError: Error, Hashable, Sendable {
    public let message: String

    public init(_ message: String) {
        self.message = message
    }
}

/// A saved migedit profile: a configuration and the host facts it was checked against. The JSON
/// holds only values that differ from their defaults, so a missing section or key means the
/// default and profiles stay short and readable.
public struct Profile: Hashable, Sendable {
    public var configuration: Configuration
    public var host: Host
    /// The QEMU release the profile targets.
    public var version: QEMUVersion

    public init(configuration: Configuration = Configuration(), host: Host = .standard, version: QEMUVersion = .standard) {
        self.configuration = configuration
        self.host = host
        self.version = version
    }

    /// The profile as pretty-printed JSON with a trailing newline.
    public var json: String {
        var sections: [JSONMember] = [JSONMember(key: "qemu", value: .string(version.rawValue))]
        var facts = host.changedFacts.map(host.member)
        if let machine = host.machine { facts.append(JSONMember(key: Profile.machineKey, value: .string(machine))) }
        if !facts.isEmpty { sections.append(JSONMember(key: "host", value: .object(facts))) }
        for kind in [ItemKind.capability, .parameter, .property] {
            let members = configuration.changedItems.filter { $0.item.kind == kind }.map {
                JSONMember(key: $0.item.name, value: ValueJSON.encode(configuration[$0]))
            }
            if !members.isEmpty { sections.append(JSONMember(key: Profile.sectionName(kind), value: .object(members))) }
        }
        return JSON.object(sections).serialized(pretty: true) + "\n"
    }

    /// The host section's key for `Host.machine`, which is no fact a check reads.
    static let machineKey = "machine"

    static func sectionName(_ kind: ItemKind) -> String {
        switch kind {
        case .capability: return "capabilities"
        case .parameter: return "parameters"
        case .property: return "properties"
        }
    }

    /// Reads a profile, refusing anything it does not understand (unknown sections, names,
    /// wrongly typed values) rather than silently dropping it.
    /// `defaultVersion` is the release of a profile that names none.
    public init(json text: String, defaultVersion: QEMUVersion = .standard) throws(ImportError) {
        let document: JSON
        do {
            document = try JSON(parsing: text)
        } catch {
            throw ImportError("profile is not valid JSON: \(error.message) (line \(error.line), column \(error.column))")
        }
        try self.init(document: document, defaultVersion: defaultVersion)
    }

    /// Reads a profile already parsed as JSON (a lesson's start is one inside the lesson file).
    init(document: JSON, defaultVersion: QEMUVersion = .standard) throws(ImportError) {
        guard let sections = document.members else {
            throw ImportError("profile must be a JSON object with qemu, host, capabilities, parameters and properties")
        }
        self.init(version: defaultVersion)
        if let named = document["qemu"] {
            if case .number(let literal) = named {
                throw ImportError("profile: qemu is the number \(literal); write the release as a string, e.g. \"\(literal)\"")
            }
            guard let text = named.stringValue, let version = QEMUVersion(rawValue: text) else {
                throw ImportError("profile is for QEMU \(named.serialized()); known versions: \(QEMUVersion.list)")
            }
            self.version = version
        }
        if let host = document["host"] {
            try readHost(host)
            try checkMachine()
            configuration = machineDefaults
        }
        for section in sections {
            switch section.key {
            case "qemu", "host":
                continue
            case "capabilities", "parameters", "properties":
                try readItems(section.value, section: section.key)
            default:
                throw ImportError("profile has an unknown section '\(section.key)' (expected qemu, host, capabilities, parameters, properties)")
            }
        }
    }

    private mutating func readHost(_ json: JSON) throws(ImportError) {
        guard let members = json.members else { throw ImportError("profile: host must be an object") }
        for member in members {
            if member.key == Profile.machineKey {
                guard let machine = member.value.stringValue, !machine.isEmpty else {
                    throw ImportError("profile: host machine must be a machine type string, got \(member.value.serialized())")
                }
                host.machine = machine
                continue
            }
            guard let fact = HostFact(rawValue: member.key) else {
                let known = (HostFact.allCases.map(\.rawValue) + [Profile.machineKey]).joined(separator: ", ")
                throw ImportError("profile: unknown host fact '\(member.key)' (known: \(known))")
            }
            let text: String
            switch member.value {
            case .string(let string): text = string
            case .number(let literal): text = literal
            case .bool(let flag): text = flag ? "on" : "off"
            default: throw ImportError("profile: host fact \(fact.rawValue) must be a string, got \(member.value.serialized())")
            }
            do {
                try host.set(fact, to: text)
            } catch {
                throw ImportError("profile: " + error.message)
            }
        }
    }

    private mutating func readItems(_ json: JSON, section: String) throws(ImportError) {
        guard let members = json.members else { throw ImportError("profile: \(section) must be an object") }
        for member in members {
            let catalog = Catalog.for(version)
            guard let item = catalog.item(named: member.key) else {
                if let absence = catalog.absence(of: member.key) { throw ImportError("profile: \(absence)") }
                throw ImportError("profile: unknown \(section) entry '\(member.key)'" + Importer.didYouMean(member.key, in: version))
            }
            guard Profile.sectionName(item.kind) == section else {
                throw ImportError("profile: '\(member.key)' belongs in \(Profile.sectionName(item.kind)), not \(section)")
            }
            configuration[item.id] = try ValueJSON.decode(member.value, for: item, context: "profile", version: version)
        }
    }
}

extension Profile {
    /// The profile as `version` would hold it, as the editor's version picker and a lesson's
    /// release step make it: the values that release lacks (settings, or choices) go back to
    /// their defaults, and `lost` names them. Unchanged settings take the machine type's
    /// defaults on that release; a machine type the release lacks is dropped, so the profile
    /// stays one that release can open.
    public func moved(to version: QEMUVersion) -> (document: Profile, lost: [ItemID]) {
        let lost = configuration.valuesLost(movingTo: version)
        var moved = self
        for id in lost { moved.configuration.reset(id) }
        moved.version = version
        if let name = moved.host.machine, name != Profile.noMachine, moved.machineType == nil { moved.host.machine = nil }
        moved.configuration.rebase(onto: moved.machineDefaults)
        return (moved, lost)
    }
}
