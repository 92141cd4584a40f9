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
}

/// Reads configurations from QEMU's own formats. Later settings win, as they do in QEMU.
public enum Importer {
    /// Reads `text`; `version` is the release the input is for (a profile names its own).
    public static func read(
        _ text: String, format: ImportFormat, version: QEMUVersion = .standard
    ) throws(ImportError) -> Profile {
        let catalog = Catalog.for(version)
        switch format {
        case .global:
            return Profile(configuration: try globalWords(text, onlyMigration: false, catalog: catalog), version: version)
        case .cmdline:
            return Profile(configuration: try globalWords(text, onlyMigration: true, catalog: catalog), version: version)
        case .qmp: return Profile(configuration: try qmp(text, catalog: catalog), version: version)
        case .profile: return try Profile(json: text, defaultVersion: version)
        }
    }

    /// Picks the format from the text: JSON with `execute` or `return` (or a bare list) is QMP,
    /// other JSON is a profile, words that are all `-global` options are a fragment, and
    /// anything else is a whole command line.
    public static func detectFormat(of text: String) -> ImportFormat {
        let trimmed = text.drop { $0 == " " || $0 == "\n" || $0 == "\t" || $0 == "\r" }
        if trimmed.hasPrefix("[") { return .qmp }
        if trimmed.hasPrefix("{") {
            return text.contains("\"execute\"") || text.contains("\"return\"") ? .qmp : .profile
        }
        guard let words = try? ShellWords.split(text) else { return .global }
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

    static func globalWords(_ text: String, onlyMigration: Bool, catalog: Catalog) throws(ImportError) -> Configuration {
        let words: [String]
        do {
            words = try ShellWords.split(text)
        } catch {
            throw ImportError("cannot split the input into words: \(error.message)")
        }
        var configuration = Configuration()
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
            try apply(property: property, value: value, to: &configuration, catalog: catalog)
        }
        return configuration
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
    private static func splitOptions(_ text: String) -> [String] {
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

    static func qmp(_ text: String, catalog: Catalog) throws(ImportError) -> Configuration {
        var configuration = Configuration()
        for document in try jsonDocuments(text) {
            try applyQMP(document, to: &configuration, catalog: catalog)
        }
        return configuration
    }

    /// One JSON document, or several (one per line, as a QMP transcript has them).
    private static func jsonDocuments(_ text: String) throws(ImportError) -> [JSON] {
        if let single = try? JSON(parsing: text) { return [single] }
        var documents: [JSON] = []
        for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            guard line.contains(where: { $0 != " " && $0 != "\t" && $0 != "\r" }) else { continue }
            do {
                documents.append(try JSON(parsing: String(line)))
            } catch {
                throw ImportError("line \(number + 1) is not valid JSON: \(error.message)")
            }
        }
        return documents
    }

    private static func applyQMP(_ document: JSON, to configuration: inout Configuration, catalog: Catalog) throws(ImportError) {
        if let command = document["execute"]?.stringValue {
            let arguments = document["arguments"] ?? .object([])
            switch command {
            case "migrate-set-capabilities":
                guard let list = arguments["capabilities"]?.arrayValue else {
                    throw ImportError("migrate-set-capabilities needs an arguments.capabilities list")
                }
                try applyCapabilities(list, to: &configuration, catalog: catalog)
            case "migrate-set-parameters":
                try applyParameters(arguments, to: &configuration, catalog: catalog)
            default:
                throw ImportError("unsupported QMP command '\(command)' (expected migrate-set-capabilities or migrate-set-parameters)")
            }
            return
        }
        if let error = document["error"] {
            throw ImportError("the QMP reply is an error: \(error.serialized())")
        }
        let payload = document["return"] ?? document
        if let list = payload.arrayValue {
            try applyCapabilities(list, to: &configuration, catalog: catalog)
        } else if payload.members != nil {
            if payload.members?.isEmpty == true { return }
            try applyParameters(payload, to: &configuration, catalog: catalog)
        } else {
            throw ImportError("expected a query-migrate-capabilities or query-migrate-parameters reply, got \(document.serialized())")
        }
    }

    private static func applyCapabilities(_ list: [JSON], to configuration: inout Configuration, catalog: Catalog) throws(ImportError) {
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
    }

    private static func applyParameters(_ object: JSON, to configuration: inout Configuration, catalog: Catalog) throws(ImportError) {
        for member in object.members ?? [] {
            guard let item = catalog.item(named: member.key), item.kind == .parameter, item.name == member.key else {
                if let absence = catalog.absence(of: member.key) { throw ImportError(absence) }
                throw ImportError("unknown parameter '\(member.key)'" + didYouMean(member.key, in: catalog.version))
            }
            configuration[item.id] = try ValueJSON.decode(member.value, for: item, context: "QMP", version: catalog.version)
        }
    }
}
