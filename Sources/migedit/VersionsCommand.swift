import ArgumentParser
import MigrationCore

/// `migedit versions`: the releases migedit knows and what changed between them, as the
/// Markdown table the README embeds.
struct VersionsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "versions",
        abstract: "Print what changed between the QEMU releases migedit knows (a Markdown table).",
        discussion: """
            Examples:
              migedit versions
              migedit versions > compatibility.md
            """)

    func run() throws {
        Console.output(CompatibilityTable.markdown)
    }
}
