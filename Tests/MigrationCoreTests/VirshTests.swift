import MigrationCore
import Testing

/// `virsh migrate` in both directions: each flag and option becomes what libvirt sets on the
/// source, libvirt's refusals come with its messages, and exports read back as written.
@Suite("virsh migrate")
struct VirshTests {
    private func source(_ line: String, _ version: QEMUVersion = .v10_0) throws -> Profile {
        try VirshMigration(parsing: line).sourceProfile(version: version)
    }

    /// What libvirt turns on for every migration: events, pause-before-switchover and (without
    /// --tunnelled) return-path.
    private let always: [ItemID] = [.events, .returnPath, .pauseBeforeSwitchover]

    private func expectRefused(_ line: String, _ message: String, _ version: QEMUVersion = .v10_0,
                               sourceLocation: SourceLocation = #_sourceLocation) {
        do {
            _ = try source(line, version)
            Issue.record("\(line) was accepted", sourceLocation: sourceLocation)
        } catch {
            #expect((error as? ImportError)?.message == message, sourceLocation: sourceLocation)
        }
    }

    @Test func aPlainMigrationGetsWhatLibvirtAlwaysTurnsOn() throws {
        let profile = try source("virsh migrate --live --p2p --persistent --verbose guest qemu+ssh://dst/system")
        #expect(profile.configuration.changedItems == always.sorted { $0.rawValue < $1.rawValue })
    }

    @Test(arguments: LibvirtMapping.flagCapabilities)
    func eachFlagInBothDirections(_ entry: LibvirtMapping.FlagCapability) throws {
        let profile = try source("virsh migrate \(entry.option) guest qemu+ssh://dst/system")
        #expect(profile.configuration.isOn(entry.capability) == !entry.whenAbsent, "\(entry.option)")
        let exported = VirshMigration(expressing: profile)
        #expect(exported.arguments.contains(entry.option))
        #expect(try VirshMigration(parsing: "virsh migrate " + exported.arguments.joined(separator: " ")).sourceProfile(version: .v10_0) == profile)
    }

    /// Each numeric option with the flag or method libvirt needs beside it.
    static let tuned: [(line: String, id: ItemID, value: UInt64)] = [
        ("--auto-converge --auto-converge-initial 30", .cpuThrottleInitial, 30),
        ("--auto-converge --auto-converge-increment 5", .cpuThrottleIncrement, 5),
        ("--compressed --comp-methods mt --comp-mt-level 9", .compressLevel, 9),
        ("--compressed --comp-methods mt --comp-mt-threads 4", .compressThreads, 4),
        ("--compressed --comp-methods mt --comp-mt-dthreads 3", .decompressThreads, 3),
        ("--compressed --comp-methods xbzrle --comp-xbzrle-cache 134217728", .xbzrleCacheSize, 134_217_728),
        ("--postcopy --postcopy-bandwidth 100", .maxPostcopyBandwidth, 100 * 1024 * 1024),
        ("--parallel --parallel-connections 8", .multifdChannels, 8),
        ("--parallel --compressed --comp-methods zlib --comp-zlib-level 6", .multifdZlibLevel, 6),
        ("--parallel --compressed --comp-methods zstd --comp-zstd-level 3", .multifdZstdLevel, 3),
        ("--bandwidth 1000", .maxBandwidth, 1000 * 1024 * 1024),
    ]

    @Test(arguments: tuned.indices)
    func eachNumericOptionInBothDirections(_ index: Int) throws {
        let (line, id, value) = Self.tuned[index]
        let profile = try source("virsh migrate \(line) guest uri", .v9_0)
        #expect(profile.configuration.number(id) == value, "\(line)")
        let arguments = VirshMigration(expressing: profile).arguments
        #expect(Set(arguments) == Set(line.split(separator: " ").map(String.init)), "\(arguments)")
        #expect(try VirshMigration(parsing: "migrate " + arguments.joined(separator: " ")).sourceProfile(version: .v9_0) == profile)
    }

