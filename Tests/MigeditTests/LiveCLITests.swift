import Foundation
import MigrationCore
import QMPClient
import Testing
import TestSupport

/// `pull` and `apply` through the real binary against a real QEMU serving QMP.
@Suite("Live CLI", .enabled(if: (Binaries.qemu100Path ?? Binaries.qemu72Path) != nil, Comment(rawValue: Binaries.missing100)))
struct LiveCLITests {
    let binary: String
    let qemuPath = Binaries.qemu100Path ?? Binaries.qemu72Path ?? ""

    init() throws {
        binary = try ChildProcess.builtProduct(named: "migedit")
    }

    func run(_ arguments: String...) throws -> ChildProcess.Output {
        try ChildProcess.run([binary] + arguments, environment: ["PATH": "/usr/bin:/bin"])
    }

    @Test func pullPrintsAProfileThatChecksAndReimports() throws {
        let qemu = try ServedQEMU(binary: qemuPath)
        defer { qemu.stop() }
        #expect(try run("apply", "--qmp", qemu.address, "--set", "dirty-bitmaps=on", "--set", "downtime-limit=500").exitCode == 0)
        let pulled = try run("pull", "--qmp", qemu.address)
        #expect(pulled.exitCode == 0 && pulled.standardError.isEmpty)
        let profile = try Profile(json: pulled.standardOutput)
        #expect(profile.configuration.changedItems == [.dirtyBitmaps, .downtimeLimit])
        #expect(profile.host.kvm == false)
        #expect(pulled.standardOutput.contains(#""dirty-bitmaps": true"#))
    }

    @Test func dryRunPrintsTheDifferenceAndTheQMPAndSendsNothing() throws {
        let qemu = try ServedQEMU(binary: qemuPath)
        defer { qemu.stop() }
        let result = try run("apply", "--qmp", qemu.address, "--set", "switchover-ack=on", "--set", "return-path=on",
                             "--set", "max-bandwidth=1G", "--dry-run")
        #expect(result.exitCode == 0, "\(result.standardError)")
        let lines = result.standardOutput.split(separator: "\n").map(String.init)
        #expect(lines.first?.hasSuffix(" at \(qemu.address): 3 changes") == true)
        #expect(lines.dropFirst().prefix(3) == ["  return-path     off → on", "  switchover-ack  off → on", "  max-bandwidth   128 MiB → 1 GiB"])
        #expect(lines.suffix(2) == [
            #"{"execute":"migrate-set-capabilities","arguments":{"capabilities":[{"capability":"return-path","state":true},{"capability":"switchover-ack","state":true}]}}"#,
            #"{"execute":"migrate-set-parameters","arguments":{"max-bandwidth":1073741824}}"#,
        ])
        let pulled = try Profile(json: try run("pull", "--qmp", qemu.address).standardOutput)
        #expect(pulled.configuration == Configuration())
        let applied = try run("apply", "--qmp", qemu.address, "--set", "switchover-ack=on", "--set", "return-path=on", "--set", "max-bandwidth=1G")
        #expect(applied.standardOutput.hasSuffix("✓ applied: QEMU reads back all 3 changes as sent\n"))
        let again = try run("apply", "--qmp", qemu.address, "--set", "switchover-ack=on", "--set", "return-path=on", "--set", "max-bandwidth=1G")
        #expect(again.standardOutput.hasSuffix("already holds these settings; nothing to send\n") && again.exitCode == 0)
    }

    /// A profile is the whole state wanted; --set alone changes only what it names.
    @Test func setWithoutAProfileChangesOnlyWhatItNames() throws {
        let qemu = try ServedQEMU(binary: qemuPath)
        defer { qemu.stop() }
        #expect(try run("apply", "--qmp", qemu.address, "--set", "multifd=on", "--set", "multifd-channels=4").exitCode == 0)
        let one = try run("apply", "--qmp", qemu.address, "--set", "downtime-limit=700")
        #expect(one.standardOutput.hasPrefix("QEMU ") && one.standardOutput.contains(": 1 change\n  downtime-limit  300"), "\(one.standardOutput)")
        let profile = try run("export", "--qemu", String(try Profile(json: try run("pull", "--qmp", qemu.address).standardOutput).version.rawValue),
                              "--set", "events=on", "--format", "json")
        let path = qemu.directory + "/events.json"
        #expect(FileManager.default.createFile(atPath: path, contents: Data(profile.standardOutput.utf8)))
        let whole = try run("apply", path, "--qmp", qemu.address)
        #expect(whole.exitCode == 0)
        #expect(whole.standardOutput.contains(": 4 changes\n"), "events on; multifd, its channels and downtime-limit back to defaults: \(whole.standardOutput)")
    }

    @Test func unreachableOrForeignSocketsExitTwoWithOneLine() throws {
        for arguments in [["pull", "--qmp", "/nonexistent/qmp.sock"], ["apply", "--qmp", "tcp:192.168.1.1:4444"], ["pull", "--qmp", "unix:"]] {
            let result = try ChildProcess.run([binary] + arguments)
            #expect(result.exitCode == 2)
            #expect(result.standardOutput.isEmpty)
            #expect(result.standardError.hasPrefix("migedit: ") && result.standardError.split(separator: "\n").count == 1, "\(result.standardError)")
        }
    }
}

