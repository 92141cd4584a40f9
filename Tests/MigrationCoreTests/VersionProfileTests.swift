import TestSupport
import Glibc
import Testing
@testable import MigrationCore

/// The per-release profiles against the facts sheet (qemu-versions.md §3–§6).
struct VersionProfileTests {
    func names(_ version: QEMUVersion, _ kind: ItemKind) -> [String] {
        Catalog.for(version).items.filter { $0.kind == kind }.map(\.name)
    }

    @Test func capabilityEnumOrderPerRelease() {
        let base = [
            "xbzrle", "rdma-pin-all", "auto-converge", "zero-blocks", "compress", "events", "postcopy-ram", "x-colo",
            "release-ram", "block", "return-path", "pause-before-switchover", "multifd", "dirty-bitmaps",
            "postcopy-blocktime", "late-block-activate", "x-ignore-shared", "validate-uuid", "background-snapshot",
            "zero-copy-send", "postcopy-preempt",
        ]
        #expect(names(.v7_2, .capability) == base)
        #expect(names(.v8_0, .capability) == base)
        #expect(names(.v8_2, .capability) == base + ["switchover-ack", "dirty-limit"])
        #expect(names(.v9_0, .capability) == base + ["switchover-ack", "dirty-limit", "mapped-ram"])
        let withoutOld = base.filter { $0 != "compress" && $0 != "block" } + ["switchover-ack", "dirty-limit", "mapped-ram"]
        for version in [QEMUVersion.v9_1, .v9_2, .v10_0, .v10_1, .v10_2] {
            #expect(names(version, .capability) == withoutOld, "\(version)")
        }
    }

    @Test(arguments: [
        (QEMUVersion.v7_2, 27), (.v8_0, 27), (.v8_1, 29), (.v8_2, 31), (.v9_0, 32), (.v9_1, 28), (.v9_2, 29),
        (.v10_0, 29), (.v10_1, 29), (.v10_2, 30),
    ])
    func parameterCounts(version: QEMUVersion, count: Int) {
        #expect(names(version, .parameter).count == count)
    }

    @Test(arguments: [(QEMUVersion.v7_2, 46), (.v9_0, 55), (.v9_1, 48), (.v10_2, 52)])
    func globalPropertyCounts(version: QEMUVersion, count: Int) {
        #expect(Catalog.for(version).items.filter { $0.property != nil }.count == count)
    }

    @Test func propertiesThatComeAndGo() {
        #expect(Catalog.for(.v10_0).item(.postcopyBlocktime)?.property == nil)
        #expect(Catalog.for(.v10_1).item(.postcopyBlocktime)?.property == "postcopy-blocktime")
        #expect(Catalog.for(.v10_2).item(.xIgnoreShared)?.property == nil)
        #expect(Catalog.for(.v7_2).item(named: "x-postcopy-preempt-break-huge") != nil)
        #expect(Catalog.for(.v8_0).item(named: "x-postcopy-preempt-break-huge") == nil)
        #expect(Catalog.for(.v8_0).item(named: "x-preempt-pre-7-2") != nil)
        #expect(Catalog.for(.v9_1).item(named: "x-compress") == nil)
        #expect(Catalog.for(.v9_1).absence(of: "x-compress") == "compress was removed after QEMU 9.0")
        #expect(Catalog.for(.v7_2).absence(of: "x-switchover-ack") == "switchover-ack is new in QEMU 8.1")
        #expect(Catalog.for(.v10_0).absence(of: "postcopy-blocktime") == nil)
        #expect(Catalog.for(.v9_0).item(.compress)?.isDeprecated == true)
        #expect(Catalog.for(.v8_1).item(.compress)?.isDeprecated == false)
        #expect(Catalog.for(.v9_2).item(.zeroBlocks)?.isDeprecated == true)
    }