    @Test func tuningWithoutItsFeatureIsRefusedAsLibvirtDoes() {
        expectRefused("virsh migrate --auto-converge-initial 30 g u", "Turn auto convergence on to tune it")
        expectRefused("virsh migrate --parallel-connections 4 g u", "Turn parallel migration on to tune it")
        expectRefused("virsh migrate --comp-mt-level 3 g u", "Turn multithread compression on to tune it", .v9_0)
        expectRefused("virsh migrate --compressed --comp-xbzrle-cache 65536 g u", "Turn xbzrle compression on to tune it")
        expectRefused("virsh migrate --parallel --comp-zlib-level 3 g u", "Turn zlib compression on to tune it")
        expectRefused("virsh migrate --parallel --comp-methods zlib --comp-zstd-level 3 g u", "Turn zstd compression on to tune it")
        expectRefused("virsh migrate --parallel-connections 4 --auto-converge-increment 2 g u", "Turn auto convergence on to tune it")
    }

    @Test func compressionMethodsGoOnTheirTransport() throws {
        #expect(try source("virsh migrate --compressed g u").configuration.isOn(.xbzrle), "xbzrle is libvirt's default method")
        let both = try source("virsh migrate --compressed --comp-methods mt,xbzrle g u", .v9_0)
        #expect(both.configuration.isOn(.compress) && both.configuration.isOn(.xbzrle))
        #expect(try source("virsh migrate --parallel --comp-methods zstd g u").configuration[.multifdCompression] == .choice("zstd"))
        expectRefused("virsh migrate --parallel --comp-methods xbzrle g u", "Compression method 'xbzrle' isn't supported with parallel migration")
        expectRefused("virsh migrate --comp-methods zlib g u", "Compression method 'zlib' is only supported with parallel migration")
        expectRefused("virsh migrate --parallel --comp-methods zlib,zstd g u", "Only one compression method could be specified with parallel compression")
        expectRefused("virsh migrate --parallel --compressed g u", "No compression algorithm selected for parallel migration")
        expectRefused("virsh migrate --comp-methods lz4 g u", "Unsupported compression method 'lz4'")
        expectRefused("virsh migrate --comp-methods xbzrle,xbzrle g u", "Compression method 'xbzrle' is specified twice")
        expectRefused("virsh migrate --comp-methods mt g u",
                      "Migration option 'compress' is not supported by QEMU binary (QEMU 10.0 has no compress)")
    }

