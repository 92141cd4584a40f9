import CleanSpawn
import Glibc
import MigrationCore
import QEMURunner

/// A rehearsal of a migration between two real QEMUs of one binary: a destination started with
/// `-incoming defer` (so capabilities such as multifd and postcopy-preempt can still be set)
/// and a source, both small TCG guests running the same `RehearsalWorkload` firmware, no disk
/// and no network. `init` starts them; `run` applies each side's profile over QMP (the same
/// plan as `migedit apply`), migrates and reports. Both QEMUs are killed by pid and the scratch
/// directory removed by `stop()`, by dropping the rehearsal, and by a signal ending migedit.
public final class Rehearsal {
    public let memoryMiB: UInt64
    public let workload: RehearsalWorkload
    /// The release both QEMUs run.
    public let snapshot: LiveSnapshot
    private let directory: ScratchDirectory
    /// Internal, not private: tests read back what the source QEMU was left with.
    let source: RehearsalSide
    private let destination: RehearsalSide
    private let started: Double

    /// `-accel tcg -nodefaults -display none`: no disk, no network, no display, quick to
    /// start; `-M`, `-m` and `-bios` are added per rehearsal.
    static let machineArguments = ["-accel", "tcg", "-nodefaults", "-display", "none"]

    /// Starts both QEMUs of `binary` (machine type `machine`: q35, or the versioned type a
    /// profile names, whose compat properties then apply) and waits up to `timeout` seconds
    /// for their QMP sockets. `properties`, the profiles `run` will apply when they are known
    /// now, puts each side's changed `-global`-only properties on its command line: no monitor
    /// command sets them once QEMU runs, and some (send-configuration, send-section-footer)
    /// must match between the sides.
    /// Throws (having stopped everything) when the binary cannot be started, does not serve
    /// QMP, or is a release migedit has no profile for.
    public init(
        binary: String, machine: String = "q35", memoryMiB: UInt64 = 128, workload: RehearsalWorkload = .idle,
        properties: (source: Profile, destination: Profile)? = nil, timeout: Double = 10
    ) throws(QMPError) {
        self.memoryMiB = memoryMiB
        self.workload = workload
        started = ChildProcess.monotonicSeconds()
        do {
            directory = try ScratchDirectory(prefix: "migedit-rehearse")
        } catch {
            throw QMPError(error.description)
        }
        let firmware = directory.path("firmware.bin")
        guard Rehearsal.write(workload.firmware, to: firmware) else {
            directory.remove()
            throw QMPError("cannot write the rehearsal firmware to \(firmware)")
        }
        let command = [binary, "-M", machine] + Rehearsal.machineArguments + ["-m", String(memoryMiB), "-bios", firmware]
        do {
            destination = try RehearsalSide(
                role: "destination", command: command + ["-incoming", "defer"], properties: properties?.destination, in: directory)
        } catch {
            directory.remove()
            throw error
        }
        do {
            source = try RehearsalSide(role: "source", command: command, properties: properties?.source, in: directory)
            let deadline = started + timeout
            _ = try destination.connect(by: deadline)
            _ = try source.connect(by: deadline)
            snapshot = try destination.connect(by: deadline).snapshot()
        } catch {
            destination.stop()
            directory.remove()
            throw error
        }
    }

    deinit { stop() }

    /// Kills both QEMUs and removes the scratch directory. Safe to call more than once.
    public func stop() {
        source.stop()
        destination.stop()
        directory.remove()
    }

    /// The scratch directory (firmware, QMP sockets, logs, the migration socket or file).
    public var directoryPath: String { directory.path }

    /// The pids of the destination and the source QEMU (each leads a process group).
    public var processIDs: [pid_t] { [destination.process.pid, source.process.pid] }

    /// Seconds since `init` began: start-up, settings, migration and the guest check.
    public var elapsed: Double { ChildProcess.monotonicSeconds() - started }

