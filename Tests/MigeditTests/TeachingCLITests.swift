import Foundation
import Testing
import TestSupport

/// The command line's side of the teaching views: `check --json` keeps one diagnostic per QEMU
/// check even where the editor shows a repeated message once, and `explain ITEM` prints what
/// the editor's item view shows.
struct TeachingCLITests {
    func run(_ arguments: String...) throws -> ChildProcess.Output {
        try ChildProcess.run([try ChildProcess.builtProduct(named: "migedit")] + arguments, environment: ["PATH": "/usr/bin:/bin"])
    }

    @Test func checkJSONKeepsBothZeroCopyChecks() throws {
        let result = try run("check", "--json", "--set", "multifd=on", "--set", "zero-copy-send=on", "--set", "tls-creds=tls0")
        #expect(result.exitCode == 1)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(result.standardOutput.utf8)) as? [String: Any])
        let rules = (json["diagnostics"] as? [[String: Any]])?.compactMap { $0["rule"] as? String }
        #expect(rules == ["zero-copy-send-vs-compression-or-tls", "zero-copy-send-needs-plain-multifd"])
    }

    @Test func explainAnItemPrintsItsSideRulesWithReleasesAndHistory() throws {
        let result = try run("explain", "announce-rounds", "--qemu", "10.0")
        #expect(result.exitCode == 0)
        #expect(result.standardOutput.contains("  side:     destination only: the destination sends the announcements"))
        #expect(result.standardOutput.contains("    announce-rounds-range · all (7.2 to 10.2)"))
        #expect(result.standardOutput.contains("  History:\n    7.2: present (the oldest release migedit knows)"))
    }
}
