import MigrationCore
import Testing
import TestSupport

import Glibc

/// Nonsense gets exit 2 with one line on stderr and nothing on stdout; what a command line or a
/// probe states about the host reaches the checks; a build's missing methods are refused.
@Suite(.serialized)
struct CLIInputTests {
    func run(_ arguments: String..., input: String = "") throws -> ChildProcess.Output {
        let binary = try ChildProcess.builtProduct(named: "migedit")
        return try ChildProcess.run([binary] + arguments, input: Array(input.utf8), environment: ["PATH": "/usr/bin:/bin"])
    }

    func expectBadInput(_ result: ChildProcess.Output, mentioning text: String, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(result.exitCode == 2, sourceLocation: sourceLocation)
        #expect(result.standardOutput.isEmpty, sourceLocation: sourceLocation)
        #expect(result.standardError.split(separator: "\n").count == 1, "\(result.standardError)", sourceLocation: sourceLocation)
        #expect(result.standardError.contains(text), "\(result.standardError)", sourceLocation: sourceLocation)
    }

    /// A private directory holding `files`, as the current directory of nothing: paths are absolute.
    func directory(_ files: [String: String]) -> String {
        var template = Array("/tmp/migedit-cli-XXXXXX".utf8CString)
        let path = String(cString: mkdtemp(&template)!)
        for (name, text) in files {
            let file = fopen(path + "/" + name, "w")!
            fputs(text, file)
            fclose(file)
        }
        return path
    }

