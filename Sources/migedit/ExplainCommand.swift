import ArgumentParser
import MigrationCore

/// `migedit explain`: the teaching text for a rule, a setting or a host fact.
struct ExplainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explain",
        abstract: "Explain a rule, a setting or a host fact, and the rules it takes part in.",
        discussion: """
            --list prints every rule id of the release, one a line, in the order QEMU checks \
            them (with --json: id, severity, message, items and releases of each).

            Examples:
              migedit explain postcopy-ram-vs-multifd
              migedit explain x-multifd
              migedit explain dirty-ring
              migedit explain --list --qemu 10.0
              migedit explain zero-page-detection --machine pc-q35-8.2
            """)

    @Argument(help: "A rule id, a capability/parameter/property name, or a host fact.", completion: Completions.explainable)
    var name: String?

    @Flag(help: "List every rule id of the release in QEMU's order.")
    var list = false

    @Flag(help: "With --list: print the rules as JSON.")
    var json = false

    @OptionGroup var release: VersionOption

    @OptionGroup var machine: MachineOption

    func validate() throws {
        if list && name != nil { throw ValidationError("give a name or --list, not both") }
        if !list && name == nil { throw ValidationError("give a rule, setting or host fact to explain, or --list") }
        if json && !list { throw ValidationError("--json goes with --list") }
    }

    func run() throws {
        let version = release.qemu ?? .standard
        guard let name else {
            Console.output(json ? Self.json(RuleBook.rules(for: version)) : RuleBook.rules(for: version).map(\.id).joined(separator: "\n"))
            return
        }
        var profile = Profile(version: version)
        try machine.apply(to: &profile)
        if let text = Explanation.text(for: name, version: version, machine: profile.machineType) {
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

    /// The rules as a JSON list: what a script needs to iterate them.
    static func json(_ rules: [Rule]) -> String {
        JSON.array(rules.map { rule in
            let releases = QEMUVersion.allCases.filter { RuleBook.rule(withID: rule.id, in: $0) != nil }
            return JSON.object([
                JSONMember(key: "id", value: .string(rule.id)),
                JSONMember(key: "severity", value: .string(rule.severity.rawValue)),
                JSONMember(key: "message", value: .string(rule.message)),
                JSONMember(key: "items", value: .array(rule.subjects.map { .string($0.name) })),
                JSONMember(key: "releases", value: .array(releases.map { .string($0.rawValue) })),
            ])
        }).serialized(pretty: true)
    }
}