    @Test func enumChoicesPerRelease() {
        #expect(Catalog.for(.v9_0).item(.multifdCompression)?.type == .enumeration(["none", "zlib", "zstd"]))
        #expect(Catalog.for(.v9_1).item(.multifdCompression)?.type == .enumeration(["none", "zlib", "zstd", "qpl", "uadk"]))
        #expect(Catalog.for(.v9_2).item(.multifdCompression)?.type == .enumeration(["none", "zlib", "zstd", "qatzip", "qpl", "uadk"]))
        #expect(Catalog.for(.v9_2).item(.mode)?.type == .enumeration(["normal", "cpr-reboot"]))
        #expect(Catalog.for(.v10_0).item(.mode)?.type == .enumeration(["normal", "cpr-reboot", "cpr-transfer"]))
        #expect(Catalog.for(.v10_2).item(.mode)?.type == .enumeration(["normal", "cpr-reboot", "cpr-transfer", "cpr-exec"]))
        var configuration = Configuration()
        #expect(throws: ImportError.self) { try configuration.set("multifd-compression", to: "qpl", version: .v9_0) }
        #expect((try? configuration.set("multifd-compression", to: "qpl", version: .v9_1)) != nil)
    }

    func check(_ assignments: [String], _ version: QEMUVersion, host: Host = .standard) throws -> Report {
        var configuration = Configuration()
        for assignment in assignments { try configuration.assign(assignment, version: version) }
        return Checker.for(version).check(configuration, on: host)
    }

    @Test func postcopyWithMultifdIsAnErrorFrom81Until100() throws {
        let expectations: [QEMUVersion: String?] = [
            .v7_2: nil, .v8_0: nil, .v8_1: "Postcopy is not yet compatible with multifd",
            .v9_0: "Postcopy is not yet compatible with multifd", .v10_0: "Postcopy is not yet compatible with multifd",
            .v10_1: nil, .v10_2: nil,
        ]
        for (version, message) in expectations {
            #expect(try check(["postcopy-ram=on", "multifd=on"], version).firstError?.message == message, "\(version)")
        }
    }

    @Test func zeroBlocksWarnsFirstFrom92() throws {
        let report = try check(["zero-blocks=on", "xbzrle=on", "multifd=on"], .v10_0)
        #expect(report.startupLines == ["warning: zero-blocks capability is deprecated", "Multifd is not compatible with xbzrle"])
        #expect(try check(["zero-blocks=on"], .v9_1).startupLines.isEmpty)
    }

