import ArgumentParser
import MapRendering
import MigeditIO
import MigrationCore

extension MapFormat: ExpressibleByArgument {}

/// `migedit map`: the constraint map of a release, or what changed between two, as text for
/// handouts, SVG for slides or an HTML page with the rules on hover.
struct MapCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "map",
        abstract: "Draw the constraint map of a QEMU release (or what changed between two) as text, SVG or HTML.",
        discussion: """
            Each cell says how two settings are tied: × refused together, → the row needs the \
            column, ← the column needs the row, ≤ their ranges bound each other. Rules on more \
            than two settings or on a host fact are listed beside the grid, rules on one \
            setting below it. With a PROFILE (or --set), the settings it changes are marked and \
            the cells and rules it breaks now are flagged. --diff A B shows what changed from \
            release A to release B (a profile is judged by B).

            Examples:
              migedit map
              migedit map --qemu 9.0 --format svg > map-9.0.svg
              migedit map prod.json --format html -o prod-map.html
              migedit map --diff 9.0 9.1
              migedit map --diff 8.2 10.1 --format svg -o what-changed.svg
            """)

    @OptionGroup var options: ConfigurationOptions

    @Option(help: "text, svg or html.")
    var format: MapFormat = .text

    @Option(
        name: .customLong("diff"), parsing: .upToNextOption,
        help: ArgumentHelp("Show what changed from release A to release B.", valueName: "A B"),
        completion: Completions.releases)
    var diff: [String] = []

    @Option(name: [.customShort("o"), .customLong("output")], help: ArgumentHelp(
        "Write to FILE (atomically) instead of stdout.", valueName: "FILE"), completion: .file())
    var output: String?

    func run() throws {
        let releases = try diffReleases()
        if releases != nil && options.release.qemu != nil {
            throw CLIFailure.badInput("--diff names both releases; leave out --qemu")
        }
        let profile = try options.load(version: releases?.to)
        let sheet: MapSheet
        if let releases {
            sheet = MapSheet(
                diff: ConstraintMapDiff(from: .of(releases.from), to: .of(releases.to)),
                configuration: profile.configuration, host: profile.host, source: source)
        } else {
            sheet = MapSheet(
                map: .of(profile.version), configuration: profile.configuration, host: profile.host, source: source)
        }
        let text = format.render(sheet)
        guard let output else {
            Console.output(text)
            return
        }
        do {
            try AtomicFile.write(text, to: output)
        } catch {
            throw CLIFailure.badInput(error.message)
        }
    }

    /// The two releases of `--diff`, or nil without it.
    private func diffReleases() throws -> (from: QEMUVersion, to: QEMUVersion)? {
        guard !diff.isEmpty else { return nil }
        guard diff.count == 2 else {
            throw CLIFailure.badInput("--diff takes two releases, e.g. --diff 9.0 9.1 (got \(diff.count))")
        }
        let versions = try diff.map { text in
            guard let version = QEMUVersion(parsing: text) else {
                throw CLIFailure.badInput("unknown QEMU release '\(text)' in --diff; known: \(QEMUVersion.list)")
            }
            return version
        }
        return (versions[0], versions[1])
    }

    /// What the subtitle names as the configuration shown: the profile, or the words that set it.
    private var source: String? {
        if let profile = options.profile { return profile }
        let words = options.assignments.map { "--set " + $0 } + options.hostFacts.map { "--host " + $0 }
            + (options.hostSource.map { ["--host-from " + $0] } ?? [])
        return words.isEmpty ? nil : words.joined(separator: " ")
    }
}