    /// Applies `sourceProfile` and `destinationProfile` (both in the QEMUs' release) to their
    /// sides, migrates and waits up to `timeout` seconds for both to complete. `progress` hears
    /// each step and each change of migration state.
    public func run(
        source sourceProfile: Profile, destination destinationProfile: Profile, timeout: Double,
        progress: (String) -> Void = { _ in }
    ) -> RehearsalResult {
        let mappedRam = Catalog.for(snapshot.version).contains(.mappedRam) && sourceProfile.configuration.isOn(.mappedRam)
        let transport = mappedRam ? "file:" + directory.path("migration.file") : "unix:" + directory.path("migration.sock")
        var result = RehearsalResult(
            qemuVersion: snapshot.qemuVersion, workload: workload.rawValue, memoryMiB: memoryMiB,
            transport: mappedRam ? "a file (mapped-ram)" : "a UNIX socket", outcome: .completed,
            mismatches: PairCheck.mismatches(source: sourceProfile, destination: destinationProfile))
        do {
            for (side, profile) in [(source, sourceProfile), (destination, destinationProfile)] {
                progress("setting up the \(side.role)")
                if let refusal = try configure(side, as: profile, notes: &result.notes) {
                    result.outcome = .failed("the \(side.role) QEMU refused the settings: " + refusal)
                    return result
                }
            }
            let postcopy = sourceProfile.configuration.isOn(.postcopyRam)
            try migrate(over: transport, fromFile: mappedRam, postcopy: postcopy, timeout: timeout, into: &result, progress: progress)
            if result.outcome == .completed {
                progress("checking the guest on the destination")
                try checkGuest(into: &result)
            }
        } catch {
            result.outcome = .failed(exitMessage() ?? error.message)
        }
        return result
    }

    /// Sends the settings of `profile` the side does not have yet; QEMU's refusal, if any.
    private func configure(_ side: RehearsalSide, as profile: Profile, notes: inout [String]) throws(QMPError) -> String? {
        let qemu = try side.connect(by: 0)
        let running = try qemu.snapshot()
        var held = running.profile.configuration
        for (id, value) in side.properties { held[id] = value }
        var wanted = profile
        wanted.host = running.profile.host
        let plan = ApplyPlan(from: held, to: wanted.configuration, version: running.version, host: wanted.host)
        for id in plan.propertiesLeftOut {
            notes.append("\(id.item.name) is a -global property only; the \(side.role) QEMU was started without this value")
        }
        let outcome = try qemu.apply(plan, wanted: wanted.configuration, host: wanted.host)
        if let refusal = outcome.refusal { return refusal }
        for change in outcome.notTaken { notes.append("the \(side.role) QEMU did not take " + change.line()) }
        return nil
    }

    /// Starts the migration and polls both sides until both complete, one fails or exits, or
    /// `timeout` passes. Over a file the destination reads only once the source has finished.
    private func migrate(
        over uri: String, fromFile: Bool, postcopy: Bool, timeout: Double, into result: inout RehearsalResult,
        progress: (String) -> Void
    ) throws(QMPError) {
        let address = [JSONMember(key: "uri", value: .string(uri))]
        if !fromFile, let refusal = try destination.run("migrate-incoming", address).errorDescription {
            result.outcome = .failed("the destination QEMU refused migrate-incoming: " + refusal)
            return
        }
        progress("migrating over \(result.transport)")
        let deadline = ChildProcess.monotonicSeconds() + timeout
        // The source's own max-bandwidth while precopy is held for postcopy (see `requestPostcopy`).
        var heldBandwidth: JSON?
        if postcopy {
            heldBandwidth = try source.run("query-migrate-parameters").value?["max-bandwidth"] ?? .number(0)
            try setMaxBandwidth(to: .number(Rehearsal.postcopyHold))
        }
        if let refusal = try source.run("migrate", address).errorDescription {
            result.outcome = .failed("the source QEMU refused migrate: " + refusal)
            return
        }
        if postcopy { try requestPostcopy(by: deadline, notes: &result.notes) }
        var seen: Set<String> = []
        var incoming = !fromFile
        var last = ""
        while true {
            let sent = try source.queryMigrate()
            let sourceStatus = sent["status"]?.stringValue ?? "none"
            seen.insert(sourceStatus)
            if let own = heldBandwidth, !["setup", "active"].contains(sourceStatus) {
                try setMaxBandwidth(to: own)
                heldBandwidth = nil
            }
            result.statistics = RehearsalStatistics(queryMigrate: sent)
            if postcopy {
                result.postcopyStarted = seen.contains("postcopy-active") || (result.statistics.postcopyBytes ?? 0) > 0
            }
            if sourceStatus == "failed" {
                let said = sent["error-desc"]?.stringValue ?? "the source reports failed"
                waitForExit(of: destination, seconds: 0.5)
                result.outcome = .failed(said + (exitMessage().map { "; " + $0 } ?? ""))
                return
            }
            if let exited = exitMessage() {
                result.outcome = .failed(exited)
                return
            }
            if !incoming && sourceStatus == "completed" {
                if let refusal = try destination.run("migrate-incoming", address).errorDescription {
                    result.outcome = .failed("the destination QEMU refused migrate-incoming: " + refusal)
                    return
                }
                incoming = true
            }
            let received: JSON
            do {
                received = try destination.queryMigrate()
            } catch {
                if let exited = exitMessage() {
                    result.outcome = .failed(exited)
                } else {
                    result.outcome = .stuck(source: sourceStatus, destination: "not answering QMP", after: timeout)
                }
                return
            }
            let destinationStatus = received["status"]?.stringValue ?? (incoming ? "listening" : "waiting for the file")
            if destinationStatus == "failed" {
                result.outcome = .failed(received["error-desc"]?.stringValue ?? "the destination reports failed")
                return
            }
            if sourceStatus == "completed" && destinationStatus == "completed" { return }
            let now = "source \(sourceStatus), destination \(destinationStatus)"
            if now != last {
                progress(now)
                last = now
            }
            guard ChildProcess.monotonicSeconds() < deadline else {
                result.outcome = .stuck(source: sourceStatus, destination: destinationStatus, after: timeout)
                return
            }
            usleep(5000)
        }
    }

