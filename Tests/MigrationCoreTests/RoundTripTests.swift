import TestSupport
import Testing
@testable import MigrationCore

/// import(export(c)) == c for every format that can express c.
struct RoundTripTests {
    /// Every release, with a few seeds each.
    static let cases: [(QEMUVersion, UInt64)] = QEMUVersion.allCases.flatMap { version in
        (1...8).map { (version, UInt64($0)) }
    }

    @Test(arguments: cases)
    func globalWordsRoundTrip(version: QEMUVersion, seed: UInt64) throws {
        var generator = SplitMix64(seed: seed)
        let settable = Catalog.for(version).items.filter { $0.property != nil }
        for _ in 0..<25 {
            let configuration = Configuration.random(using: &generator, items: settable)
            let export = Exporter.export(configuration, host: .standard, version: version, format: .global)
            #expect(export.notes.isEmpty)
            let imported = try Importer.read(export.text, format: .global, version: version)
            #expect(imported.configuration == configuration, "\(export.text)")
        }
    }

    @Test(arguments: cases)
    func qmpRoundTrip(version: QEMUVersion, seed: UInt64) throws {
        var generator = SplitMix64(seed: seed)
        let qmpItems = Catalog.for(version).items.filter { $0.kind != .property }
        for _ in 0..<25 {
            let configuration = Configuration.random(using: &generator, items: qmpItems)
            let export = Exporter.export(configuration, host: .standard, version: version, format: .qmp)
            let ignored = configuration.changedItems.filter { MonitorQuirks.ignores($0, in: version) }
            #expect(export.notes.count == ignored.count, "notes only for what QEMU's monitor ignores: \(export.notes)")
            let imported = try Importer.read(export.text, format: .qmp, version: version)
            #expect(imported.configuration == configuration, "\(export.text)")
        }
    }

    @Test(arguments: cases)
    func profileRoundTrip(version: QEMUVersion, seed: UInt64) throws {
        var generator = SplitMix64(seed: seed)
        for _ in 0..<25 {
            var host = Host()
            host.kvm = Bool.random(using: &generator)
            host.incoming = Host.Incoming.allCases.randomElement(using: &generator)!
            host.pageSize = 1 << UInt64.random(in: 9...16, using: &generator)
            let profile = Profile(
                configuration: .random(using: &generator, items: Catalog.for(version).items), host: host,
                version: version)
            let text = Exporter.export(profile.configuration, host: profile.host, version: version, format: .json).text
            #expect(try Profile(json: text) == profile, "\(text)")
        }
    }

    @Test func commandLineImportTakesMigrationGlobalsAndLaterWins() throws {
        let line = """
            qemu-system-x86_64 -M q35 -m 4G \\
              -global migration.x-multifd=on -global ide-hd.ver=1 \\
              -global migration.multifd-channels=4 -drive file=a.img,if=virtio \\
              -global driver=migration,property=tls-hostname,value=a,,b \\
              -global migration.multifd-channels=010
            """
        let configuration = try Importer.read(line, format: .cmdline).configuration
        var expected = Configuration()
        expected[.multifd] = .bool(true)
        expected[.multifdChannels] = .number(8)
        expected[.tlsHostname] = .text("a,b")
        #expect(configuration == expected)
        #expect(Importer.detectFormat(of: line) == .cmdline)
    }

    @Test func shortFormKeepsCommasVerbatim() throws {
        let configuration = try Importer.read("-global migration.tls-hostname=a,,b,c", format: .global).configuration
        #expect(configuration[.tlsHostname] == .text("a,,b,c"))
    }

    @Test(arguments: [
        ("-global migration.x-foo=on", "unknown -global property migration.x-foo"),
        ("-global migration.x-multifd=YES", "x-multifd: expects"),
        ("-global", "-global at the end of the input has no argument"),
        ("-global migration.dirty-bitmaps=on", "dirty-bitmaps has no -global property"),
        ("-global ide-hd.ver=1", "sets ide-hd, not migration"),
        ("-global 'migration.tls-creds=x", "cannot split the input into words"),
    ])
    func globalImportRejectsBadWords(input: String, message: String) {
        #expect(throws: ImportError.self) { try Importer.read(input, format: .global) }
        do {
            _ = try Importer.read(input, format: .global)
        } catch {
            #expect(error.message.contains(message), "\(error.message)")
        }
    }

