import ArgumentParser
import MigrationCore

extension ImportFormat: ExpressibleByArgument {}

/// `migedit import`: reads QEMU's formats and prints the equivalent profile.
struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Read -global words, a QEMU command line, QMP replies or virsh migrate; print a profile.",
        discussion: """
            Without --from the format is detected from the input; without --qemu the release is \
            the one the input fits (a QMP query reply names its release's settings), else 9.0. \
            A command line's -accel, -enable-kvm, -machine and -incoming become host facts; \
            the machine type's compat properties (or --machine's) are the defaults the \
            -global options are measured against. virsh input (virsh migrate, migrate-setspeed, \
            migrate-setmaxdowntime, migrate-compcache) becomes the profile libvirt gives the \
            source QEMU, refused with libvirt's message where libvirt refuses the options. \
            Exit 0 with the profile on stdout; 1 when the QEMU build the host facts describe \
            refuses a value (e.g. multifd-compression=qpl without compression-methods=qpl); \
            2 when the input is unreadable or names no migration setting.

            Examples:
              migedit import --from cmdline launch.sh > prod.json
              echo '-global migration.x-multifd=on' | migedit import --from global
              migedit import --from qmp query-replies.json
              migedit import --host compression-methods=zstd,qpl launch.sh
              echo 'virsh migrate --postcopy --parallel guest qemu+ssh://dst/system' | migedit import | migedit check -
            """)

    @Option(help: "global, cmdline, qmp, profile or virsh (detected when omitted).")
    var from: ImportFormat?

    @OptionGroup var release: VersionOption

    @OptionGroup var machine: MachineOption

    @Option(name: .customLong("host"), help: ArgumentHelp(
        "Set a host fact of the imported profile (after those the input states).", valueName: "FACT=VALUE"),
        completion: Completions.hostFacts)
    var hostFacts: [String] = []

    @Option(name: .customLong("host-from"), help: ArgumentHelp(
        "Start from the host facts of a profile, e.g. one `migedit probe` wrote.", valueName: "PATH"),
        completion: Completions.profiles)
    var hostSource: String?

    @Argument(help: "The input file, or - for stdin.", completion: .file())
    var file: String = "-"

    func run() throws {
        let text = try ProfileFile.readText(file)
        let source = file == "-" ? "stdin" : file
        let format = from ?? Importer.detectFormat(of: text)
        var version = release.qemu ?? .standard
        if release.qemu == nil, format != .profile, let guess = Importer.guessRelease(of: text, format: format) {
            version = guess.version
            if guess.equallyGood.count > 1 && version != .standard {
                let releases = guess.equallyGood.map(\.rawValue).joined(separator: ", ")
                Console.error("migedit: note: \(source) fits QEMU \(releases); read as \(version) (choose with --qemu)")
            }
        }
        var base = try hostSource.map(ProfileFile.read)?.host ?? .standard
        if let name = machine.name { base.machine = name }
        let profile: Profile
        do {
            profile = try read(text, format: format, version: version, host: base)
        } catch {
            throw CLIFailure.badInput("\(source): \(error.message)")
        }
        let refused = Checker.for(profile.version).check(profile.configuration, on: profile.host).errors
            .filter { $0.rule.phase == .values }
        if let first = refused.first {
            let facts = first.subjects.compactMap { if case .host(let fact) = $0 { fact } else { nil } }
            let stated = facts.map { "\($0.rawValue)=\(profile.host.value(of: $0))" }.joined(separator: ", ")
            Console.error("migedit: \(source): QEMU \(profile.version) with \(stated) refuses it: \(first.message) "
                + "(state what your QEMU has with --host or --host-from)")
            throw ExitCode(CLIFailure.rejected)
        }
        Console.output(profile.json)
    }

    /// The input as a profile, with the `--host` facts applied last.
    private func read(_ text: String, format: ImportFormat, version: QEMUVersion, host: Host) throws(ImportError) -> Profile {
        var profile = try Importer.read(text, format: format, version: version, host: host)
        for fact in hostFacts { try profile.host.assign(fact) }
        return profile
    }
}