    @Test func tlsAndTheCommandsThatTuneARunningMigration() throws {
        let profile = try source("""
            virsh -c qemu:///system migrate --tls --tls-destination=dst.example guest qemu+tls://dst/system
            virsh migrate-setspeed guest 500
            virsh migrate-setspeed guest 64 --postcopy
            virsh migrate-setmaxdowntime guest 800
            virsh migrate-compcache guest --size 268435456
            """)
        let configuration = profile.configuration
        #expect(configuration[.tlsCreds] == .text("objlibvirt_migrate_tls0") && configuration[.tlsHostname] == .text("dst.example"))
        #expect(configuration.number(.maxBandwidth) == 500 << 20 && configuration.number(.maxPostcopyBandwidth) == 64 << 20)
        #expect(configuration.number(.downtimeLimit) == 800 && configuration.number(.xbzrleCacheSize) == 256 << 20)
        let migration = VirshMigration(expressing: profile)
        #expect(migration.arguments == ["--postcopy-bandwidth", "64", "--tls", "--tls-destination", "dst.example", "--bandwidth", "500"])
        #expect(migration.runtimeCommands(domain: "guest")
            == ["virsh migrate-setmaxdowntime guest 800", "virsh migrate-compcache guest --size 268435456"])
        let text = (["virsh migrate " + migration.arguments.joined(separator: " ") + " guest uri"]
            + migration.runtimeCommands(domain: "guest")).joined(separator: "\n")
        #expect(try source(text) == profile, "options and runtime commands read back as the same profile")
    }

    @Test(arguments: [
        "virsh migrate --live --postcopy --parallel --parallel-connections 4 guest qemu+ssh://dst/system",
        "virsh migrate --p2p --tunnelled --rdma-pin-all --auto-converge --auto-converge-initial 40 --auto-converge-increment 20 g u",
        "virsh migrate --parallel --zerocopy --compressed --comp-methods zstd --comp-zstd-level 5 --bandwidth 2048 g u",
        "virsh migrate --compressed --comp-methods xbzrle --comp-xbzrle-cache 1073741824 --postcopy --postcopy-bandwidth 10 g u",
    ])
    func roundTrips(_ line: String) throws {
        let profile = try source(line)
        let export = Exporter.export(profile.configuration, host: profile.host, version: profile.version, format: .virsh)
        #expect(export.notes.isEmpty, "\(export.notes)")
        #expect(try source("virsh migrate \(export.text) g u") == profile)
        let again = Exporter.export(profile.configuration, host: profile.host, version: profile.version, format: .virsh)
        #expect(again.text == export.text)
    }

    @Test func whatLibvirtCannotExpressIsNamedWithTheQMPThatSetsIt() throws {
        var profile = Profile(version: .v10_0)
        try profile.configuration.assign("multifd-channels=4", version: .v10_0)
        try profile.configuration.assign("zero-blocks=on", version: .v10_0)
        try profile.configuration.assign("x-clear-bitmap-shift=20", version: .v10_0)
        try profile.configuration.assign("downtime-limit=500", version: .v10_0)
        let export = Exporter.export(profile.configuration, host: profile.host, version: .v10_0, format: .virsh)
        #expect(export.text == "--p2p --tunnelled", "return-path off needs --tunnelled; channels need --parallel")
        #expect(export.notes.contains("during the migration: virsh migrate-setmaxdowntime DOMAIN 500"))
        #expect(export.notes.contains(#"libvirt cannot set multifd-channels=4: virsh qemu-monitor-command DOMAIN --pretty '{"execute":"migrate-set-parameters","arguments":{"multifd-channels":4}}'"#))
        #expect(export.notes.contains(#"libvirt cannot set zero-blocks=on: virsh qemu-monitor-command DOMAIN --pretty '{"execute":"migrate-set-capabilities","arguments":{"capabilities":[{"capability":"zero-blocks","state":true}]}}'"#))
        #expect(export.notes.contains("libvirt cannot set events=off: virsh qemu-monitor-command DOMAIN --pretty "
            + #"'{"execute":"migrate-set-capabilities","arguments":{"capabilities":[{"capability":"events","state":false}]}}'"#))
        #expect(export.notes.contains("libvirt cannot set x-clear-bitmap-shift=20: it is a -global property; pass "
            + "-global migration.x-clear-bitmap-shift=20 through <qemu:commandline> in the domain XML"))
        #expect(export.notes.count == 5 + 1, "pause-before-switchover=off too: \(export.notes)")
    }

    @Test func checkSaysWhatQEMUWillAnswerBeforeTheMigration() throws {
        let line = "virsh migrate --postcopy --parallel guest qemu+ssh://dst/system"
        let on90 = try source(line, .v9_0)
        #expect(Checker.for(.v9_0).check(on90.configuration, on: on90.host).firstError?.message == "Postcopy is not yet compatible with multifd")
        let on101 = try source(line, .v10_1)
        #expect(Checker.for(.v10_1).check(on101.configuration, on: on101.host).isAccepted)
    }

    @Test func badInputIsRefusedWithOneLine() {
        expectRefused("virsh migrate --parralel g u", "virsh migrate has no option --parralel")
        expectRefused("virsh migrate --reset-nvram g u", "virsh migrate has no option --reset-nvram")
        expectRefused("virsh migrate --bandwidth fast g u", "virsh: bandwidth expects a non-negative whole number, got 'fast'")
        expectRefused("virsh migrate --parallel-connections", "virsh migrate: --parallel-connections needs a value")
        expectRefused("virsh start guest", "virsh start sets no migration setting (expected migrate, migrate-setspeed, migrate-setmaxdowntime or migrate-compcache)")
        expectRefused("virsh migrate-setmaxdowntime guest", "virsh migrate-setmaxdowntime needs a downtime in milliseconds")
        #expect(Importer.detectFormat(of: "virsh migrate --parallel g u") == .virsh)
        #expect(Importer.detectFormat(of: "/usr/bin/virsh migrate --parallel g u") == .virsh)
    }
}
