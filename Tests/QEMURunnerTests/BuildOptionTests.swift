import MigrationCore
import Testing
@testable import QEMURunner

import Glibc

/// Debian's `qemu-system-x86_64-microvm` is QEMU 7.2 built without zstd and without live block
/// migration: the host facts for build options must make migedit agree with it, and the
/// default host (a full build) must not.
enum Microvm {
    static let path: String? = {
        let path = "/usr/bin/qemu-system-x86_64-microvm"
        return access(path, X_OK) == 0 ? path : nil
    }()

    static let missing = "Debian's qemu-system-x86_64-microvm (package qemu-system-x86) not found"

    static var host: Host {
        var host = Host()
        host.liveBlockMigration = false
        host.compressionMethods = []
        return host
    }

    static func verify(_ settings: [String], host: Host) throws -> Verification {
        var configuration = Configuration()
        for setting in settings { try configuration.assign(setting, version: .v7_2) }
        return try Verifier.verify(configuration, host: host, with: try QEMUBinary.probe(try #require(path)))
    }
}

@Test("The microvm build is there when CI=true", .enabled(if: Binaries.isCI))
func microvmPresentInCI() {
    #expect(Microvm.path != nil, Comment(rawValue: Microvm.missing))
}

@Suite("A QEMU built without zstd and block migration", .enabled(if: Microvm.path != nil, Comment(rawValue: Microvm.missing)))
struct BuildOptionTests {
    @Test func withoutLiveBlockMigrationQEMUReportsNoBlockCapability() throws {
        let stated = try Microvm.verify(["multifd=on"], host: Microvm.host)
        #expect(stated.agrees, "\(stated.disagreements)")
        let assumed = try Microvm.verify(["multifd=on"], host: Host())
        #expect(assumed.disagreements.contains { $0.hasPrefix("capability block:") }, "\(assumed.disagreements)")
    }

    @Test func withoutZstdQEMURefusesTheValueAsMigeditSays() throws {
        let stated = try Microvm.verify(["multifd-compression=zstd", "multifd=on"], host: Microvm.host)
        #expect(stated.agrees, "\(stated.disagreements)")
        #expect(stated.outcome.firstError?.hasSuffix("Parameter 'multifd-compression' does not accept value 'zstd'") == true)
        #expect(try Microvm.verify(["multifd-compression=zlib"], host: Microvm.host).agrees)
        let assumed = try Microvm.verify(["multifd-compression=zstd"], host: Host())
        #expect(!assumed.agrees, "the default host claims zstd, which this build lacks")
    }
}
