import Foundation
import MigrationCore
import Testing
import TestSupport

/// `rehearse` and `pair` through the real binary.
@Suite("Rehearse CLI", .enabled(if: Binaries.qemu72Path != nil, Comment(rawValue: Binaries.missing72)))
struct RehearseCLITests {
    let binary: String
    let qemuPath = Binaries.qemu72Path ?? ""

    init() throws {
        binary = try ChildProcess.builtProduct(named: "migedit")
    }

    func run(_ arguments: [String]) throws -> ChildProcess.Output {
        try ChildProcess.run([binary] + arguments, environment: ["PATH": "/usr/bin:/bin"])
    }

    /// A profile file, removed by the caller.
    func write(_ json: String) throws -> String {
        let path = "/tmp/migedit-rehearse-test-\(UUID().uuidString).json"
        try json.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    @Test func aDefaultRehearsalCompletesAndPrintsItsNumbers() throws {
        let result = try run(["rehearse", "--qemu-binary", qemuPath])
        #expect(result.exitCode == 0, "\(result.standardError)")
        let lines = result.standardOutput.split(separator: "\n").map(String.init)
        #expect(lines.first?.hasPrefix("rehearsal  QEMU 7.2.") == true && lines.first?.hasSuffix(", 128 MiB, idle guest, over a UNIX socket") == true)
        #expect(lines.contains("outcome    completed"))
        for label in ["total time ", "downtime ", "setup time ", "transferred ", "throughput ", "multifd bytes ", "dirty syncs "] {
            #expect(lines.contains { $0.hasPrefix(label) }, "no \(label)")
        }
        #expect(lines.last?.hasPrefix("destination guest   runs (status running, counter at 0x500 0x") == true)
    }

    /// --machine is read for the binary's release, not the default one: pc-i440fx-1.7 exists in
    /// 7.2 only, and both QEMUs run it.
    @Test func aMachineTypeOfTheBinarysReleaseIsRehearsed() throws {
        let result = try run(["rehearse", "--qemu-binary", qemuPath, "--machine", "pc-i440fx-1.7", "--json"])
        #expect(result.exitCode == 0, "\(result.standardError)")
        let json = try JSON(parsing: result.standardOutput)
        #expect(json["outcome"]?.stringValue == "completed" && json["destination-guest-runs"]?.boolValue == true)
        let unknown = try run(["rehearse", "--qemu-binary", qemuPath, "--machine", "pc-q35-9.0"])
        #expect(unknown.exitCode == 2 && unknown.standardError.contains("QEMU 7.2 has no machine type 'pc-q35-9.0'"))
    }

    @Test func jsonCarriesTheSameFacts() throws {
        let result = try run(["rehearse", "--qemu-binary", qemuPath, "--set", "multifd=on", "--memory", "64M", "--json"])
        #expect(result.exitCode == 0, "\(result.standardError)")
        let json = try JSON(parsing: result.standardOutput)
        #expect(json["outcome"]?.stringValue == "completed" && json["memory-mib"]?.uint64Value == 64)
        #expect((json["multifd-bytes"]?.uint64Value ?? 0) > 0 && json["destination-guest-runs"]?.boolValue == true)
        #expect(json["pair"]?.arrayValue == [] && json["total-time-ms"]?.uint64Value != nil)
    }

    /// Without --destination the profile (and --set) goes to both sides.
    @Test func aProfileIsSetOnBothSides() throws {
        let profile = try write(#"{"qemu": "7.2", "capabilities": {"multifd": true}, "parameters": {"multifd-channels": 4}}"#)
        defer { unlink(profile) }
        let result = try run(["rehearse", profile, "--qemu-binary", qemuPath, "--set", "multifd-compression=zlib", "--json"])
        #expect(result.exitCode == 0, "\(result.standardOutput)")
        let json = try JSON(parsing: result.standardOutput)
        #expect(json["pair"]?.arrayValue == [] && (json["multifd-bytes"]?.uint64Value ?? 0) > 0)
    }

    @Test func aMismatchedRehearsalExitsOneAndNamesTheMismatch() throws {
        let destination = try write("{}")
        defer { unlink(destination) }
        let result = try run(["rehearse", "--qemu-binary", qemuPath, "--set", "multifd=on", "--destination", destination, "--timeout", "3"])
        #expect(result.exitCode == 1)
        #expect(result.standardOutput.contains("\npair       error: multifd  source on, destination off (must-match)\n"))
        #expect(result.standardOutput.contains("\ncause      the sides differ on multifd  source on, destination off: "))
    }

    @Test(arguments: [
        (["--memory", "lots"], "--memory takes MiB"),
        (["--workload", "busy"], "unknown workload 'busy'"),
        (["--timeout", "0"], "--timeout must be between"),
        (["--set", "nonsense=1"], "nonsense"),
        (["--qemu-binary", "/nonexistent/qemu"], "migedit: no usable QEMU: "),
        (["--qemu-binary", "/bin/true"], "migedit: no usable QEMU: "),
    ])
    func badInputExitsTwoWithOneLine(_ arguments: [String], _ said: String) throws {
        let result = try run(["rehearse", "--qemu-binary", qemuPath] + arguments)
        #expect(result.exitCode == 2)
        #expect(result.standardError.contains(said), "\(result.standardError)")
        #expect(result.standardOutput.isEmpty)
    }

    @Test func mappedRamOnAReleaseWithoutItIsBadInput() throws {
        let result = try run(["rehearse", "--qemu-binary", qemuPath, "--set", "multifd=on", "--set", "mapped-ram=on"])
        #expect(result.exitCode == 2 && result.standardError.hasPrefix("migedit: mapped-ram is new in QEMU 9.0"))
    }

    /// Ctrl-C while the migration hangs: both QEMUs end with migedit, the scratch directory goes.
    @Test func anInterruptKillsBothQEMUsAndRemovesTheirFiles() throws {
        let destination = try write(#"{"capabilities": {"multifd": true}}"#)
        defer { unlink(destination) }
        // sh starts a background job with SIGINT ignored; env puts it back to its default.
        let script = """
            env --default-signal=INT '\(binary)' rehearse --qemu-binary '\(qemuPath)' --destination '\(destination)' --timeout 60 >/dev/null 2>&1 &
            m=$!
            while :; do
              set -- $(pgrep -P $m)
              if [ $# -ge 2 ]; then
                dir=$(tr '\\0' '\\n' < /proc/$1/cmdline | grep firmware.bin)
                dir=${dir%/firmware.bin}
                [ -S "$dir/migration.sock" ] && break
              fi
              sleep 0.05
            done
            kill -INT $m
            wait $m
            echo "$? $dir $*"
            """
        let result = try ChildProcess.shell(script, timeout: 30)
        let words = result.standardOutput.split(separator: " ").map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
        try #require(words.count == 4, "\(result.standardOutput) \(result.standardError)")
        #expect(words[0] == "\(128 + SIGINT)")
        #expect(access(words[1], F_OK) != 0, "\(words[1]) is left behind")
        for pid in words[2...].compactMap({ pid_t($0) }) {
            var polls = 0
            while isRunning(pid) && polls < 300 {
                usleep(10_000)
                polls += 1
            }
            #expect(!isRunning(pid), "QEMU \(pid) outlived migedit")
            if isRunning(pid) { kill(pid, SIGKILL) }
        }
    }

    @Test func pairNamesEachMismatchWithItsRuleAndEvidence() throws {
        let source = try write(#"{"capabilities": {"multifd": true}, "parameters": {"max-bandwidth": 1000000}}"#)
        let destination = try write(#"{"parameters": {"max-bandwidth": 2000000}}"#)
        defer {
            unlink(source)
            unlink(destination)
        }
        let result = try run(["pair", source, destination])
        #expect(result.exitCode == 1)
        let lines = result.standardOutput.split(separator: "\n").map(String.init)
        #expect(lines.first == "multifd  source on, destination off")
        #expect(lines.contains("  error (must-match): " + PairRule.mustMatch.statement))
        #expect(lines.contains { $0.hasPrefix("  rehearsed: multifd on the source only fails at once") })
        #expect(lines.contains("max-bandwidth  source 1000000 B, destination 2000000 B"))
        #expect(lines.contains("  warning (source-only): " + PairRule.sourceOnly.statement))
        let warningsOnly = try run(["pair", destination, source])
        #expect(warningsOnly.exitCode == 1, "multifd differs either way")
        let same = try run(["pair", source, source])
        #expect(same.exitCode == 0 && same.standardOutput.hasSuffix("agree on every setting that must match, and set nothing on a side that ignores it\n"))
        #expect(try run(["pair", source, "/nonexistent.json"]).exitCode == 2)
    }

    func isRunning(_ pid: pid_t) -> Bool {
        guard let state = ChildProcess.status(of: pid)?.first else { return false }
        return state != "Z" && state != "X"
    }
}
