import ArgumentParser
import MigrationCore

extension ImportFormat: ExpressibleByArgument {}

/// `migedit import`: reads QEMU's formats and prints the equivalent profile.
struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Read -global words, a QEMU command line or QMP replies; print a profile.",
        discussion: """
            Without --from the format is detected from the input.

            Examples:
              migedit import --from cmdline launch.sh > prod.json
              echo '-global migration.x-multifd=on' | migedit import --from global
              migedit import --from qmp query-replies.json
            """)

    @Option(help: "global, cmdline, qmp or profile (detected when omitted).")
    var from: ImportFormat?

    @OptionGroup var release: VersionOption

    @Argument(help: "The input file, or - for stdin.")
    var file: String = "-"

    func run() throws {
        let text = try ProfileFile.readText(file)
        let profile: Profile
        do {
            profile = try Importer.read(
                text, format: from ?? Importer.detectFormat(of: text), version: release.qemu ?? .standard)
        } catch {
            throw CLIFailure.badInput("\(file == "-" ? "stdin" : file): \(error.message)")
        }
        Console.output(profile.json)
    }
}