/// `edit --qmp` in a real terminal against a real QEMU.
@Suite("Live editor end to end", .serialized, .enabled(if: (Binaries.qemu100Path ?? Binaries.qemu72Path) != nil, Comment(rawValue: Binaries.missing100)))
struct LiveEditorEndToEndTests {
    let binary: String
    let qemuPath = Binaries.qemu100Path ?? Binaries.qemu72Path ?? ""

    init() throws {
        binary = try ChildProcess.builtProduct(named: "migedit")
    }

    /// Attach, edit, apply, re-read (QEMU holds it), edit again, then QEMU is killed: the apply
    /// says QEMU went away, the edit is still on screen, and `r` says QEMU cannot be reached.
    @Test func applyThenAKilledQEMUKeepsTheEdits() throws {
        let qemu = try ServedQEMU(binary: qemuPath)
        defer { qemu.stop() }
        try EditorEndToEndTests().withSession([binary, "edit", "--qmp", qemu.address]) { tmux in
            let first = try tmux.waitForFirstFrame()
            #expect(first.contains(" at \(qemu.address) · applied"))
            try tmux.focus("events")
            try tmux.send("Space")
            try tmux.settled(containing: "· 1 to apply")
            try tmux.send("a")
            let question = try tmux.waitUntil("a asks") { $0.contains("Send this change to QEMU") }
            #expect(question.contains("events  off → on"))
            try tmux.send("y")
            try tmux.settled(containing: "every value reads back as sent")
            try tmux.send("r")
            let reread = try tmux.waitUntil("r reads QEMU again") { $0.contains("again; nothing changed") }
            #expect(reread.contains("[x] events"), "QEMU holds what was applied")

            try tmux.focus("downtime-limit")
            try tmux.send("Enter")
            try tmux.send("C-u")
            try tmux.sendLiteral("900")
            try tmux.send("Enter")
            try tmux.settled(containing: "· 1 to apply")
            qemu.stop()
            try tmux.send("a")
            try tmux.waitUntil("a asks") { $0.contains("Send this change to QEMU") }
            try tmux.send("y")
            let gone = try tmux.waitUntil("the apply fails") { $0.contains("connection closed); your edits") }
            #expect(gone.contains("✗ QEMU at \(qemu.address) went away (the QMP connection closed)"))
            #expect(gone.contains(/▸ downtime-limit +900 ms/))
            try tmux.send("r")
            let unreachable = try tmux.waitUntil("r cannot reach QEMU") { $0.contains("cannot connect to QMP") }
            #expect(unreachable.contains(/▸ downtime-limit +900 ms/))
        }
    }
}
