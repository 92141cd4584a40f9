/// The inputs `migedit import` understands.
public enum ImportFormat: String, CaseIterable, Hashable, Sendable {
    /// `-global migration.PROP=VALUE` words (a fragment as `export --format global` writes it).
    case global
    /// A whole QEMU command line: `-global migration.*` options are taken, the rest ignored.
    case cmdline
    /// QMP: `query-migrate-capabilities` / `query-migrate-parameters` replies, or the
    /// `migrate-set-*` commands `export --format qmp` writes.
    case qmp
    /// A migedit profile.
    case profile
    /// `virsh migrate …` command lines (and `migrate-setspeed`, `migrate-setmaxdowntime`,
    /// `migrate-compcache`): the settings libvirt gives the source QEMU.
    case virsh
}

/// Reads configurations from QEMU's own formats. Later settings win, as they do in QEMU.
public enum Importer {
    /// Reads `text`; `version` is the release the input is for (a profile names its own), and
    /// `host` the host facts it starts from (a command line's own then win). Input that names
    /// no migration setting (and, for a command line, no host fact either) is refused: an
    /// empty profile from a wrong file would pass for "all defaults".
    public static func read(
        _ text: String, format: ImportFormat, version: QEMUVersion = .standard, host: Host = .standard
    ) throws(ImportError) -> Profile {
        let catalog = Catalog.for(version)
        var profile = Profile(host: host, version: version)
        try profile.setMachine(host.machine)
        var found: Int
        switch format {
        case .global:
            found = try globalWords(text, onlyMigration: false, into: &profile, catalog: catalog)
        case .cmdline:
            found = try globalWords(text, onlyMigration: true, into: &profile, catalog: catalog)
        case .qmp:
            found = try qmp(text, into: &profile, catalog: catalog)
        case .profile:
            return try Profile(json: text, defaultVersion: version)
        case .virsh:
            return try VirshMigration(parsing: text).sourceProfile(version: version, host: host)
        }
        guard found > 0 else { throw ImportError(nothingFound(for: format)) }
        return profile
    }

    static func nothingFound(for format: ImportFormat) -> String {
        switch format {
        case .global: return "no migration settings found (expected -global migration.PROP=VALUE words)"
        case .cmdline:
            return "no migration settings found (expected a QEMU command line with -global migration.PROP=VALUE, "
                + "-accel, -machine or -incoming)"
        case .qmp: return "no migration settings found in the QMP input"
        case .profile, .virsh: return "no migration settings found"
        }
    }

    /// Picks the format from the text: JSON with `execute` or `return` (or a bare list) is QMP,
    /// other JSON is a profile, a command starting with `virsh` is virsh, words that are all
    /// `-global` options are a fragment, and anything else is a whole command line.
    public static func detectFormat(of text: String) -> ImportFormat {
        let trimmed = text.drop { $0 == " " || $0 == "\n" || $0 == "\t" || $0 == "\r" }
        if trimmed.hasPrefix("[") { return .qmp }
        if trimmed.hasPrefix("{") {
            return text.contains("\"execute\"") || text.contains("\"return\"") ? .qmp : .profile
        }
        guard let words = try? ShellWords.split(text) else { return .global }
        if let first = words.first, first == "virsh" || first.hasSuffix("/virsh") { return .virsh }
        var expectArgument = false
        for word in words {
            if expectArgument {
                expectArgument = false
            } else if word == "-global" || word == "--global" {
                expectArgument = true
            } else if !word.hasPrefix("migration.") {
                return .cmdline
            }
        }
        return .global
    }

    static func didYouMean(_ name: String, in version: QEMUVersion) -> String {
        Catalog.for(version).suggestion(for: name).map { " (did you mean '\($0)'?)" } ?? ""
    }

    // MARK: -global words

    /// Reads `-global` words into `profile` (a command line's host facts too, when
    /// `onlyMigration` says the other words are QEMU options); returns how many were found.
    static func globalWords(
        _ text: String, onlyMigration: Bool, into profile: inout Profile, catalog: Catalog
    ) throws(ImportError) -> Int {
        let words: [String]
        do {
            words = try ShellWords.split(text)
        } catch {
            throw ImportError("cannot split the input into words: \(error.message)")
        }
        var found = 0
        var accelerator: String?
        var assignments: [(property: String, value: String)] = []
        var index = 0
        while index < words.count {
            let word = words[index]
            index += 1
            var argument: String
            if word == "-global" || word == "--global" {
                guard index < words.count else { throw ImportError("-global at the end of the input has no argument") }
                argument = words[index]
                index += 1
            } else if onlyMigration {
                let option = word.hasPrefix("--") ? String(word.dropFirst()) : word
                guard CommandLineFacts.options.contains(option) else { continue }
                let value = option == "-enable-kvm" || index >= words.count ? nil : words[index]
                if value != nil { index += 1 }
                found += CommandLineFacts.read(option, value, into: &profile.host, accelerator: &accelerator)
                continue
            } else {
                argument = word
            }
            guard let (driver, property, value) = splitGlobal(argument) else {
                throw ImportError("'\(argument)' is not of the form migration.PROP=VALUE")
            }
            guard driver == "migration" else {
                if onlyMigration { continue }
                throw ImportError("'\(argument)' sets \(driver), not migration")
            }
            assignments.append((property, value))
            found += 1
        }
        // QEMU applies the machine type's compat properties before every -global, wherever
        // -M stands on the line.
        try profile.setMachine(profile.host.machine)
        for (property, value) in assignments {
            try apply(property: property, value: value, to: &profile.configuration, catalog: catalog)
        }
        return found
    }

