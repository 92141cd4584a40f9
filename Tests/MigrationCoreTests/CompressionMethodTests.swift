// Which multifd-compression choices a QEMU build has: QAPI's MultiFDCompression makes zstd,
// qatzip, qpl and uadk conditional on CONFIG_ZSTD, CONFIG_QATZIP, CONFIG_QPL and CONFIG_UADK;
// a build without one refuses the value while parsing it ("does not accept value"), before
// migrate_params_check runs.
import Testing
@testable import MigrationCore

@Suite("Build-dependent compression methods")
struct CompressionMethodTests {
    static func refusal(_ choice: String) -> String {
        "Parameter 'multifd-compression' does not accept value '\(choice)'"
    }

    static func report(_ choice: String, methods: String, version: QEMUVersion) throws -> Report {
        var configuration = Configuration()
        try configuration.set("multifd-compression", to: choice, version: version)
        var host = Host()
        try host.set(.compressionMethods, to: methods)
        return Checker.for(version).check(configuration, on: host)
    }

    @Test("The default build (zstd) refuses exactly the hardware methods, in every release", arguments: QEMUVersion.allCases)
    func defaultBuild(_ version: QEMUVersion) throws {
        guard case .enumeration(let choices) = try #require(Catalog.for(version).item(.multifdCompression)).type else {
            Issue.record("multifd-compression is not an enum")
            return
        }
        for choice in choices {
            let report = try Self.report(choice, methods: "zstd", version: version)
            if ["qatzip", "qpl", "uadk"].contains(choice) {
                #expect(report.firstError?.message == Self.refusal(choice), "\(choice) on \(version)")
                #expect(report.firstError?.ruleID == "multifd-compression-needs-build-support")
            } else {
                #expect(report.isAccepted, "\(choice) on \(version)")
            }
        }
    }

    @Test("A build with a method accepts it; one without refuses it")
    func builtMethods() throws {
        #expect(try Self.report("qpl", methods: "zstd,qpl", version: .v10_0).isAccepted)
        #expect(try Self.report("qatzip", methods: "qatzip", version: .v9_2).isAccepted)
        #expect(try Self.report("zstd", methods: "qatzip", version: .v9_2).firstError?.message == Self.refusal("zstd"))
        #expect(try Self.report("zlib", methods: "none", version: .v7_2).isAccepted)
        #expect(try Self.report("none", methods: "none", version: .v7_2).isAccepted)
    }

    @Test("QEMU refuses the value before any parameter or capability check")
    func refusedFirst() throws {
        var configuration = Configuration()
        configuration[.multifdCompression] = .choice("uadk")
        configuration[.multifdChannels] = .number(0)
        configuration[.zeroCopySend] = .bool(true)
        let report = Checker.for(.v10_0).check(configuration, on: Host())
        #expect(report.firstError?.message == Self.refusal("uadk"))
        #expect(report.startupLines == [Self.refusal("uadk")])
        #expect(report.errors.count == 4, "\(report.errors.map(\.ruleID))")
    }

    @Test("The fact reads lists, ignores the built-in methods and prints QEMU's order")
    func factText() throws {
        var host = Host()
        #expect(host.value(of: .compressionMethods) == "zstd")
        try host.set(.compressionMethods, to: "uadk,zlib,qpl,none,zstd")
        #expect(host.value(of: .compressionMethods) == "zstd,qpl,uadk")
        for empty in ["", "none", "zlib", "none,zlib"] {
            try host.set(.compressionMethods, to: empty)
            #expect(host.value(of: .compressionMethods) == "none")
        }
        for bad in ["lz4", "zstd,", "ZSTD", "zstd qpl"] {
            #expect(throws: HostFactError.self, "\(bad)") { try host.set(.compressionMethods, to: bad) }
        }
        #expect(host.changedFacts == [.compressionMethods])
    }

    @Test("A profile keeps the build's methods")
    func profileRoundTrip() throws {
        var profile = Profile(version: .v10_0)
        profile.host.compressionMethods = [.zstd, .qpl]
        #expect(profile.json.contains(#""compression-methods": "zstd,qpl""#))
        #expect(try Profile(json: profile.json) == profile)
    }
}
