import MigrationCore
import Testing
import TestSupport

import Glibc

/// The CLI contract, exercised through the real binary: exit codes, stdout/stderr discipline
/// and messages for bad input.
@Suite(.serialized)
struct CLITests {
    let binary: String

    /// A missing product fails each test with the places searched, instead of crashing the run.
    init() throws {
        binary = try ChildProcess.builtProduct(named: "migedit")
    }

    func run(_ arguments: String..., input: String = "") throws -> ChildProcess.Output {
        try ChildProcess.run([binary] + arguments, input: Array(input.utf8), environment: ["PATH": "/usr/bin:/bin"])
    }

    @Test func acceptedConfigurationExitsZero() throws {
        let result = try run("check", "--set", "multifd=on", "--set", "multifd-channels=8")
        #expect(result.exitCode == 0)
        #expect(result.standardOutput.hasPrefix("✓ accepted by QEMU 9.0"))
        #expect(result.standardError.isEmpty)
    }

    @Test func rejectedConfigurationExitsOneAndMarksQEMUsFirstError() throws {
        let result = try run("check", "--set", "x-postcopy-ram=on", "--set", "multifd=on", "--set", "multifd-channels=0")
        #expect(result.exitCode == 1, "\(result.standardError)")
        let lines = result.standardOutput.split(separator: "\n").map(String.init)
        #expect(lines.first == "✗ rejected by QEMU 9.0: 2 errors, 0 warnings")
        #expect(lines.contains("▶ error   Parameter 'multifd_channels' expects a value between 1 and 255"))
        #expect(lines.contains("  error   Postcopy is not yet compatible with multifd"))
    }

    @Test func warningsStillExitZero() throws {
        let result = try run("check", "--set", "compress=on")
        #expect(result.exitCode == 0)
        #expect(result.standardOutput.contains("warning old compression method is deprecated; use multifd compression methods instead"))
    }

    @Test func jsonVerdict() throws {
        let result = try run("check", "--set", "switchover-ack=on", "--json")
        #expect(result.exitCode == 1)
        let json = try JSON(parsing: result.standardOutput)
        #expect(json["valid"] == .bool(false))
        #expect(json["qemu"] == .string("9.0"))
        #expect(json["first_error"] == .string("Capability 'switchover-ack' requires capability 'return-path'"))
        let diagnostic = json["diagnostics"]?.arrayValue?.first
        #expect(diagnostic?["rule"] == .string("switchover-ack-requires-return-path"))
        #expect(diagnostic?["severity"] == .string("error"))
        #expect(diagnostic?["items"] == .array([.string("switchover-ack"), .string("return-path")]))
        let accepted = try JSON(parsing: try run("check", "--json").standardOutput)
        #expect(accepted["first_error"] == .null)
        #expect(accepted["diagnostics"] == .array([]))
    }

    @Test func hostFactsChangeTheVerdict() throws {
        #expect(try run("check", "--set", "dirty-limit=on").exitCode == 1)
        #expect(try run("check", "--set", "dirty-limit=on", "--host", "dirty-ring=on").exitCode == 0)
    }

    @Test(arguments: [
        (["check", "--set", "mulitfd=on"], "migedit: unknown setting 'mulitfd' (did you mean 'multifd'?)"),
        (["check", "--set", "x-compress-level=300"], "migedit: x-compress-level: expects an integer 0..255 (uint8), got '300'"),
        (["check", "--set", "multifd"], "migedit: --set expects NAME=VALUE, got 'multifd'"),
        (["check", "--host", "kvm=maybe"], "migedit: host fact kvm: expects on|off, got 'maybe'"),
        (["check", "--host", "gpu=on"], "migedit: unknown host fact 'gpu'"),
        (["check", "/nonexistent/profile.json"], "migedit: cannot read /nonexistent/profile.json: no such file"),
        (["check", "/"], "migedit: cannot read /: it is a directory"),
        (["explain", "postcopy-ram-vs-multifdd"], "migedit: no rule, setting or host fact named 'postcopy-ram-vs-multifdd' (did you mean 'postcopy-ram-vs-multifd'?)"),
        (["export", "--format", "yaml"], "migedit: The value 'yaml' is invalid for '--format <format>'"),
        (["check", "--frobnicate"], "migedit: Unknown option '--frobnicate'"),
        (["check", "--qemu", "9.9"], "migedit: The value '9.9' is invalid for '--qemu <VERSION>': unknown QEMU release '9.9'; known: 7.2, 8.0"),
    ])
    func badInputExitsTwoWithOneLineOnStderr(arguments: [String], message: String) throws {
        let result = try ChildProcess.run([binary] + arguments, environment: ["PATH": "/usr/bin:/bin"])
        #expect(result.exitCode == 2)
        #expect(result.standardOutput.isEmpty)
        #expect(result.standardError.contains(message), "\(result.standardError)")
        #expect(result.standardError.split(separator: "\n").count == 1, "one line: \(result.standardError)")
    }

