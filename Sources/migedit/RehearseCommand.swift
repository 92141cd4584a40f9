import ArgumentParser
import Glibc
import MigrationCore
import QEMURunner
import QMPClient

/// `migedit rehearse`: proves a configuration migrates, between two real QEMUs on this host.
struct RehearseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rehearse",
        abstract: "Migrate a small guest between two real QEMUs with a profile's settings, and report how it went.",
        discussion: """
            Starts a destination (-incoming defer) and a source QEMU of the binary (TCG, \
            q35 or the profile's machine type, no disk, no network, a few bytes of firmware migedit writes as the guest), \
            checks the two profiles as a pair (see migedit pair), applies each side's \
            settings over QMP as migedit apply does (its -global-only properties go on its \
            command line), migrates over a UNIX socket (a file for mapped-ram), issues \
            migrate-start-postcopy when postcopy-ram is on (precopy held at 1 MiB/s until \
            postcopy starts, then the profile's max-bandwidth again), and \
            prints the outcome (completed, failed with QEMU's error, or stuck with each \
            side's state at the timeout), the numbers query-migrate reports, and whether \
            the guest runs on the destination. --workload dirty keeps 144 guest pages \
            changing so xbzrle, auto-converge and postcopy have work to do. Both QEMUs are \
            killed and their files removed on every path, Ctrl-C included.

            Examples:
              migedit rehearse prod.json
              migedit rehearse --set multifd=on --set multifd-channels=4 --json
              migedit rehearse new.json --destination old.json --qemu-binary /opt/qemu/bin/qemu-system-x86_64

            Exit codes: 0 completed and the guest runs, 1 failed or stuck, 2 bad input or no usable QEMU.
            """)

    @OptionGroup var options: ConfigurationOptions

    @Option(help: ArgumentHelp("The destination's profile; the source's settings when omitted.", valueName: "PROFILE"))
    var destination: String?

    @Option(help: ArgumentHelp("The QEMU to run on both sides.", valueName: "PATH"))
    var qemuBinary = "qemu-system-x86_64"

    @Option(help: ArgumentHelp("Guest RAM: MiB, or a size with M or G (e.g. 512M, 1G).", valueName: "SIZE"),
            transform: RehearseCommand.mebibytes)
    var memory: UInt64 = 128

    @Option(help: ArgumentHelp("idle (a heartbeat only) or dirty (144 pages rewritten continuously).", valueName: "KIND"),
            transform: { text in
                guard let workload = RehearsalWorkload(rawValue: text) else {
                    throw ValidationError("unknown workload '\(text)'; use idle or dirty")
                }
                return workload
            })
    var workload = RehearsalWorkload.idle

    @Option(help: "Seconds the migration may take before it is reported stuck.")
    var timeout = 30.0

    @Flag(help: "Print the result as JSON.")
    var json = false

    func validate() throws {
        guard timeout > 0, timeout <= 3600 else { throw ValidationError("--timeout must be between 0 and 3600 seconds") }
    }

    func run() throws {
        // The binary's release first: the profile, its machine type and --qemu are read for it.
        let (binary, version) = try QEMUBinary.probeRelease(qemuBinary, prefix: "no usable QEMU: ")
        try options.release.requireMatch(version, target: qemuBinary, reported: binary.version)
        let source = try options.load(version: version)
        var target = source
        if let destination {
            var other = options
            other.profile = destination
            other.assignments = []
            target = try other.load(version: version)
        }
        let rehearsal: Rehearsal
        do {
            rehearsal = try Rehearsal(
                binary: binary.path, machine: source.host.machine ?? "q35", memoryMiB: memory, workload: workload,
                properties: (source, target))
        } catch {
            throw CLIFailure.badInput("no usable QEMU: " + error.message)
        }
        defer { rehearsal.stop() }
        let showProgress = isatty(STDERR_FILENO) == 1 && !json
        let result = rehearsal.run(source: source, destination: target, timeout: timeout) { step in
            if showProgress { Console.error("migedit: " + step) }
        }
        rehearsal.stop()
        Console.output(json ? result.json.serialized(pretty: true) : result.lines.joined(separator: "\n"))
        if !result.isSuccess { throw ExitCode(CLIFailure.rejected) }
    }

    /// `128`, `128M`, `128MiB`, `1G` or `1GiB` as MiB; at least 16 MiB and at most 64 GiB.
    static func mebibytes(_ text: String) throws -> UInt64 {
        var digits = Substring(text)
        var scale: UInt64 = 1
        for (suffix, factor) in [("GiB", UInt64(1024)), ("MiB", 1), ("G", 1024), ("M", 1)] where digits.hasSuffix(suffix) {
            digits = digits.dropLast(suffix.count)
            scale = factor
            break
        }
        guard let number = UInt64(digits), number <= 65536, number * scale >= 16, number * scale <= 65536 else {
            throw ValidationError("--memory takes MiB or a size such as 512M or 1G, from 16M to 64G (got '\(text)')")
        }
        return number * scale
    }
}
