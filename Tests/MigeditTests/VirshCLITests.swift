import MigrationCore
import Testing
import TestSupport

/// `import --from virsh` and `export --format virsh` through the real binary.
@Suite(.serialized)
struct VirshCLITests {
    func run(_ arguments: String..., input: String = "") throws -> ChildProcess.Output {
        let binary = try ChildProcess.builtProduct(named: "migedit")
        return try ChildProcess.run([binary] + arguments, input: Array(input.utf8), environment: ["PATH": "/usr/bin:/bin"])
    }

    @Test func checkSaysBeforeTheMigrationWhatQEMUWillAnswer() throws {
        let line = "virsh migrate --live --postcopy --parallel guest qemu+ssh://dst/system\n"
        let imported = try run("import", input: line)
        #expect(imported.exitCode == 0, "\(imported.standardError)")
        let checked = try run("check", "-", input: imported.standardOutput)
        #expect(checked.exitCode == 1 && checked.standardOutput.contains("Postcopy is not yet compatible with multifd"))
        let newer = try run("import", "--from", "virsh", "--qemu", "10.1", input: line)
        #expect(try run("check", "-", input: newer.standardOutput).exitCode == 0)
    }

    @Test func exportPrintsTheOptionsAndNamesTheRestOnStderr() throws {
        let result = try run("export", "--format", "virsh", "--qemu", "10.0", "--set", "multifd=on", "--set", "multifd-channels=8",
                             "--set", "return-path=on", "--set", "events=on", "--set", "pause-before-switchover=on",
                             "--set", "downtime-limit=500", "--set", "zero-blocks=on")
        #expect(result.exitCode == 0)
        #expect(result.standardOutput == "--parallel --parallel-connections 8\n")
        #expect(result.standardError.split(separator: "\n") == [
            "migedit: note: during the migration: virsh migrate-setmaxdowntime DOMAIN 500",
            #"migedit: note: libvirt cannot set zero-blocks=on: virsh qemu-monitor-command DOMAIN --pretty '{"execute":"migrate-set-capabilities","arguments":{"capabilities":[{"capability":"zero-blocks","state":true}]}}'"#,
        ])
    }

    @Test func libvirtsRefusalsAreBadInput() throws {
        let refused = try run("import", "--from", "virsh", input: "virsh migrate --parallel-connections 4 guest uri")
        #expect(refused.exitCode == 2 && refused.standardOutput.isEmpty)
        #expect(refused.standardError == "migedit: stdin: Turn parallel migration on to tune it\n")
    }
}