    /// Precopy's bandwidth while a postcopy rehearsal waits for QEMU to switch to postcopy, in
    /// bytes per second: low enough that no guest completes in precopy first, high enough
    /// (QEMU divides it by 10 per 100 ms slice, and 0 means unlimited) to be a real limit.
    static let postcopyHold: UInt64 = 1 << 20

    /// With postcopy, waits until the source leaves `setup` (by `deadline`) and sends
    /// `migrate-start-postcopy`. QEMU switches to postcopy only once it has measured the
    /// bandwidth, after its first 100 ms slice, and a small guest sent unhindered completes in
    /// precopy before that (7.2 and 10.0 did, in 20-30 ms, the request long in), rehearsing no
    /// postcopy at all: so `migrate` holds precopy at `postcopyHold` until the source
    /// leaves `active`. The request waits for `active` because QEMU reads max-bandwidth when
    /// the connection is made, after `migrate` has answered.
    private func requestPostcopy(by deadline: Double, notes: inout [String]) throws(QMPError) {
        while ["none", "setup"].contains(try source.queryMigrate()["status"]?.stringValue ?? "none"),
              ChildProcess.monotonicSeconds() < deadline {
            usleep(1000)
        }
        if let refusal = try source.run("migrate-start-postcopy").errorDescription {
            notes.append("the source QEMU refused migrate-start-postcopy: " + refusal)
        }
    }

    private func setMaxBandwidth(to value: JSON) throws(QMPError) {
        if let refusal = try source.run("migrate-set-parameters", [JSONMember(key: "max-bandwidth", value: value)]).errorDescription {
            throw QMPError("the source QEMU refused a max-bandwidth: " + refusal)
        }
    }

    /// The destination runs (query-status) and its heartbeat counter moves between two reads.
    /// The second read is retried every 10 ms for up to a second: on a busy host the
    /// destination's vCPU thread can go 20 ms without running (seen under load on 7.2).
    private func checkGuest(into result: inout RehearsalResult) throws(QMPError) {
        let status = try destination.run("query-status").value?["status"]?.stringValue ?? "unknown"
        let first = try heartbeat()
        let patience = ChildProcess.monotonicSeconds() + 1
        var second: String?
        repeat {
            usleep(10000)
            second = try heartbeat()
        } while first != nil && second == first && status == "running" && ChildProcess.monotonicSeconds() < patience
        result.guestRuns = status == "running" && first != nil && first != second
        result.guestCheck = "status \(status), counter at 0x500 " + [first, second].map { $0 ?? "unreadable" }.joined(separator: " → ")
    }

    /// The 16-bit counter at 0x500 as HMP's `xp /1hx` prints it (`0x1eb0`).
    private func heartbeat() throws(QMPError) -> String? {
        let reply = try destination.run("human-monitor-command", [JSONMember(key: "command-line", value: .string("xp /1hx 0x500"))])
        guard let text = reply.value?.stringValue, let colon = text.firstRange(of: ": ") else { return nil }
        return text[colon.upperBound...].split(whereSeparator: { $0.isWhitespace }).first.map(String.init)
    }

    /// A destination that failed to load exits a moment after the source reports the failure;
    /// waiting for it briefly lets the result carry its words too.
    private func waitForExit(of side: RehearsalSide, seconds: Double) {
        let deadline = ChildProcess.monotonicSeconds() + seconds
        while side.process.isRunning && ChildProcess.monotonicSeconds() < deadline { usleep(5000) }
    }

    /// Which QEMU exited, with its last words; nil while both run.
    private func exitMessage() -> String? {
        for side in [destination, source] where !side.process.isRunning {
            return "the \(side.role) QEMU exited" + (side.lastMessage.map { ": " + $0 } ?? "")
        }
        return nil
    }

    private static func write(_ bytes: [UInt8], to path: String) -> Bool {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { return false }
        defer { close(descriptor) }
        return bytes.withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress, $0.count) } == bytes.count
    }
}