    @Test func importOfTextWithoutSettingsIsBadInput() throws {
        expectBadInput(try run("import", input: "hello world\n"), mentioning: "no migration settings found")
        expectBadInput(try run("import", "--from", "global", input: "\n"), mentioning: "no migration settings found")
        expectBadInput(try run("import", "--from", "qmp", input: #"{"return": {}}"#), mentioning: "no migration settings found")
    }

    @Test func aTypoOfACommandIsNotAProfileName() throws {
        expectBadInput(try run("chekc", "--set", "multifd=on"), mentioning: "did you mean 'check'?")
        expectBadInput(try run("exprot"), mentioning: "did you mean 'export'?")
        expectBadInput(try run("help", "nonsense"), mentioning: "no command 'nonsense'")
        let help = try run("help", "check")
        #expect(help.exitCode == 0 && help.standardOutput.contains("migedit check"))
    }

    @Test func versionIsPrinted() throws {
        let result = try run("--version")
        #expect(result.exitCode == 0)
        #expect(result.standardOutput.hasPrefix("migedit "))
        #expect(result.standardOutput.contains("QEMU \(QEMUVersion.allCases.first!) to \(QEMUVersion.allCases.last!)"))
    }

    @Test func aNumericReleaseInAProfileSaysToQuoteIt() throws {
        expectBadInput(try run("check", "-", input: #"{"qemu": 9.0}"#), mentioning: #"write the release as a string, e.g. "9.0""#)
    }

    @Test func aCommandLinesAcceleratorAndIncomingBecomeHostFacts() throws {
        let line = "qemu-system-x86_64 -M pc-q35-9.0 -accel kvm,dirty-ring-size=4096 -incoming defer -global migration.x-dirty-limit=on"
        let imported = try run("import", "--from", "cmdline", input: line)
        #expect(imported.exitCode == 0, "\(imported.standardError)")
        let profile = try Profile(json: imported.standardOutput)
        #expect(profile.host.kvm && profile.host.dirtyRing)
        #expect(profile.host.incoming == .pending)
        #expect(profile.host.machine == "pc-q35-9.0")
        #expect(try run("check", "-", input: imported.standardOutput).exitCode == 0)
        let withoutRing = try run("import", "--from", "cmdline", input: "qemu -accel kvm -global migration.x-dirty-limit=on")
        #expect(try run("check", "-", input: withoutRing.standardOutput).exitCode == 1)
        let tcg = try Profile(json: try run("import", input: "qemu -machine q35,accel=tcg -enable-kvm -global migration.x-multifd=on").standardOutput)
        #expect(!tcg.host.kvm && tcg.host.machine == "q35", "the first accelerator named is the one QEMU uses")
    }

    @Test func aQMPTranscriptIsReadAsItsOwnRelease() throws {
        let transcript = """
            {"QMP": {"version": {"qemu": {"micro": 2, "minor": 0, "major": 10}, "package": ""}, "capabilities": ["oob"]}}\r
            {"return": {}}\r
            {"return": {"direct-io": false, "multifd-channels": 4}}\r
            {"timestamp": {"seconds": 1, "microseconds": 2}, "event": "SHUTDOWN", "data": {"guest": false, "reason": "host-qmp-quit"}}\r

            """
        let result = try run("import", input: transcript)
        #expect(result.exitCode == 0, "\(result.standardError)")
        let profile = try Profile(json: result.standardOutput)
        #expect(profile.version == .v10_0)
        #expect(profile.configuration[.multifdChannels] == .number(4))
        let bare = try run("import", input: #"{"return": {"direct-io": true}}"#)
        #expect(bare.exitCode == 0)
        #expect(try Profile(json: bare.standardOutput).version == .v9_1, "the release with the fewest settings it leaves out")
        let newer = try run("import", input: "-global migration.mode=cpr-transfer")
        #expect(try Profile(json: newer.standardOutput).version == .v10_0, "the oldest release that has it")
        #expect(newer.standardError.contains("fits QEMU 10.0, 10.1, 10.2; read as 10.0"), "\(newer.standardError)")
    }

    @Test func aBuildWithoutAMethodRefusesIt() throws {
        let check = try run("check", "--qemu", "10.0", "--set", "multifd-compression=qpl")
        #expect(check.exitCode == 1)
        #expect(check.standardOutput.contains("Parameter 'multifd-compression' does not accept value 'qpl'"))
        #expect(try run("export", "--qemu", "10.0", "--set", "multifd-compression=qpl").exitCode == 1)
        let imported = try run("import", "--qemu", "10.0", input: "-global migration.multifd-compression=qpl")
        #expect(imported.exitCode == 1 && imported.standardOutput.isEmpty)
        #expect(imported.standardError.contains("does not accept value 'qpl'"))
        let stated = try run("import", "--qemu", "10.0", "--host", "compression-methods=zstd,qpl", input: "-global migration.multifd-compression=qpl")
        #expect(stated.exitCode == 0)
        let reported = try run("import", "--qemu", "10.0", "--from", "qmp", input: #"{"return": {"multifd-compression": "qpl"}}"#)
        #expect(reported.exitCode == 0, "a QEMU that reports qpl has it")
        #expect(try Profile(json: reported.standardOutput).host.compressionMethods.contains(.qpl))
    }

    @Test func hostFromTakesAProfilesHostAndRelease() throws {
        let folder = directory([
            "probe.json": #"{"qemu": "10.0", "host": {"compression-methods": "zstd,qpl", "kvm": "off"}}"#,
            "prod.json": #"{"qemu": "9.2", "parameters": {"multifd-compression": "qpl"}}"#,
        ])
        let probe = folder + "/probe.json"
        let alone = try run("check", "--host-from", probe, "--set", "multifd-compression=qpl")
        #expect(alone.exitCode == 0 && alone.standardOutput.contains("QEMU 10.0"), "\(alone.standardOutput)")
        let profile = try run("check", folder + "/prod.json", "--host-from", probe)
        #expect(profile.exitCode == 0 && profile.standardOutput.contains("QEMU 9.2"), "the profile keeps its release")
        #expect(try run("check", folder + "/prod.json").exitCode == 1)
        #expect(try run("check", folder + "/prod.json", "--host-from", probe, "--host", "compression-methods=zstd").exitCode == 1)
        let exported = try run("export", "--host-from", probe, "--set", "multifd-compression=qpl")
        #expect(exported.exitCode == 0 && exported.standardOutput == "-global migration.multifd-compression=qpl\n")
        expectBadInput(try run("check", "--host-from", folder + "/missing.json"), mentioning: "missing.json")
    }

    @Test func explainKnowsTheNamesTheScreensShow() throws {
        let result = try run("explain", "host.page-size")
        #expect(result.exitCode == 0)
        #expect(result.standardOutput.hasPrefix("host fact page-size"))
        #expect(try run("explain", "host.compression-methods").standardOutput.contains("multifd-compression-needs-build-support"))
    }

    @Test func aMonitorQuirkIsANoteOnStderr() throws {
        for format in ["qmp", "hmp"] {
            let result = try run("export", "--qemu", "7.2", "--set", "multifd-zstd-level=5", "--format", format)
            #expect(result.exitCode == 0)
            #expect(result.standardOutput.contains("multifd-zstd-level"))
            #expect(result.standardError.contains("multifd-zstd-level=5 is accepted but not applied by QEMU 7.2's"), "\(result.standardError)")
            #expect(result.standardError.contains("-global migration.multifd-zstd-level=5"))
        }
        let fixed = try run("export", "--qemu", "9.0", "--set", "multifd-zstd-level=5", "--format", "qmp")
        #expect(fixed.standardError.isEmpty, "9.0 applies it")
    }
}
