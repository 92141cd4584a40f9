import ArgumentParser
import MigrationCore

/// `migedit explain`: the teaching text for a rule, a setting or a host fact.
struct ExplainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explain",
        abstract: "Explain a rule, a setting or a host fact, and the rules it takes part in.",
        discussion: """
            Examples:
              migedit explain postcopy-ram-vs-multifd
              migedit explain x-multifd
              migedit explain dirty-ring
            """)

    @Argument(help: "A rule id, a capability/parameter/property name, or a host fact.")
    var name: String

    @OptionGroup var release: VersionOption

    func run() throws {
        let version = release.qemu ?? .standard
        if let text = Explanation.text(for: name, version: version) {
            Console.output(text)
            return
        }
        if let absence = Catalog.for(version).absence(of: name) {
            throw CLIFailure.badInput(absence)
        }
        if let other = QEMUVersion.allCases.first(where: { RuleBook.rule(withID: name, in: $0) != nil }) {
            throw CLIFailure.badInput("QEMU \(version) has no rule \(name) (QEMU \(other) has; see --qemu)")
        }
        let candidates = RuleBook.rules(for: version).map(\.id) + Catalog.for(version).allNames
            + HostFact.allCases.map(\.rawValue)
        let suggestion = closestName(to: name, among: candidates)
        throw CLIFailure.badInput("no rule, setting or host fact named '\(name)'"
            + (suggestion.map { " (did you mean '\($0)'?)" } ?? ""))
    }
}
