import MigrationCore

/// One command as `migedit --experimental-dump-help` describes it (ArgumentParser's ToolInfo,
/// serialization version 0): the only input the manual is made from.
struct CommandInfo {
    /// The words that run it: `["migedit"]`, `["migedit", "check"]`.
    let path: [String]
    let abstract: String
    let discussion: String
    let arguments: [ArgumentInfo]
    let subcommands: [CommandInfo]
    let defaultSubcommand: String?

    var name: String { path.joined(separator: " ") }

    /// Reads the dump; throws a one-line reason when it is not what ArgumentParser writes.
    init(dump text: String) throws(ManualError) {
        let json: JSON
        do {
            json = try JSON(parsing: text)
        } catch {
            throw ManualError("the help dump is not JSON: \(error.message)")
        }
        guard json["serializationVersion"]?.uint64Value == 0, let command = json["command"] else {
            throw ManualError("the help dump is not ArgumentParser's serialization version 0")
        }
        try self.init(command, parents: [])
    }

    private init(_ json: JSON, parents: [String]) throws(ManualError) {
        guard let name = json["commandName"]?.stringValue else { throw ManualError("a command without a name") }
        path = parents + [name]
        abstract = json["abstract"]?.stringValue ?? ""
        discussion = json["discussion"]?.stringValue ?? ""
        arguments = (json["arguments"]?.arrayValue ?? []).map(ArgumentInfo.init)
            .filter { $0.isShown }
        var subcommands: [CommandInfo] = []
        // `help` is ArgumentParser's own command, which --help says all there is to say about.
        for subcommand in json["subcommands"]?.arrayValue ?? []
        where subcommand["shouldDisplay"]?.boolValue != false && subcommand["commandName"]?.stringValue != "help" {
            subcommands.append(try CommandInfo(subcommand, parents: path))
        }
        self.subcommands = subcommands
        defaultSubcommand = json["defaultSubcommand"]?.stringValue
    }
}

/// One flag, option or positional argument of a command.
struct ArgumentInfo {
    enum Kind: String { case positional, option, flag }

    let kind: Kind
    /// `--set`, `-h`; empty for a positional.
    let names: [String]
    let valueName: String
    let isOptional: Bool
    let isRepeating: Bool
    let abstract: String
    let discussion: String
    let defaultValue: String?
    let isShown: Bool

    init(_ json: JSON) {
        kind = json["kind"]?.stringValue.flatMap(Kind.init) ?? .flag
        names = (json["names"]?.arrayValue ?? []).compactMap { name in
            guard let text = name["name"]?.stringValue else { return nil }
            return (name["kind"]?.stringValue == "short" ? "-" : "--") + text
        }
        valueName = json["valueName"]?.stringValue ?? ""
        isOptional = json["isOptional"]?.boolValue ?? true
        isRepeating = json["isRepeating"]?.boolValue ?? false
        abstract = json["abstract"]?.stringValue ?? ""
        discussion = json["discussion"]?.stringValue ?? ""
        defaultValue = json["defaultValue"]?.stringValue
        isShown = json["shouldDisplay"]?.boolValue ?? true
    }

    /// `--version` and `--help`, which every subcommand lists again.
    var isStandard: Bool { names.contains("--help") || names.contains("--version") }
}

/// Why no manual could be made, in one line.
struct ManualError: Error {
    let message: String

    init(_ message: String) {
        self.message = message
    }
}
