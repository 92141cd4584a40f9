import MigrationCore
import Testing
@testable import QEMURunner

@Suite("JSON, QMP and stderr parsing")
struct ParsingTests {
    @Test func qmpValuesKeepIntegersExact() throws {
        #expect(QMPValue(try JSON(parsing: "18446744073709551615")) == .integer(.max))
        #expect(QMPValue(try JSON(parsing: "18446744073709551616")) == .other("18446744073709551616"))
        #expect(QMPValue(try JSON(parsing: "-1")) == .other("-1"))
        #expect(QMPValue(try JSON(parsing: "[]")) == .other("[]"))
        #expect(QMPValue(try JSON(parsing: #""x""#)) == .string("x"))
    }

    @Test func repliesAreMatchedByIdAndEventsSkipped() throws {
        let stdout = """
            {"QMP": {"version": {"qemu": {"micro": 2, "minor": 0, "major": 10}}, "capabilities": ["oob"]}}
            {"return": {}, "id": "capabilities"}
            {"timestamp": {"seconds": 1, "microseconds": 2}, "event": "SOMETHING", "data": {}}
            {"return": [{"state": true, "capability": "multifd"}], "id": "caps"}
            {"error": {"class": "GenericError", "desc": "boom"}, "id": "params"}
            {"return": "a: 1\\r\\nb: 2\\r\\n", "id": "info-params"}

            """
        let replies = try QEMURunner.readReplies(stdout)
        #expect(Set(replies.keys) == ["capabilities", "caps", "params", "info-params"])
        #expect(replies["params"]?["error"]?["desc"]?.stringValue == "boom")
        #expect(try QEMURunner.readReplies("").isEmpty)
        #expect(throws: QEMURunner.ProtocolError.self) { try QEMURunner.readReplies("hello\n") }
        // A last line cut short (QEMU killed mid-write) is ignored.
        #expect(try QEMURunner.readReplies(#"{"QMP": {}}"# + "\n" + #"{"return": {}, "i"#).isEmpty)
    }

    @Test func stderrPrefixesHintsAndWarnings() {
        let raw = """
            qemu-system-x86_64: -global migration.x-multifd: warning: short-form boolean option 'migration.x-multifd' deprecated
            Please use migration.x-multifd=on instead
            qemu-system-x86_64: warning: zero-blocks capability is deprecated
            qemu-system-x86_64: can't apply global migration.xbzrle-cache-size=64MiB: Parameter 'xbzrle-cache-size' expects a non-negative number below 2^64
            Optional suffix k, M, G, T, P or E means kilo-, mega-, giga-, tera-, peta-
            and exabytes, respectively.
            qemu-system-x86_64: second error

            """
        let outcome = QEMUOutcome(exitStatus: 1, rawStderr: raw, capabilities: nil, parameters: nil, migrateInfo: nil)
        #expect(outcome.stderrLines.count == 7)
        #expect(outcome.stderrLines[0] == "-global migration.x-multifd: warning: short-form boolean option 'migration.x-multifd' deprecated")
        #expect(outcome.stderrLines[1] == "Please use migration.x-multifd=on instead")
        #expect(outcome.warnings == ["short-form boolean option 'migration.x-multifd' deprecated", "zero-blocks capability is deprecated"])
        #expect(outcome.firstError == "can't apply global migration.xbzrle-cache-size=64MiB: Parameter 'xbzrle-cache-size' expects a non-negative number below 2^64")
        #expect(!outcome.isAccepted)
    }

    @Test func stderrWithTimestampOrGuestName() {
        let raw = "2026-11-27T01:12:47.905215Z qemu-system-x86_64: Parameter 'multifd_channels' expects a value between 1 and 255\n"
        let outcome = QEMUOutcome(exitStatus: 1, rawStderr: raw, capabilities: nil, parameters: nil, migrateInfo: nil)
        #expect(outcome.firstError == "Parameter 'multifd_channels' expects a value between 1 and 255")
        let guest = QEMUOutcome(exitStatus: 1, rawStderr: "vm1 qemu-system-aarch64: boom\n", capabilities: nil, parameters: nil, migrateInfo: nil)
        #expect(guest.firstError == "boom")
        let bare = QEMUOutcome(exitStatus: 1, rawStderr: "unprefixed trouble\n", capabilities: nil, parameters: nil, migrateInfo: nil)
        #expect(bare.firstError == "unprefixed trouble")
        let none = QEMUOutcome(exitStatus: 0, rawStderr: "", capabilities: [:], parameters: [:], migrateInfo: nil)
        #expect(none.stderrLines.isEmpty && none.firstError == nil && none.warnings.isEmpty && none.isAccepted)
    }

    @Test func versionLine() throws {
        let parsed = try #require(QEMUBinary.parseVersion("QEMU emulator version 10.0.2 (Debian 1:10.0.2+ds-2+deb13u1~bpo12+1)\nCopyright (c) 2003-2025 Fabrice Bellard and the QEMU Project developers\n"))
        #expect(parsed.version == "10.0.2")
        #expect(parsed.package == "Debian 1:10.0.2+ds-2+deb13u1~bpo12+1")
        #expect(QEMUBinary.parseVersion("QEMU emulator version 9.2.50\n")?.version == "9.2.50")
        #expect(QEMUBinary.parseVersion("QEMU emulator version 9.2.50\n")?.package == nil)
        #expect(QEMUBinary.parseVersion("hello\n") == nil)
        #expect(QEMUBinary(path: "/x", version: "7.2.22").majorMinor == "7.2")
    }

    @Test func hmpFields() {
        let fields = QEMUOutcome.hmpFields("globals:\nstore-global-state: on\ntls-creds: ''\nmax-bandwidth: 134217728 bytes/second\n")
        #expect(fields == ["store-global-state": "on", "tls-creds": "''", "max-bandwidth": "134217728 bytes/second"])
    }

    /// A QEMU that ends without accepting and without an error line (a crash) is a
    /// disagreement that says what there was: exit status, the capabilities answer, stderr.
    @Test func aSilentRejectionSaysWhatQEMUGaveInstead() {
        let crashed = QEMUOutcome(exitStatus: 139, rawStderr: "", capabilities: nil, parameters: nil, migrateInfo: nil)
        #expect(Verifier.compare(Checker.qemu90.check(Configuration()), crashed) == [
            "verdict: QEMU rejected it, migedit predicted accepted",
            "QEMU printed no error: exit status 139, no answer to query-migrate-capabilities, last stderr line none",
        ])
        let refused = QEMUOutcome(
            exitStatus: 1, rawStderr: "qemu-system-x86_64: Postcopy is not yet compatible with multifd\n",
            capabilities: nil, parameters: nil, migrateInfo: nil)
        #expect(!Verifier.compare(Checker.qemu90.check(Configuration()), refused).contains { $0.hasPrefix("QEMU printed no error") })
    }
}
