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

    func run() throws {
        if let text = Explanation.text(for: name) {
            Console.output(text)
            return
        }
        let candidates = RuleBook.qemu90.map(\.id) + Catalog.qemu90.allNames + HostFact.allCases.map(\.rawValue)
        let suggestion = closestName(to: name, among: candidates)
        throw CLIFailure.badInput("no rule, setting or host fact named '\(name)'"
            + (suggestion.map { " (did you mean '\($0)'?)" } ?? ""))
    }
}
