import ArgumentParser
import MigrationCore

/// `migedit pair`: the settings a source and a destination profile must share, and those set
/// on a side that never reads them.
struct PairCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pair",
        abstract: "Check a source and a destination profile against each other.",
        discussion: """
            Compares the two profiles by the side QEMU reads each setting on: a setting both \
            sides read (multifd, postcopy-ram, multifd-channels…) must be equal, or the \
            migration fails or hangs (an error); a source-only setting changed on the \
            destination, or a destination-only one changed on the source, does nothing \
            there (a warning). Each mismatch says why, from QEMU's source, and what a \
            rehearsal showed when one was run. Exit 1 when a setting that must match differs.

            Examples:
              migedit pair source.json destination.json
            """)

    @Argument(help: "The source QEMU's profile.")
    var source: String

    @Argument(help: "The destination QEMU's profile.")
    var destination: String

    func run() throws {
        let mismatches = PairCheck.mismatches(source: try ProfileFile.read(source), destination: try ProfileFile.read(destination))
        guard !mismatches.isEmpty else {
            Console.output("\(source) and \(destination) agree on every setting that must match, and set nothing on a side that ignores it")
            return
        }
        Console.output(mismatches.map(PairCommand.text).joined(separator: "\n"))
        if mismatches.contains(where: \.isError) { throw ExitCode(CLIFailure.rejected) }
    }

    /// A mismatch: the values, the rule, QEMU's reason and a rehearsal's evidence.
    static func text(_ mismatch: PairMismatch) -> String {
        var lines = [
            mismatch.values,
            "  \(mismatch.isError ? "error" : "warning") (\(mismatch.rule.rawValue)): \(mismatch.rule.statement)",
            "  in QEMU: \(mismatch.reason)",
        ]
        if let evidence = mismatch.evidence { lines.append("  " + evidence) }
        return lines.joined(separator: "\n")
    }
}