    @Test func qmpQueryRepliesImport() throws {
        let replies = """
            {"return": [{"state": false, "capability": "xbzrle"}, {"state": true, "capability": "multifd"}, {"state": true, "capability": "return-path"}]}
            {"return": {"multifd-channels": 16, "tls-creds": "", "tls-authz": "", "downtime-limit": 300, "max-bandwidth": 1073741824, "multifd-compression": "zstd", "mode": "normal"}}
            """
        #expect(Importer.detectFormat(of: replies) == .qmp)
        let configuration = try Importer.read(replies, format: .qmp).configuration
        var expected = Configuration()
        expected[.multifd] = .bool(true)
        expected[.returnPath] = .bool(true)
        expected[.multifdChannels] = .number(16)
        expected[.maxBandwidth] = .number(1_073_741_824)
        expected[.multifdCompression] = .choice("zstd")
        #expect(configuration == expected)
    }

    @Test(arguments: [
        ("{\"return\": [{\"capability\": \"compres\", \"state\": true}]}", "unknown capability 'compres' (did you mean 'compress'?)"),
        ("{\"return\": {\"multifd-channels\": 300}}", "multifd-channels expects an integer 0..255"),
        ("{\"return\": {\"multifd-compression\": \"ZLIB\"}}", "multifd-compression expects one of none|zlib|zstd"),
        ("{\"error\": {\"class\": \"GenericError\", \"desc\": \"x\"}}", "the QMP reply is an error"),
        ("{\"execute\": \"quit\"}", "unsupported QMP command 'quit'"),
        ("{\"return\": 5", "line 1 is not valid JSON"),
    ])
    func qmpImportRejectsBadReplies(input: String, message: String) {
        do {
            _ = try Importer.read(input, format: .qmp)
            Issue.record("accepted \(input)")
        } catch {
            #expect(error.message.contains(message), "\(error.message)")
        }
    }

    @Test(arguments: [
        ("{", "profile is not valid JSON"),
        ("[]", "profile must be a JSON object"),
        ("{\"qemu\": \"6.2\"}", "profile is for QEMU \"6.2\"; known versions: 7.2, 8.0"),
        ("{\"extras\": {}}", "unknown section 'extras'"),
        ("{\"capabilities\": {\"multifd\": \"on\"}}", "multifd expects true or false"),
        ("{\"capabilities\": {\"mulitfd\": true}}", "unknown capabilities entry 'mulitfd' (did you mean 'multifd'?)"),
        ("{\"parameters\": {\"multifd\": true}}", "'multifd' belongs in capabilities, not parameters"),
        ("{\"parameters\": {\"multifd-channels\": -1}}", "multifd-channels expects an integer 0..255"),
        ("{\"parameters\": {\"xbzrle-cache-size\": \"1KB\"}}", "xbzrle-cache-size: expects"),
        ("{\"host\": {\"kvm\": \"maybe\"}}", "host fact kvm: expects on|off"),
        ("{\"host\": {\"gpu\": \"on\"}}", "unknown host fact 'gpu'"),
        ("{\"parameters\": {\"block-bitmap-mapping\": [{\"node-name\": 1}]}}", "block-bitmap-mapping entries need"),
    ])
    func corruptProfilesAreRefused(input: String, message: String) {
        do {
            _ = try Profile(json: input)
            Issue.record("accepted \(input)")
        } catch {
            #expect(error.message.contains(message), "\(error.message)")
        }
    }

    @Test func profileAcceptsSizesWrittenAsText() throws {
        let profile = try Profile(json: #"{"parameters": {"xbzrle-cache-size": "256M"}, "host": {"page-size": 65536}}"#)
        #expect(profile.configuration[.xbzrleCacheSize] == .number(256 << 20))
        #expect(profile.host.pageSize == 65536)
    }
}