    @Test func corruptProfileIsBadInput() throws {
        let path = try temporaryFile(contents: "{\"capabilities\": {\"multifd\": \"yes\"}}")
        let result = try run("check", path)
        #expect(result.exitCode == 2)
        #expect(result.standardOutput.isEmpty)
        #expect(result.standardError == "migedit: \(path): profile: multifd expects true or false, got \"yes\"\n")
        let garbage = try temporaryFile(contents: "\u{FF}\u{FE}not json")
        #expect(try run("check", garbage).exitCode == 2)
    }

    @Test func exportRefusesWhatQEMURefuses() throws {
        let refused = try run("export", "--set", "postcopy-ram=on", "--set", "multifd=on")
        #expect(refused.exitCode == 1)
        #expect(refused.standardOutput.isEmpty)
        #expect(refused.standardError.contains("Postcopy is not yet compatible with multifd"))
        let forced = try run("export", "--set", "postcopy-ram=on", "--set", "multifd=on", "--force")
        #expect(forced.exitCode == 0)
        #expect(forced.standardOutput == "-global migration.x-postcopy-ram=on -global migration.x-multifd=on\n")
    }

    @Test func exportNotesGoToStderr() throws {
        let result = try run("export", "--set", "dirty-bitmaps=on", "--set", "events=on")
        #expect(result.exitCode == 0)
        #expect(result.standardOutput == "-global migration.x-events=on\n")
        #expect(result.standardError == "migedit: note: dirty-bitmaps has no -global property; set it with --format qmp or hmp\n")
    }

    @Test func exportedWordsSurviveARealShell() throws {
        let hostile = ["it's", "$(touch /tmp/migedit-cli-pwned)", "`touch /tmp/migedit-cli-pwned`", "a b,c=d", "semi;colon|&", "new\nline"]
        unlink("/tmp/migedit-cli-pwned")
        for value in hostile {
            let export = try run("export", "--set", "tls-hostname=\(value)", "--set", "events=on")
            #expect(export.exitCode == 0)
            let line = String(export.standardOutput.dropLast())
            let printed = try ChildProcess.shell("printf '%s\\0' \(line)")
            let words = printed.output.split(separator: 0, omittingEmptySubsequences: false).dropLast().map { String(decoding: $0, as: UTF8.self) }
            #expect(words == ["-global", "migration.x-events=on", "-global", "migration.tls-hostname=\(value)"])
        }
        #expect(access("/tmp/migedit-cli-pwned", F_OK) != 0)
    }

