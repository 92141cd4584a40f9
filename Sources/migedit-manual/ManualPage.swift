/// The man(7) pages of a command tree: `migedit.1` with everything (every command, its options
/// and the reference sections), and one `migedit-COMMAND.1` per subcommand for
/// `man migedit-check`. Titled blocks of a discussion become sections (`Exit status:` becomes
/// EXIT STATUS), paragraphs are filled, indented lines stay as `--help` shows them.
struct ManualPage {
    let fileName: String
    let text: String

    /// Every page of `root`; `source` goes in the footer (`migedit 0.3.0`).
    static func pages(for root: CommandInfo, source: String) -> [ManualPage] {
        [rootPage(root, source: source)] + root.subcommands.map { commandPage($0, root: root, source: source) }
    }

    private static func rootPage(_ root: CommandInfo, source: String) -> ManualPage {
        var lines = header(root, source: source)
        lines.append(".SH SYNOPSIS")
        for command in root.subcommands {
            lines += synopsis(command, optionalName: command.path.last == root.defaultSubcommand)
        }
        let parts = DiscussionPart.parts(of: root.discussion)
        lines.append(".SH DESCRIPTION")
        lines += body(parts.filter { !$0.isTitled })
        lines.append(".SH COMMANDS")
        for command in root.subcommands {
            let isDefault = command.path.last == root.defaultSubcommand
            lines.append(Roff.request("SS", command.name + (isDefault ? " (the default command)" : "")))
            lines.append(Roff.escape(command.abstract))
            lines += synopsis(command, optionalName: isDefault)
            lines += body(DiscussionPart.parts(of: command.discussion))
            lines += options(command.arguments.filter { !$0.isStandard })
        }
        lines.append(".SH OPTIONS")
        lines += options(root.arguments)
        lines += sections(parts.filter(\.isTitled))
        lines.append(".SH \"SEE ALSO\"")
        lines.append(root.subcommands.map { Roff.bold(pageName(of: $0)) + "(1)" }.joined(separator: ",\n"))
        return ManualPage(fileName: pageName(of: root) + ".1", text: lines.joined(separator: "\n") + "\n")
    }

    private static func commandPage(_ command: CommandInfo, root: CommandInfo, source: String) -> ManualPage {
        var lines = header(command, source: source)
        lines.append(".SH SYNOPSIS")
        lines += synopsis(command, optionalName: command.path.last == root.defaultSubcommand)
        let parts = DiscussionPart.parts(of: command.discussion)
        lines.append(".SH DESCRIPTION")
        lines += body(parts.filter { !$0.isTitled })
        lines.append(".SH OPTIONS")
        lines += options(command.arguments)
        lines += sections(parts.filter(\.isTitled))
        lines.append(".SH \"SEE ALSO\"")
        lines.append(Roff.bold(pageName(of: root)) + "(1), where the values, host facts and exit status are described")
        return ManualPage(fileName: pageName(of: command) + ".1", text: lines.joined(separator: "\n") + "\n")
    }

    /// `migedit`, `migedit-check`.
    private static func pageName(of command: CommandInfo) -> String {
        command.path.joined(separator: "-")
    }

    private static func header(_ command: CommandInfo, source: String) -> [String] {
        [
            ".TH \(pageName(of: command).uppercased().replacing("-", with: "\\-")) 1 \"\" \"\(Roff.escape(source))\" \"User Commands\"",
            ".nh",
            ".ad l",
            ".SH NAME",
            Roff.escape(pageName(of: command)) + " \\- " + Roff.escape(command.abstract),
        ]
    }

    /// `migedit check [profile] [--set NAME=VALUE]...` with a hanging indent; the name of the
    /// default command is bracketed, since it may be left out.
    private static func synopsis(_ command: CommandInfo, optionalName: Bool) -> [String] {
        var words = command.path.map(Roff.bold)
        if optionalName, let last = words.popLast() { words.append("[" + last + "]") }
        for argument in command.arguments where !argument.isStandard {
            var word: String
            switch argument.kind {
            case .positional: word = Roff.italic(argument.valueName)
            case .option: word = Roff.bold(argument.names.last ?? "") + " " + Roff.italic(argument.valueName)
            case .flag: word = argument.names.map(Roff.bold).joined(separator: "|")
            }
            if argument.isOptional { word = "[" + word + "]" }
            if argument.isRepeating { word += "..." }
            words.append(word)
        }
        return [".PP", ".in +4n", ".ti -4n", words.joined(separator: " "), ".in"]
    }

    /// Paragraphs filled, literal lines kept; titled blocks with their title as a bold line
    /// (inside a command's section, where they cannot be sections of their own).
    private static func body(_ parts: [DiscussionPart]) -> [String] {
        parts.flatMap { part -> [String] in
            switch part {
            case .paragraph(let text): return [".PP", Roff.escape(text)]
            case .literal(let lines): return literal(lines)
            case .titled(let title, let lines): return [".PP", Roff.bold(title + ":")] + literal(lines)
            }
        }
    }

    /// Titled blocks as sections: `Host facts:` becomes HOST FACTS.
    private static func sections(_ parts: [DiscussionPart]) -> [String] {
        parts.flatMap { part -> [String] in
            guard case .titled(let title, let lines) = part else { return [] }
            return [Roff.request("SH", title.uppercased())] + literal(lines)
        }
    }

    private static func literal(_ lines: [String]) -> [String] {
        [".PP", ".RS 2", ".nf"] + lines.map { $0.isEmpty ? "" : Roff.escape($0) } + [".fi", ".RE"]
    }

    /// Each argument as a tagged paragraph: its names and value, then its help and default.
    private static func options(_ arguments: [ArgumentInfo]) -> [String] {
        arguments.flatMap { argument -> [String] in
            let tag: String
            switch argument.kind {
            case .positional: tag = Roff.italic(argument.valueName)
            case .option: tag = argument.names.map(Roff.bold).joined(separator: ", ") + " " + Roff.italic(argument.valueName)
            case .flag: tag = argument.names.map(Roff.bold).joined(separator: ", ")
            }
            var lines = [".TP", tag, Roff.escape(argument.abstract)]
            if let value = argument.defaultValue, argument.kind == .option {
                lines.append("(default: " + Roff.escape(value) + ")")
            }
            if !argument.discussion.isEmpty { lines += body(DiscussionPart.parts(of: argument.discussion)) }
            return lines
        }
    }
}

extension DiscussionPart {
    var isTitled: Bool {
        if case .titled = self { return true }
        return false
    }
}