    /// Splits `DRIVER.PROP=VALUE` as QEMU's short form does (the value verbatim, commas
    /// included), or the long form `driver=D,property=P,value=V` with `,,` escapes.
    static func splitGlobal(_ argument: String) -> (String, String, String)? {
        if argument.hasPrefix("driver=") {
            var fields: [String: String] = [:]
            for field in splitOptions(argument) {
                guard let equals = field.firstIndex(of: "=") else { return nil }
                fields[String(field[..<equals])] = String(field[field.index(after: equals)...])
            }
            guard let driver = fields["driver"], let property = fields["property"], let value = fields["value"],
                fields.count == 3
            else { return nil }
            return (driver, property, value)
        }
        guard let equals = argument.firstIndex(of: "=") else { return nil }
        let key = argument[..<equals]
        guard let dot = key.firstIndex(of: "."), dot != key.startIndex else { return nil }
        let property = key[key.index(after: dot)...]
        guard !property.isEmpty else { return nil }
        return (String(key[..<dot]), String(property), String(argument[argument.index(after: equals)...]))
    }

    /// QemuOpts splitting: commas separate fields, `,,` is a literal comma.
    static func splitOptions(_ text: String) -> [String] {
        var fields: [String] = []
        var current = ""
        var characters = text.makeIterator()
        var pending = characters.next()
        while let character = pending {
            pending = characters.next()
            if character == "," {
                if pending == "," {
                    current.append(",")
                    pending = characters.next()
                } else {
                    fields.append(current)
                    current = ""
                }
            } else {
                current.append(character)
            }
        }
        fields.append(current)
        return fields
    }

    static func apply(
        property: String, value: String, to configuration: inout Configuration, catalog: Catalog
    ) throws(ImportError) {
        guard let item = catalog.items.first(where: { $0.property == property }) else {
            if let item = catalog.item(named: property) {
                throw ImportError("\(property) has no -global property in QEMU \(catalog.version); set \(item.name) through QMP or HMP")
            }
            if let absence = catalog.absence(of: property) { throw ImportError(absence) }
            throw ImportError("unknown -global property migration.\(property)" + didYouMean(property, in: catalog.version))
        }
        switch ValueParser.parse(value, as: item.type, name: property, version: catalog.version) {
        case .success(let parsed): configuration[item.id] = parsed
        case .failure(let error): throw ImportError(error.message)
        }
    }

    // MARK: QMP

    /// Reads QMP documents into `profile`; returns how many settings they named. A reply that
    /// reports an optional compression method proves the build has it, so the host gains it.
    static func qmp(_ text: String, into profile: inout Profile, catalog: Catalog) throws(ImportError) -> Int {
        var found = 0
        for document in try jsonDocuments(text) {
            found += try applyQMP(document, to: &profile.configuration, catalog: catalog)
            let reported = document["return"]?["multifd-compression"]?.stringValue
            if let method = reported.flatMap(CompressionMethods.method(named:)) {
                profile.host.compressionMethods.insert(method)
            }
        }
        return found
    }

    /// One JSON document, or several (one per line, as a QMP transcript has them).
    static func jsonDocuments(_ text: String) throws(ImportError) -> [JSON] {
        if let single = try? JSON(parsing: text) { return [single] }
        var documents: [JSON] = []
        let lines = text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" })
        for (number, line) in lines.enumerated() {
            guard line.contains(where: { $0 != " " && $0 != "\t" && $0 != "\r" }) else { continue }
            do {
                documents.append(try JSON(parsing: String(line)))
            } catch {
                throw ImportError("line \(number + 1) is not valid JSON: \(error.message)")
            }
        }
        return documents
    }

    private static func applyQMP(_ document: JSON, to configuration: inout Configuration, catalog: Catalog) throws(ImportError) -> Int {
        if let command = document["execute"]?.stringValue {
            let arguments = document["arguments"] ?? .object([])
            switch command {
            case "migrate-set-capabilities":
                guard let list = arguments["capabilities"]?.arrayValue else {
                    throw ImportError("migrate-set-capabilities needs an arguments.capabilities list")
                }
                return try applyCapabilities(list, to: &configuration, catalog: catalog)
            case "migrate-set-parameters":
                return try applyParameters(arguments, to: &configuration, catalog: catalog)
            default:
                throw ImportError("unsupported QMP command '\(command)' (expected migrate-set-capabilities or migrate-set-parameters)")
            }
        }
        if document["QMP"] != nil || document["event"] != nil { return 0 }  // a transcript's greeting and events
        if let error = document["error"] {
            throw ImportError("the QMP reply is an error: \(error.serialized())")
        }
        let payload = document["return"] ?? document
        if let list = payload.arrayValue {
            return try applyCapabilities(list, to: &configuration, catalog: catalog)
        } else if payload.members != nil {
            return try applyParameters(payload, to: &configuration, catalog: catalog)
        } else {
            throw ImportError("expected a query-migrate-capabilities or query-migrate-parameters reply, got \(document.serialized())")
        }
    }

