import ArgumentParser
import MigrationCore

/// The options every subcommand that works on a configuration shares: a profile, `--set` and
/// `--host` assignments applied after it, in order.
struct ConfigurationOptions: ParsableArguments {
    @Argument(help: "A migedit profile (JSON) to start from; the defaults when omitted.", completion: Completions.profiles)
    var profile: String?

    @Option(name: .customLong("set"), help: ArgumentHelp(
        "Set a capability, parameter or property (QAPI or -global name), e.g. multifd=on.",
        valueName: "NAME=VALUE"), completion: Completions.settings)
    var assignments: [String] = []

    @OptionGroup var release: VersionOption

    @OptionGroup var machine: MachineOption

    @Option(name: .customLong("host"), help: ArgumentHelp(
        "Set a host fact: \(HostFact.allCases.map(\.rawValue).joined(separator: ", ")).",
        valueName: "FACT=VALUE"), completion: Completions.hostFacts)
    var hostFacts: [String] = []

    @Option(name: .customLong("host-from"), help: ArgumentHelp(
        "Take the host facts (and, without PROFILE or --qemu, the release) from a profile, e.g. one `migedit probe` wrote; --host still applies after it.",
        valueName: "PATH"), completion: Completions.profiles)
    var hostSource: String?

    /// The profile (or the defaults) with every assignment applied; bad input becomes a
    /// `CLIFailure` (exit 2). See `apply(to:version:)` for the order.
    func load(version: QEMUVersion? = nil) throws -> Profile {
        try apply(to: profile.map(ProfileFile.read), version: version)
    }

    /// `loaded` (nil: a new profile) with the host of `--host-from`, switched to the release
    /// `--qemu` (or `version`) names and to the machine type `--machine` (or the profile)
    /// names, then with the `--set` and `--host` assignments applied.
    /// A new profile takes `--host-from`'s release when nothing else names one. A switch must
    /// not lose settings the profile has.
    func apply(to profile: Profile?, version fallback: QEMUVersion? = nil) throws -> Profile {
        let hostProfile = try hostSource.map(ProfileFile.read)
        var loaded = profile ?? Profile(version: hostProfile?.version ?? .standard)
        if let hostProfile { loaded.host = hostProfile.host }
        if let version = release.qemu ?? fallback {
            let missing = loaded.configuration.valuesLost(movingTo: version)
            guard missing.isEmpty else {
                let catalog = Catalog.for(version)
                let names = missing.map { id in
                    catalog.contains(id) ? "\(id.item.name)=\(loaded.configuration[id].string)" : id.item.name
                }
                throw CLIFailure.badInput(
                    "QEMU \(version) has no " + names.joined(separator: ", ")
                        + " (set in the profile for QEMU \(loaded.version))")
            }
            loaded.version = version
        }
        try machine.apply(to: &loaded)
        do {
            for assignment in assignments { try loaded.configuration.assign(assignment, version: loaded.version) }
            for fact in hostFacts { try loaded.host.assign(fact) }
        } catch {
            throw CLIFailure.badInput(error.message)
        }
        return loaded
    }
}
