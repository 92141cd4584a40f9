extension Configuration {
    /// Sets a setting from `NAME=VALUE` text as a user types it on the command line: NAME is a
    /// QAPI name or a `-global` property name (`multifd` or `x-multifd`), VALUE is parsed as
    /// QEMU parses `-global` values (`block-bitmap-mapping` takes QMP's JSON list).
    public mutating func assign(_ assignment: String, version: QEMUVersion = .standard) throws(ImportError) {
        guard let equals = assignment.firstIndex(of: "=") else {
            throw ImportError("--set expects NAME=VALUE, got '\(assignment)'")
        }
        try set(
            String(assignment[..<equals]), to: String(assignment[assignment.index(after: equals)...]),
            version: version)
    }

    /// Sets the named setting from text (see `assign(_:)`).
    public mutating func set(_ name: String, to text: String, version: QEMUVersion = .standard) throws(ImportError) {
        let catalog = Catalog.for(version)
        guard let item = catalog.item(named: name) else {
            if let absence = catalog.absence(of: name) { throw ImportError(absence) }
            throw ImportError("unknown setting '\(name)'" + Importer.didYouMean(name, in: version))
        }
        self[item.id] = try Configuration.parse(text, for: item, version: version)
    }

    /// Parses a value for an item, with QEMU's `-global` syntax or, for the list-valued
    /// `block-bitmap-mapping` and `cpr-exec-command`, QMP's JSON list.
    public static func parse(_ text: String, for item: Item, version: QEMUVersion = .standard) throws(ImportError) -> Value {
        if item.type == .bitmapMapping || item.type == .stringList {
            let json: JSON
            do {
                json = try JSON(parsing: text)
            } catch {
                throw ImportError("\(item.name): expects a JSON list (as QMP takes it): \(error.message)")
            }
            return try ValueJSON.decode(json, for: item, context: item.name, version: version)
        }
        switch ValueParser.parse(text, as: item.type, name: item.property ?? item.name, version: version) {
        case .success(let value): return value
        case .failure(let error): throw ImportError(error.message)
        }
    }
}

extension Host {
    /// Sets a host fact from `FACT=VALUE` text (`--host kvm=off`).
    public mutating func assign(_ assignment: String) throws(ImportError) {
        guard let equals = assignment.firstIndex(of: "=") else {
            throw ImportError("--host expects FACT=VALUE, got '\(assignment)'")
        }
        let name = String(assignment[..<equals])
        guard let fact = HostFact(rawValue: name) else {
            let known = HostFact.allCases.map(\.rawValue).joined(separator: ", ")
            throw ImportError("unknown host fact '\(name)' (known: \(known))")
        }
        do {
            try set(fact, to: String(assignment[assignment.index(after: equals)...]))
        } catch {
            throw ImportError(error.message)
        }
    }
}
