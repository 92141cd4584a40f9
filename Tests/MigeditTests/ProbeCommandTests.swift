import MigrationCore
import Testing
import TestSupport

import Glibc

/// `migedit probe` through the real binary: a profile or --host words on stdout, exit 2 with one
/// line on stderr for a binary that is missing or not a QEMU.
@Suite struct ProbeCommandTests {
    let binary = try! ChildProcess.builtProduct(named: "migedit")

    func run(_ arguments: String...) throws -> ChildProcess.Output {
        try ChildProcess.run([binary] + arguments, environment: ["PATH": "/usr/bin:/bin"])
    }

    @Test(.enabled(if: access("/usr/bin/qemu-system-x86_64", X_OK) == 0))
    func profileOfTheQEMUOnPath() throws {
        let result = try run("probe")
        #expect(result.exitCode == 0, "\(result.standardError)")
        #expect(result.standardError.isEmpty)
        let profile = try Profile(json: result.standardOutput)
        #expect(profile.version == .v7_2)
        #expect(profile.host.compressionMethods == .zstd)
        #expect(result.standardOutput.contains("\"page-size\": 4096"))
    }

    @Test(.enabled(if: access("/usr/bin/qemu-system-x86_64", X_OK) == 0))
    func flagsAreHostOptionsOnOneLine() throws {
        let result = try run("probe", "--qemu-binary", "/usr/bin/qemu-system-x86_64", "--format", "flags")
        #expect(result.exitCode == 0, "\(result.standardError)")
        let lines = result.standardOutput.split(separator: "\n")
        #expect(lines.count == 1)
        let words = lines.first.map { $0.split(separator: " ").map(String.init) } ?? []
        #expect(words.contains("live-block-migration=on"))
        let check = try ChildProcess.run([binary, "check", "--qemu", "7.2"] + words, environment: ["PATH": "/usr/bin:/bin"])
        #expect(check.exitCode == 0, "check takes the words: \(check.standardError)")
    }

    @Test func aMissingBinaryIsBadInput() throws {
        let result = try run("probe", "--qemu-binary", "/nonexistent/qemu-system-x86_64")
        #expect(result.exitCode == 2)
        #expect(result.standardOutput.isEmpty)
        #expect(result.standardError == "migedit: QEMU binary not found: /nonexistent/qemu-system-x86_64\n")
    }

    @Test func aProgramThatIsNotQEMUIsBadInput() throws {
        let result = try run("probe", "--qemu-binary", "/bin/true")
        #expect(result.exitCode == 2)
        #expect(result.standardOutput.isEmpty)
        #expect(result.standardError.hasPrefix("migedit: /bin/true --version exited 0 without a QEMU version line"))
        #expect(result.standardError.split(separator: "\n").count == 1)
    }

    @Test func anUnknownFormatIsBadInput() throws {
        let result = try run("probe", "--format", "yaml")
        #expect(result.exitCode == 2)
        #expect(result.standardOutput.isEmpty)
    }

    @Test func exportNotesAMonitorSettingQEMUIgnores() throws {
        let result = try run("export", "--qemu", "7.2", "--set", "multifd-zstd-level=5", "--format", "hmp")
        #expect(result.exitCode == 0)
        #expect(result.standardOutput == "migrate_set_parameter multifd-zstd-level 5\n")
        #expect(result.standardError == "migedit: note: multifd-zstd-level=5 is accepted but not applied by QEMU 7.2's "
            + "migrate_set_parameter; pass it as -global migration.multifd-zstd-level=5\n")
    }
}
