/// The text formats a configuration can be exported to.
public enum ExportFormat: String, CaseIterable, Hashable, Sendable {
    /// `-global migration.PROP=VALUE` words for QEMU's command line, shell-quoted.
    case global
    /// QMP commands (`migrate-set-capabilities`, `migrate-set-parameters`), one JSON per line.
    case qmp
    /// HMP monitor commands (`migrate_set_capability`, `migrate_set_parameter`).
    case hmp
    /// A migedit profile.
    case json
    /// `virsh migrate` options that make libvirt set the source QEMU up this way.
    case virsh
}

/// An export: the text for stdout, plus notes on settings this format cannot express
/// (for stderr, so that `$(migedit export …)` captures only the usable part).
public struct Export: Hashable, Sendable {
    public let text: String
    public let notes: [String]
}

/// Renders a configuration in QEMU's own input formats. Only values that differ from QEMU's
/// defaults are emitted, in catalog order, so the output is the smallest that reproduces it.
public enum Exporter {
    /// The configuration in `format` for `version` on `host`. Values the release does not have
    /// (settings or enum choices) are left out with a note, as are settings the format cannot
    /// express, so the text is always something that release accepts as input. Monitor commands
    /// that release accepts without applying get a note too (see `MonitorQuirks`).
    public static func export(
        _ configuration: Configuration, host: Host, version: QEMUVersion = .standard, format: ExportFormat
    ) -> Export {
        let catalog = Catalog.for(version)
        let missing = configuration.valuesLost(movingTo: version)
        let notes = missing.map { id in
            catalog.contains(id)
                ? "\(id.item.name)=\(configuration[id].string) does not exist in QEMU \(version); it is left out"
                : "\(id.item.name) does not exist in QEMU \(version); it is left out"
        }
        var present = configuration
        for id in missing { present.reset(id) }
        let export: Export
        switch format {
        case .global: export = global(present, host: host, catalog: catalog)
        case .qmp: export = qmp(present)
        case .hmp: export = hmp(present)
        case .json: export = Export(text: Profile(configuration: present, host: host, version: version).json, notes: [])
        case .virsh: export = virsh(Profile(configuration: present, host: host, version: version))
        }
        let ignored = MonitorQuirks.notes(for: present, host: host, catalog: catalog, format: format)
        return Export(text: export.text, notes: notes + export.notes + ignored)
    }

    /// The `-global` argument (without the option itself) for one item, unquoted.
    public static func globalArgument(_ id: ItemID, _ value: Value, property: String) -> String {
        "migration.\(property)=" + ValueFormatter.globalText(value, as: id.item.type)
    }

    static func global(_ configuration: Configuration, host: Host, catalog: Catalog) -> Export {
        let (arguments, left) = globalArguments(configuration, host: host, catalog: catalog)
        return Export(
            text: arguments.map(ShellWords.quote).joined(separator: " "),
            notes: left.map { "\($0.item.name) has no -global property; set it with --format qmp or hmp" })
    }

    /// The `-global` options as argv words (unquoted), and the changed items that have no
    /// `-global` property in this release on this host.
    public static func globalArguments(
        _ configuration: Configuration, host: Host, catalog: Catalog
    ) -> (arguments: [String], withoutProperty: [ItemID]) {
        var words: [String] = []
        var left: [ItemID] = []
        for id in configuration.changedItems {
            guard let item = catalog.item(id) else { continue }
            guard let property = item.property(on: host) else {
                left.append(id)
                continue
            }
            words += ["-global", globalArgument(id, configuration[id], property: property)]
        }
        return (words, left)
    }

    static func qmp(_ configuration: Configuration) -> Export {
        var capabilities: [JSON] = []
        var parameters: [JSONMember] = []
        var notes: [String] = []
        for id in configuration.changedItems {
            let item = id.item
            switch item.kind {
            case .capability:
                capabilities.append(.object([
                    JSONMember(key: "capability", value: .string(item.name)),
                    JSONMember(key: "state", value: .bool(configuration.isOn(id))),
                ]))
            case .parameter:
                parameters.append(JSONMember(key: item.name, value: ValueJSON.encode(configuration[id])))
            case .property:
                notes.append("\(item.name) is a -global property only; QMP cannot set it")
            }
        }
        var lines: [String] = []
        if !capabilities.isEmpty {
            lines.append(command("migrate-set-capabilities", [JSONMember(key: "capabilities", value: .array(capabilities))]).serialized())
        }
        if !parameters.isEmpty {
            lines.append(command("migrate-set-parameters", parameters).serialized())
        }
        return Export(text: lines.joined(separator: "\n"), notes: notes)
    }

    /// `{"execute": name, "arguments": {…}}`, as QMP takes a command.
    static func command(_ name: String, _ arguments: [JSONMember]) -> JSON {
        JSON.object([
            JSONMember(key: "execute", value: .string(name)),
            JSONMember(key: "arguments", value: .object(arguments)),
        ])
    }

    static func hmp(_ configuration: Configuration) -> Export {
        var lines: [String] = []
        var notes: [String] = []
        for id in configuration.changedItems {
            let item = id.item
            let value = configuration[id]
            switch item.kind {
            case .capability:
                lines.append("migrate_set_capability \(item.name) \(value.isOn ? "on" : "off")")
            case .parameter:
                if let refusal = MonitorQuirks.hmpRefusal(id, value) {
                    notes.append(refusal)
                    continue
                }
                guard let text = hmpText(id, value) else {
                    notes.append("\(item.name) can only be set through QMP; use --format qmp")
                    continue
                }
                lines.append("migrate_set_parameter \(item.name) \(text)")
            case .property:
                notes.append("\(item.name) is a -global property only; HMP cannot set it")
            }
        }
        return Export(text: lines.joined(separator: "\n"), notes: notes)
    }

    /// HMP's argument for a parameter, or nil when HMP cannot set it. HMP reads a plain number
    /// for max-bandwidth and avail-switchover-bandwidth as MiB, so those get an explicit `B`;
    /// it splits cpr-exec-command's argument like a shell, so its words are shell-quoted.
    public static func hmpText(_ id: ItemID, _ value: Value) -> String? {
        switch id {
        case .blockBitmapMapping: return nil
        case .cprExecCommand:
            guard case .stringList(let words) = value else { return nil }
            return words.map(ShellWords.quote).joined(separator: " ")
        case .maxBandwidth, .availSwitchoverBandwidth: return String(value.number) + "B"
        default:
            let type = id.item.type
            if type == .string { return hmpQuoted(value.string) }
            if type == .size { return String(value.number) }
            return ValueFormatter.globalText(value, as: type)
        }
    }

    /// HMP reads a string argument as one word, or as a double-quoted string with `\\ \" \' \n
    /// \r` escapes; quote whenever a plain word would not survive.
    static func hmpQuoted(_ text: String) -> String {
        let plain = !text.isEmpty && !text.hasPrefix("\"")
            && !text.contains { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" || $0 == "\\" }
        if plain { return text }
        var result = "\""
        for character in text {
            switch character {
            case "\\": result += "\\\\"
            case "\"": result += "\\\""
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            default: result.append(character)
            }
        }
        return result + "\""
    }
}