    @Test func messagesThatChanged() throws {
        #expect(try check(["vcpu-dirty-limit=0"], .v9_0).firstError?.message
            == "Parameter 'vcpu_dirty_limit' expects is invalid, it must greater then 1 MB/s")
        #expect(try check(["vcpu-dirty-limit=0"], .v9_1).firstError?.message
            == "Parameter 'vcpu_dirty_limit' must be greater than 1 MB/s")
        #expect(try check(["multifd-qatzip-level=0"], .v9_2).firstError?.message
            == "Parameter 'multifd_qatzip_level' expects a value between 1 and 9")
        var noBlock = Host()
        noBlock.liveBlockMigration = false
        #expect(try check(["block=on"], .v8_1, host: noBlock).firstError?.hint == "Use drive_mirror+NBD instead.")
        #expect(try check(["block=on"], .v8_2, host: noBlock).startupLines
            == ["QEMU compiled without old-style (blk/-b, inc/-i) block migration", "Use blockdev-mirror with NBD instead."])
        #expect(try check(["block=on"], .v8_0, host: noBlock).startupLines
            == ["QEMU compiled without old-style (blk/-b, inc/-i) block migration"])
        var incoming = Host()
        incoming.incoming = .pending
        incoming.postcopySupport = false
        #expect(try check(["postcopy-ram=on"], .v8_0, host: incoming).firstError?.message == "Postcopy is not supported")
        #expect(try check(["postcopy-ram=on"], .v8_1, host: incoming).firstError?.message.hasPrefix("Postcopy is not supported: ") == true)
    }

    @Test func rulesThatCameAndWent() {
        func has(_ id: String, _ version: QEMUVersion) -> Bool { RuleBook.rule(withID: id, in: version) != nil }
        #expect(!has("multifd-vs-xbzrle", .v8_1) && has("multifd-vs-xbzrle", .v8_2))
        #expect(!has("mapped-ram-vs-xbzrle", .v8_2) && has("mapped-ram-vs-xbzrle", .v9_0))
        #expect(has("mapped-ram-vs-compress", .v9_0) && !has("mapped-ram-vs-compress", .v9_1))
        #expect(has("zero-copy-send-needs-plain-multifd", .v10_2))
        #expect(!has("direct-io-needs-build-support", .v9_0) && has("direct-io-needs-build-support", .v9_1))
        #expect(!has("switchover-ack-requires-return-path", .v8_0))
        #expect(RuleBook.rules(for: .v9_0).count == 63)
    }

    @Test func everyReleasesRulesAreInOneConsistentOrder() {
        let order = RuleBook.all.map(\.id)
        for version in QEMUVersion.allCases {
            let ids = RuleBook.rules(for: version).map(\.id)
            let positions = ids.map { id in order.firstIndex(of: id)! }
            #expect(positions == positions.sorted(), "\(version)")
            #expect(Set(ids).count == ids.count, "\(version) has a rule twice")
        }
    }

    @Test func versionsParseFromBanners() {
        #expect(QEMUVersion(parsing: "QEMU emulator version 10.0.2 (Debian 1:10.0.2+ds-2+deb13u1~bpo12+1)") == .v10_0)
        #expect(QEMUVersion(parsing: "7.2.22") == .v7_2)
        #expect(QEMUVersion(parsing: "9.0") == .v9_0)
        #expect(QEMUVersion(parsing: "11.0.0") == nil)
        #expect(QEMUVersion(parsing: "nine") == nil)
    }

    @Test func switchingReleasesReportsWhatWouldBeDropped() throws {
        var configuration = Configuration()
        try configuration.assign("compress=on", version: .v9_0)
        try configuration.assign("mapped-ram=on", version: .v9_0)
        #expect(configuration.valuesLost(movingTo: .v9_1) == [.compress])
        #expect(configuration.valuesLost(movingTo: .v8_2) == [.mappedRam])
        let export = Exporter.export(configuration, host: .standard, version: .v9_1, format: .global)
        #expect(export.text == "-global migration.mapped-ram=on")
        #expect(export.notes == ["compress does not exist in QEMU 9.1; it is left out"])
    }

    @Test func readmeTableIsTheGeneratedOne() throws {
        let root = #filePath.split(separator: "/", omittingEmptySubsequences: false).dropLast(3).joined(separator: "/")
        let readme = try #require(readText(root + "/README.md"))
        let begin = "<!-- versions:begin (generated by `swift run migedit versions`) -->\n"
        let end = "\n<!-- versions:end -->"
        let parts = readme.split(separator: begin, omittingEmptySubsequences: false)
        guard parts.count == 2, let table = parts[1].split(separator: end, omittingEmptySubsequences: false).first else {
            Issue.record("README.md has no generated versions table")
            return
        }
        #expect(String(table) == CompatibilityTable.markdown, "run `swift run migedit versions` and paste it into README.md")
    }

    func readText(_ path: String) -> String? {
        guard let file = fopen(path, "r") else { return nil }
        defer { fclose(file) }
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let count = fread(&buffer, 1, buffer.count, file)
            if count == 0 { break }
            bytes += buffer[..<count]
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}

/// The checker skips a rule while its trigger is off; that is only sound if the rule really
/// cannot fire then. Checked over random configurations of every release.
struct RuleTriggerTests {
    @Test(arguments: QEMUVersion.allCases)
    func rulesNeverFireWithTheirTriggerOff(version: QEMUVersion) {
        var generator = SplitMix64(seed: 77)
        var host = Host()
        for _ in 0..<300 {
            host.incoming = Host.Incoming.allCases.randomElement(using: &generator)!
            host.os = Bool.random(using: &generator) ? .linux : .other
            host.kvm = Bool.random(using: &generator)
            host.writeTracking = Host.WriteTracking.allCases.randomElement(using: &generator)!
            var configuration = Configuration.random(using: &generator, items: Catalog.for(version).items)
            for rule in RuleBook.rules(for: version) {
                guard let trigger = rule.trigger else { continue }
                let saved = configuration[trigger]
                configuration.reset(trigger)
                #expect(!rule.isViolated(by: configuration, on: host), "\(rule.id) fired with \(trigger) off")
                configuration[trigger] = saved
            }
        }
    }
}

struct VersionIndexTests {
    @Test func indexIsThePositionAmongAllCases() {
        #expect(QEMUVersion.allCases.map(\.index) == Array(QEMUVersion.allCases.indices))
    }
}
