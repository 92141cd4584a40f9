import MigrationCore
import MigrationEditor

/// The reference parts of the commands' help, built from the data the checks and the editor use
/// (value types, host facts, the editor's help screen), so `--help` and the manual generated from
/// it (`scripts/install`) cannot drift from the code. Each is a titled block: a line ending in
/// `:` and indented lines under it, which the manual turns into a section.
enum ReferenceText {
    /// Wide enough for the text, narrow enough that `--help` never rewraps an indented line.
    static let width = 78

    /// The arguments that show a command's discussion: help, and the dump the manual is made from.
    static let helpArguments: Set = ["-h", "--help", "--help-hidden", "help", "--experimental-dump-help"]

    /// `blocks` to append to a discussion, when this run shows discussions at all. ArgumentParser
    /// builds every command's configuration before parsing, so text built unconditionally would
    /// cost every `check` (about a tenth of its whole-process time, measured with
    /// `migedit-bench --startup`) for nothing.
    static func shown(_ blocks: () -> [String], arguments: [String] = CommandLine.arguments) -> String {
        guard arguments.dropFirst().contains(where: helpArguments.contains) else { return "" }
        return "\n\n" + blocks().joined(separator: "\n\n")
    }

    /// How NAME=VALUE values are written, one line per value type.
    static var values: String {
        let types: [ValueType] = [.bool, .uint8, .uint32, .uint64, .size, .string]
        let rows = types.map { ($0.displayName, $0.syntax) }
            + [("enum", "one of the release's choices (migedit explain NAME lists them)")]
        return block(
            "Values", intro: "NAME is a QAPI name or a -global property name (multifd or x-multifd); VALUE is "
                + "written as QEMU's -global takes it. Integers also take 0x hex and 010 octal, sizes "
                + "decimals (1.5G).",
            rows: rows)
    }

    /// Every host fact with its values, default and meaning.
    static var hostFacts: String {
        let rows = HostFact.allCases.map { fact in
            let syntax = fact.choices == nil ? "VALUE is \(fact.valueSyntax). " : ""
            return (
                "\(fact.rawValue)=\(fact.choices?.joined(separator: "|") ?? "VALUE")",
                syntax + "Default \(Host.standard.value(of: fact)). \(fact.summary)"
            )
        }
        return block(
            "Host facts", intro: "--host FACT=VALUE states what the host and the QEMU build have; the defaults "
                + "describe a Linux KVM host running a distribution's QEMU without -incoming.",
            rows: rows, stacked: true)
    }

    /// The exit codes every command shares.
    static var exitStatus: String {
        block("Exit status", intro: nil, rows: CLIFailure.exitCodes.map { ($0.code, $0.meaning) })
    }

    /// The editor's keys, as its own help screen (?) lists them.
    static var keys: String {
        "Keys:\n"
            + HelpText.plainLines(width: width - 2).map { $0.isEmpty ? "" : "  " + $0 }.joined(separator: "\n")
    }

    /// `Title:`, an optional wrapped introduction, then one row per entry: the term and its
    /// wrapped text beside it, or (`stacked`) under it.
    private static func block(_ title: String, intro: String?, rows: [(String, String)], stacked: Bool = false) -> String {
        var lines = [title + ":"]
        if let intro { lines += TextWrap.lines(intro, width: width - 2).map { "  " + $0 } }
        let termWidth = rows.map(\.0.count).max() ?? 0
        for (term, text) in rows {
            if stacked {
                lines.append("  " + term)
                lines += TextWrap.lines(text, width: width - 6).map { "      " + $0 }
            } else {
                let pad = String(repeating: " ", count: termWidth + 4)
                for (index, part) in TextWrap.lines(text, width: width - termWidth - 4).enumerated() {
                    lines.append(index == 0 ? "  " + term + String(repeating: " ", count: termWidth - term.count + 2) + part : pad + part)
                }
            }
        }
        return lines.joined(separator: "\n")
    }
}
