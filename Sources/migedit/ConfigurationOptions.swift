import ArgumentParser
import MigeditIO
import MigrationCore

/// The options every subcommand that works on a configuration shares: a profile, `--set` and
/// `--host` assignments applied after it, in order.
struct ConfigurationOptions: ParsableArguments {
    @Argument(help: "A migedit profile (JSON) to start from; the defaults when omitted.")
    var profile: String?

    @Option(name: .customLong("set"), help: ArgumentHelp(
        "Set a capability, parameter or property (QAPI or -global name), e.g. multifd=on.",
        valueName: "NAME=VALUE"))
    var assignments: [String] = []

    @Option(name: .customLong("host"), help: ArgumentHelp(
        "Set a host fact: os, kvm, dirty-ring, write-tracking, postcopy-support, replication, live-block-migration, page-size, incoming.",
        valueName: "FACT=VALUE"))
    var hostFacts: [String] = []

    /// The profile with every assignment applied; bad input becomes a `CLIFailure` (exit 2).
    func load() throws -> Profile {
        try apply(to: profile.map(ProfileFile.read) ?? Profile())
    }

    /// `loaded` with the `--set` and `--host` assignments applied.
    func apply(to profile: Profile) throws -> Profile {
        var loaded = profile
        do {
            for assignment in assignments { try loaded.configuration.assign(assignment) }
            for fact in hostFacts { try loaded.host.assign(fact) }
        } catch {
            throw CLIFailure.badInput(error.message)
        }
        return loaded
    }
}

/// Reading input files: one clear message for every way it can fail.
enum ProfileFile {
    static func read(_ path: String) throws -> Profile {
        let text = try readText(path)
        do {
            return try Profile(json: text)
        } catch {
            throw CLIFailure.badInput("\(path): \(error.message)")
        }
    }

    /// The whole file (or stdin for `-`) as UTF-8 text.
    static func readText(_ path: String) throws -> String {
        do {
            return try AtomicFile.read(path)
        } catch {
            throw CLIFailure.badInput(error.message)
        }
    }
}