    static func applyCapabilities(_ list: [JSON], to configuration: inout Configuration, catalog: Catalog) throws(ImportError) -> Int {
        for entry in list {
            guard let name = entry["capability"]?.stringValue, let state = entry["state"]?.boolValue else {
                throw ImportError("capability entries need \"capability\" and \"state\", got \(entry.serialized())")
            }
            guard let item = catalog.item(named: name), item.kind == .capability, item.name == name else {
                if let absence = catalog.absence(of: name) { throw ImportError(absence) }
                throw ImportError("unknown capability '\(name)'" + didYouMean(name, in: catalog.version))
            }
            configuration[item.id] = .bool(state)
        }
        return list.count
    }

    static func applyParameters(_ object: JSON, to configuration: inout Configuration, catalog: Catalog) throws(ImportError) -> Int {
        let members = object.members ?? []
        for member in members {
            guard let item = catalog.item(named: member.key), item.kind == .parameter, item.name == member.key else {
                if let absence = catalog.absence(of: member.key) { throw ImportError(absence) }
                throw ImportError("unknown parameter '\(member.key)'" + didYouMean(member.key, in: catalog.version))
            }
            configuration[item.id] = try ValueJSON.decode(member.value, for: item, context: "QMP", version: catalog.version)
        }
        return members.count
    }
}

/// The release an input was most likely written for, when the user names none.
public struct ReleaseGuess: Hashable, Sendable {
    /// The release to read the input as.
    public let version: QEMUVersion
    /// Every release that reads it equally well (oldest first); more than one is worth a note.
    public let equallyGood: [QEMUVersion]
}

extension Importer {
    /// Guesses the release of an input: the releases that read it are candidates; a QMP
    /// transcript's greeting names its release; a QMP query reply (which lists every setting
    /// its QEMU has) picks the one whose settings it matches best; anything else keeps the
    /// default release when it can, else takes the oldest that reads it. Nil when no release
    /// reads it (the default's error then explains why).
    public static func guessRelease(of text: String, format: ImportFormat) -> ReleaseGuess? {
        let candidates = QEMUVersion.allCases.filter { (try? read(text, format: format, version: $0)) != nil }
        guard let oldest = candidates.first else { return nil }
        if format == .qmp, let greeted = greetingRelease(text), candidates.contains(greeted) {
            return ReleaseGuess(version: greeted, equallyGood: [greeted])
        }
        if format == .qmp, let reported = reportedNames(text) {
            let misses = candidates.map { version in
                Catalog.for(version).items.filter { item in
                    reported.kinds.contains(item.kind) && item.isAlwaysReportedByQuery
                        && !reported.names.contains(item.name)
                }.count
            }
            let best = misses.min() ?? 0
            let matching = zip(candidates, misses).filter { $0.1 == best }.map(\.0)
            return ReleaseGuess(version: matching[0], equallyGood: matching)
        }
        if candidates.contains(.standard) { return ReleaseGuess(version: .standard, equallyGood: [.standard]) }
        return ReleaseGuess(version: oldest, equallyGood: candidates)
    }

    /// The release a QMP transcript's greeting (`{"QMP": {"version": {"qemu": …}}}`) names.
    private static func greetingRelease(_ text: String) -> QEMUVersion? {
        guard let documents = try? jsonDocuments(text) else { return nil }
        for document in documents {
            guard let qemu = document["QMP"]?["version"]?["qemu"],
                case .number(let major)? = qemu["major"], case .number(let minor)? = qemu["minor"]
            else { continue }
            return QEMUVersion(parsing: "\(major).\(minor)")
        }
        return nil
    }

    /// The names a QMP transcript's query replies report, and which kinds of setting they list
    /// (a capabilities reply lists them all, as a parameters reply does); nil without replies.
    private static func reportedNames(_ text: String) -> (names: Set<String>, kinds: Set<ItemKind>)? {
        guard let documents = try? jsonDocuments(text) else { return nil }
        var names = Set<String>(), kinds = Set<ItemKind>()
        for document in documents {
            guard document["execute"] == nil else { continue }
            let payload = document["return"] ?? document
            if let list = payload.arrayValue {
                kinds.insert(.capability)
                names.formUnion(list.compactMap { $0["capability"]?.stringValue })
            } else if let members = payload.members, !members.isEmpty {
                kinds.insert(.parameter)
                names.formUnion(members.map(\.key))
            }
        }
        return kinds.isEmpty ? nil : (names, kinds)
    }
}