    @Test func importDetectsCommandLinesAndPrintsAProfile() throws {
        let result = try run("import", input: "qemu-system-x86_64 -m 1G -global migration.x-multifd=on -global migration.multifd-channels=4\n")
        #expect(result.exitCode == 0)
        #expect(result.standardOutput == """
            {
              "qemu": "9.0",
              "capabilities": {
                "multifd": true
              },
              "parameters": {
                "multifd-channels": 4
              }
            }

            """)
    }

    @Test func importOfGarbageIsBadInput() throws {
        let result = try run("import", "--from", "qmp", input: "{\"return\": [{\"capability\": \"teleport\", \"state\": true}]}")
        #expect(result.exitCode == 2)
        #expect(result.standardError == "migedit: stdin: unknown capability 'teleport'\n")
    }

    @Test func profileExportedAsJSONChecksTheSame() throws {
        let json = try run("export", "--set", "return-path=on", "--set", "switchover-ack=on", "--host", "page-size=65536", "--format", "json")
        let path = try temporaryFile(contents: json.standardOutput)
        let check = try run("check", path, "--set", "xbzrle-cache-size=32K")
        #expect(check.exitCode == 1)
        #expect(check.standardOutput.contains("Parameter 'xbzrle_cache_size' expects a power of two no less than the target page size"))
    }

    @Test func helpHasExamples() throws {
        for arguments in [["--help"], ["check", "--help"], ["export", "--help"], ["import", "--help"], ["explain", "--help"]] {
            let result = try ChildProcess.run([binary] + arguments)
            #expect(result.exitCode == 0)
            #expect(result.standardOutput.contains("Examples:"), "\(arguments)")
        }
    }

    @Test func editHelpGivesTheExitCodesAScriptRelies() throws {
        let help = try run("edit", "--help")
        #expect(help.exitCode == 0)
        #expect(help.standardOutput.contains("f=$(migedit edit prod.json --print) && eval"))
        #expect(help.standardOutput.contains("with --print, 1 after leaving without w"))
        #expect(help.standardOutput.contains("PROFILE.save"))
    }

    @Test func helpCarriesTheReferenceTheManualIsMadeFrom() throws {
        for arguments in [["--help"], ["help"]] {
            let help = try ChildProcess.run([binary] + arguments)
            for title in ["Values:", "Host facts:", "Exit status:"] { #expect(help.standardOutput.contains("\n" + title + "\n"), "\(title)") }
            for fact in HostFact.allCases { #expect(help.standardOutput.contains("  \(fact.rawValue)=")) }
            #expect(help.standardOutput.contains("  size    " + ValueType.size.syntax))
        }
        #expect(try run("help", "edit").standardOutput.contains("\nKeys:\n  Moving\n"))
    }

    @Test func explainTeaches() throws {
        let rule = try run("explain", "switchover-ack-requires-return-path")
        #expect(rule.exitCode == 0)
        #expect(rule.standardOutput.contains("QEMU says:  Capability 'switchover-ack' requires capability 'return-path'"))
        let item = try run("explain", "x-zero-copy-send")
        #expect(item.standardOutput.contains("-global:  migration.x-zero-copy-send (Linux builds only)"))
        #expect(item.standardOutput.contains("zero-copy-send-needs-plain-multifd"))
    }

    @Test func qemuVersionChangesTheVerdict() throws {
        #expect(try run("check", "--set", "postcopy-ram=on", "--set", "multifd=on", "--qemu", "10.1").exitCode == 0)
        let old = try run("check", "--qemu", "7.2", "--set", "switchover-ack=on")
        #expect(old.exitCode == 2)
        #expect(old.standardError == "migedit: switchover-ack is new in QEMU 8.1\n")
        let removed = try run("export", "--qemu", "9.1", "--set", "x-compress=on")
        #expect(removed.exitCode == 2)
        #expect(removed.standardError == "migedit: compress was removed after QEMU 9.0\n")
        let unknown = try run("check", "--qemu", "6.2")
        #expect(unknown.exitCode == 2)
        #expect(unknown.standardError.contains("7.2"))
        #expect(unknown.standardOutput.isEmpty)
    }

    @Test func profileVersionIsKeptAndSwitchingMustNotLoseSettings() throws {
        let profile = try run("export", "--qemu", "9.0", "--set", "compress=on", "--format", "json", "--force")
        #expect(profile.standardOutput.contains("\"qemu\": \"9.0\""))
        let path = try temporaryFile(contents: profile.standardOutput)
        let switched = try run("check", path, "--qemu", "9.1")
        #expect(switched.exitCode == 2)
        #expect(switched.standardError == "migedit: QEMU 9.1 has no compress (set in the profile for QEMU 9.0)\n")
        #expect(try run("check", path).standardOutput.hasPrefix("✓ accepted by QEMU 9.0 with 1 warning"))
    }

    @Test func versionsTableListsEveryRelease() throws {
        let result = try run("versions")
        #expect(result.exitCode == 0)
        let rows = result.standardOutput.split(separator: "\n").filter { $0.hasPrefix("| ") && !$0.hasPrefix("| QEMU") }
        #expect(rows.map { $0.split(separator: " ")[1] } == ["7.2", "8.0", "8.1", "8.2", "9.0", "9.1", "9.2", "10.0", "10.1", "10.2"])
        #expect(result.standardOutput.contains("−postcopy-ram-vs-multifd"))
    }

    @Test func verifyReportsAMissingBinary() throws {
        let result = try run("verify", "--qemu-binary", "/nonexistent/qemu-system-x86_64")
        #expect(result.exitCode == 2)
        #expect(result.standardOutput.isEmpty)
        #expect(result.standardError.hasPrefix("migedit: "))
        let notQEMU = try run("verify", "--qemu-binary", "/bin/true")
        #expect(notQEMU.exitCode == 2)
    }

    @Test(.enabled(if: access("/usr/bin/qemu-system-x86_64", X_OK) == 0))
    func verifyAgainstQEMU72() throws {
        let agree = try run("verify", "--qemu-binary", "/usr/bin/qemu-system-x86_64", "--set", "x-compress=on", "--set", "multifd=on")
        #expect(agree.exitCode == 0, "\(agree.standardOutput)\(agree.standardError)")
        // Debian 12's package; a newer distribution's binary would verify another release.
        #expect(agree.standardOutput.hasPrefix("QEMU 7.2."), "\(agree.standardOutput)")
        #expect(agree.standardOutput.contains("migedit profile 7.2\n"))
        #expect(agree.standardOutput.contains("QEMU:    rejected: Multifd is not compatible with compress"))
        #expect(agree.standardOutput.contains("✓ agree"))
        #expect(agree.standardOutput.contains("QMP (1 command to a QEMU started with nothing set)\n  QEMU:    refused: Multifd is not compatible with compress\n✓ agree: migedit rejects it too"))
        #expect(agree.standardOutput.contains("HMP (2 commands to a QEMU started with nothing set)\n  QEMU:    refused: Multifd is not compatible with compress\n✓ agree: migedit rejects it too"))
        let accepted = try run("verify", "--qemu-binary", "/usr/bin/qemu-system-x86_64", "--set", "multifd-channels=8", "--set", "multifd-zstd-level=5")
        #expect(accepted.exitCode == 0)
        #expect(accepted.standardOutput.contains("values read back as exported"))
        #expect(accepted.standardOutput.contains("  note:    multifd-zstd-level=5 is accepted but not applied by QEMU 7.2's migrate-set-parameters"))
        #expect(accepted.standardOutput.contains("✓ agree: every value reads back as sent but multifd-zstd-level, which QEMU keeps as the note says"))
        // migedit told the build lacks replication predicts a refusal QEMU does not make, on every path.
        let disagree = try run("verify", "--qemu-binary", "/usr/bin/qemu-system-x86_64", "--set", "x-colo=on", "--host", "replication=off")
        #expect(disagree.exitCode == 1)
        #expect(disagree.standardOutput.contains("  - QEMU took it over QMP; migedit predicted \"QEMU compiled without replication module can't enable COLO\""))
        #expect(disagree.standardOutput.contains("  - QEMU took it over HMP; migedit predicted"))
    }

    @Test func switchingReleasesDropsNoChoiceSilently() throws {
        let profile = try run("export", "--qemu", "10.0", "--set", "mode=cpr-transfer", "--format", "json")
        let path = try temporaryFile(contents: profile.standardOutput)
        let check = try run("check", path, "--qemu", "9.0")
        #expect(check.exitCode == 2)
        #expect(check.standardError == "migedit: QEMU 9.0 has no mode=cpr-transfer (set in the profile for QEMU 10.0)\n")
    }

    @Test func importReadsWindowsLineEndingsAndTheReleasesSizeSyntax() throws {
        let crlf = try run("import", "--from", "global", input: "-global migration.x-multifd=on\r\n-global migration.multifd-channels=4\r\n")
        #expect(crlf.exitCode == 0, "\(crlf.standardError)")
        #expect(crlf.standardOutput.contains("\"multifd-channels\": 4"))
        let old = try run("import", "--from", "profile", "--qemu", "7.2", input: #"{"parameters": {"xbzrle-cache-size": "0x10k"}}"#)
        #expect(old.exitCode == 0, "\(old.standardError)")
        #expect(old.standardOutput.contains("\"qemu\": \"7.2\""))
        #expect(old.standardOutput.contains("\"xbzrle-cache-size\": 16384"))
    }

    func temporaryFile(contents: String) throws -> String {
        var template = Array("/tmp/migedit-test-XXXXXX.json".utf8CString)
        let descriptor = mkstemps(&template, 5)
        guard descriptor >= 0 else { throw ChildProcess.Failure.cannotStart("mkstemps: \(String(cString: strerror(errno)))") }
        _ = contents.utf8CString.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count - 1) }
        close(descriptor)
        return String(decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}
