import Foundation
import MigrationCore
import Testing
import TestSupport

/// `migedit check --suggest`, through the real binary: the fixes under each diagnostic, the
/// releases that accept the configuration as is, the JSON shape, and fix words that paste back.
@Suite(.serialized)
struct CheckSuggestTests {
    let binary: String

    init() throws {
        binary = try ChildProcess.builtProduct(named: "migedit")
    }

    func run(_ arguments: [String]) throws -> ChildProcess.Output {
        try ChildProcess.run([binary] + arguments, environment: ["PATH": "/usr/bin:/bin"])
    }

    @Test func fixesUnderEachDiagnostic() throws {
        let result = try run([
            "check", "--set", "postcopy-ram=on", "--set", "multifd=on", "--set", "xbzrle-cache-size=1000", "--suggest",
        ])
        #expect(result.exitCode == 1)
        #expect(result.standardError.isEmpty)
        #expect(result.standardOutput == """
            ✗ rejected by QEMU 9.0: 2 errors, 0 warnings
            ▶ error   Parameter 'xbzrle_cache_size' expects a power of two no less than the target page size
                      rule xbzrle-cache-size-power-of-two · involves xbzrle-cache-size, host.page-size
                      fix: --set xbzrle-cache-size=4K
                      fix: --set xbzrle-cache-size=64M
              error   Postcopy is not yet compatible with multifd
                      rule postcopy-ram-vs-multifd · involves postcopy-ram, multifd
                      fix: --set postcopy-ram=off
                      fix: --set multifd=off
            ▶ marks the error QEMU itself prints first.
            no QEMU release from 7.2 to 10.2 accepts it as is

            """)
    }

    @Test func releasesThatAcceptAsIsAndHostFixes() throws {
        let postcopy = try run(["check", "--set", "multifd=on", "--set", "postcopy-ram=on", "--suggest"])
        let lines = postcopy.standardOutput.split(separator: "\n").map(String.init)
        #expect(Array(lines.suffix(4)) == [
            "          fix: --set multifd=off", "          fix: --set postcopy-ram=off",
            "▶ marks the error QEMU itself prints first.", "accepted as is by QEMU 7.2 to 8.0, 10.1 and later",
        ], "the latest --set is kept first")
        let dirtyLimit = try run(["check", "--set", "dirty-limit=on", "--host", "kvm=off", "--suggest"])
        #expect(dirtyLimit.standardOutput.contains("\n          fix: --host kvm=on --host dirty-ring=on\n"))
        let tls = try run(["check", "--set", "zero-copy-send=on", "--set", "multifd=on", "--set", "tls-creds=tls0", "--suggest"])
        #expect(tls.standardOutput.contains("\n          fix: --set tls-creds=\n"))
    }

    @Test func acceptedConfigurationsGetNoReleaseLine() throws {
        let result = try run(["check", "--set", "compress=on", "--qemu", "8.2", "--suggest"])
        #expect(result.exitCode == 0)
        #expect(result.standardOutput == """
            ✓ accepted by QEMU 8.2 with 1 warning
              warning old compression method is deprecated; use multifd compression methods instead
                      rule compress-deprecated · involves compress
                      fix: --set compress=off

            """)
    }

    @Test func jsonShape() throws {
        let result = try run(["check", "--set", "dirty-limit=on", "--suggest", "--json"])
        #expect(result.exitCode == 1)
        let json = try JSON(parsing: result.standardOutput)
        let diagnostic = try #require(json["diagnostics"]?.arrayValue?.first)
        #expect(diagnostic["rule"] == .string("dirty-limit-requires-kvm-dirty-ring"))
        #expect(diagnostic["fixes"] == .array([
            .object([
                JSONMember(key: "set", value: .array([.string("dirty-limit=off")])),
                JSONMember(key: "host", value: .array([])),
            ]),
            .object([
                JSONMember(key: "set", value: .array([])),
                JSONMember(key: "host", value: .array([.string("dirty-ring=on")])),
            ]),
        ]))
        #expect(json["accepted_by"] == .array([]))
        let postcopy = try JSON(parsing: try run(["check", "--set", "postcopy-ram=on", "--set", "multifd=on", "--suggest", "--json"]).standardOutput)
        #expect(postcopy["accepted_by"] == .array(["7.2", "8.0", "10.1", "10.2"].map(JSON.string)))
        let plain = try JSON(parsing: try run(["check", "--set", "dirty-limit=on", "--json"]).standardOutput)
        #expect(plain["accepted_by"] == nil && plain["diagnostics"]?.arrayValue?.first?["fixes"] == nil, "only with --suggest")
    }

    /// Every fix's words, pasted after the original options, clear its diagnostic and add no error.
    @Test(arguments: [
        ["--set", "xbzrle-cache-size=1000", "--set", "x-multifd=on", "--set", "postcopy-ram=on"],
        ["--qemu", "8.2", "--set", "zero-copy-send=on", "--set", "xbzrle=on", "--set", "max-cpu-throttle=5"],
        ["--set", "zero-copy-send=on", "--set", "multifd=on", "--set", "tls-creds=a b", "--set", "multifd-compression=zlib"],
        ["--set", "dirty-limit=on", "--set", "auto-converge=on", "--host", "kvm=off"],
        ["--set", "block-bitmap-mapping=[{\"node-name\":\"n\",\"alias\":\"1x\",\"bitmaps\":[]}]"],
        ["--qemu", "9.1", "--set", "multifd-compression=qpl", "--set", "announce-step=0"],
    ])
    func fixWordsPasteBack(options: [String]) throws {
        let json = try JSON(parsing: try run(["check"] + options + ["--suggest", "--json"]).standardOutput)
        let errors = try #require(json["diagnostics"]?.arrayValue).filter { $0["severity"] == .string("error") }
        let before = Set(errors.compactMap { $0["rule"]?.stringValue })
        #expect(!before.isEmpty)
        for diagnostic in errors {
            let rule = try #require(diagnostic["rule"]?.stringValue)
            let fixes = try #require(diagnostic["fixes"]?.arrayValue)
            #expect(!fixes.isEmpty, "\(rule)")
            for fix in fixes {
                let words = (fix["set"]?.arrayValue ?? []).flatMap { ["--set", $0.stringValue!] }
                    + (fix["host"]?.arrayValue ?? []).flatMap { ["--host", $0.stringValue!] }
                let fixed = try run(["check"] + options + words + ["--json"])
                #expect(fixed.standardError.isEmpty, "\(words): \(fixed.standardError)")
                let after = try JSON(parsing: fixed.standardOutput)["diagnostics"]?.arrayValue ?? []
                let afterErrors = Set(after.filter { $0["severity"] == .string("error") }.compactMap { $0["rule"]?.stringValue })
                #expect(!afterErrors.contains(rule), "\(words) leaves \(rule)")
                #expect(afterErrors.isSubset(of: before), "\(words) adds \(afterErrors.subtracting(before))")
            }
        }
    }

    /// The README's `--suggest` examples are what the binary prints.
    @Test func readmeExamples() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        let readme = try String(contentsOf: root.appendingPathComponent("README.md"), encoding: .utf8)
        let examples = readme.components(separatedBy: "\n$ migedit ").dropFirst()
            .filter { $0.hasPrefix("check ") && $0.split(separator: "\n")[0].hasSuffix(" --suggest") }
        #expect(examples.count == 2)
        for example in examples {
            let lines = example.components(separatedBy: "\n")
            let expected = lines.dropFirst().prefix { !$0.isEmpty && $0 != "```" }.joined(separator: "\n")
            let words = try ShellWords.split(lines[0])
            #expect(try run(words).standardOutput == expected + "\n", "migedit \(lines[0])")
        }
    }

    @Test func helpShowsSuggest() throws {
        let help = try run(["check", "--help"]).standardOutput
        #expect(help.contains("migedit check --set postcopy-ram=on --set multifd=on --suggest"))
        #expect(help.contains("--suggest"))
    }
}
