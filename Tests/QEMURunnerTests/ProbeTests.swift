import MigrationCore
import Testing
@testable import QEMURunner

import Glibc

// `HostProbe` against the real binaries: each asserts the facts the build really has. Facts of
// this machine rather than the build (KVM, userfaultfd) are checked against the machine itself.

extension Binaries {
    /// Debian 12's second QEMU 7.2 build: no zstd, no live block migration, no replication.
    static let microvmPath: String? = {
        let path = "/usr/bin/qemu-system-x86_64-microvm"
        return access(path, X_OK) == 0 ? path : nil
    }()
}

/// Whether this process can open /dev/kvm as QEMU must; `-accel kvm` starts exactly then.
private let kvmUsable: Bool = {
    let descriptor = open("/dev/kvm", O_RDWR | O_CLOEXEC)
    guard descriptor >= 0 else { return false }
    close(descriptor)
    return true
}()

/// The facts that do not depend on the build: the same for every binary on this machine.
private func expectMachineFacts(_ probe: HostProbe) {
    #expect(probe.host.os == .linux)
    #expect(probe.host.kvm == kvmUsable)
    #expect(!probe.host.dirtyRing || probe.host.kvm, "a dirty ring needs KVM")
    #expect(probe.host.pageSize == 4096, "x86's target page size")
    // -M none has no guest RAM, so a kernel with write tracking is always compatible with it.
    #expect(probe.host.writeTracking != .available)
    if getuid() == 0 { #expect(probe.host.postcopySupport, "root may always use userfaultfd") }
    #expect(probe.host.incoming == .no, "incoming is not probed")
}

/// The profile text loads back to the same release and facts, and states every measured fact;
/// the `--host` words are each accepted and give the same host.
private func expectTextsRoundTrip(_ probe: HostProbe) throws {
    let profile = try Profile(json: probe.profileJSON)
    #expect(profile.version == probe.version)
    #expect(profile.host == probe.host)
    #expect(profile.configuration == Configuration())
    for fact in HostProbe.measuredFacts {
        #expect(probe.profileJSON.contains("\"\(fact.rawValue)\": "), "\(fact.rawValue) is stated")
    }
    let words = probe.hostOptions
    #expect(words.count == 2 * HostProbe.measuredFacts.count)
    var host = Host()
    for pair in stride(from: 0, to: words.count, by: 2) {
        #expect(words[pair] == "--host")
        try host.assign(words[pair + 1])
    }
    #expect(host == probe.host)
}

@Suite("Probe QEMU 7.2", .enabled(if: Binaries.qemu72Path != nil, Comment(rawValue: Binaries.missing72)))
struct Probe72Tests {
    let probe = try! HostProbe.probe(QEMUBinary.probe(Binaries.qemu72Path ?? ""))

    @Test func buildFacts() {
        #expect(probe.version == .v7_2)
        #expect(probe.host.compressionMethods == .zstd)
        #expect(probe.host.liveBlockMigration)
        #expect(probe.host.replication)
        expectMachineFacts(probe)
    }

    @Test func textsRoundTrip() throws { try expectTextsRoundTrip(probe) }
}

@Suite("Probe QEMU 10.0", .enabled(if: Binaries.qemu100Path != nil, Comment(rawValue: Binaries.missing100)))
struct Probe100Tests {
    let probe = try! HostProbe.probe(QEMUBinary.probe(Binaries.qemu100Path ?? ""))

    @Test func buildFacts() {
        #expect(probe.version == .v10_0)
        #expect(probe.host.compressionMethods == .zstd, "Debian builds zstd, not qpl, uadk or qatzip")
        #expect(!probe.host.liveBlockMigration, "10.0 has no block capability")
        #expect(probe.host.replication)
        expectMachineFacts(probe)
    }

    @Test func textsRoundTrip() throws { try expectTextsRoundTrip(probe) }
}

@Suite("Probe QEMU 7.2 microvm", .enabled(if: Binaries.microvmPath != nil))
struct ProbeMicrovmTests {
    let probe = try! HostProbe.probe(QEMUBinary.probe(Binaries.microvmPath ?? ""))

    @Test func buildFacts() {
        #expect(probe.version == .v7_2)
        #expect(probe.host.compressionMethods == [])
        #expect(!probe.host.liveBlockMigration)
        #expect(!probe.host.replication)
        expectMachineFacts(probe)
    }

    @Test func textsRoundTrip() throws { try expectTextsRoundTrip(probe) }
}

@Suite struct ProbeFailureTests {
    @Test(.enabled(if: Binaries.qemu72Path != nil, Comment(rawValue: Binaries.missing72)))
    func anAcceleratorQEMURefusesIsOff() throws {
        let qemu = try QEMUBinary.probe(Binaries.qemu72Path ?? "")
        #expect(try !HostProbe.startsWithKVM(qemu, accelerator: "kvm,dirty-ring-size=3", timeout: 20), "not a power of two")
    }

    @Test func aReleaseWithoutProfileIsUnusable() {
        #expect(throws: QEMURunError.unusable("migedit has no profile for QEMU 6.2.0 (known: \(QEMUVersion.list))")) {
            try HostProbe.probe(QEMUBinary(path: "/bin/true", version: "6.2.0"))
        }
    }

    @Test func aProgramThatIsNotQEMUIsUnusable() {
        #expect(throws: QEMURunError.unusable("/bin/true exited 0 without a QMP greeting; is it a QEMU system emulator?")) {
            try HostProbe.probe(QEMUBinary(path: "/bin/true", version: "7.2.0"))
        }
    }

    @Test func compressionChoicesFollowMaskedTypeNames() throws {
        let schema = try JSON(parsing: """
            [{"name": "migrate-set-parameters", "meta-type": "command", "arg-type": "12", "ret-type": "0"},
             {"name": "12", "meta-type": "object", "members": [{"name": "multifd-compression", "type": "34", "default": null}]},
             {"name": "34", "meta-type": "enum", "values": ["none", "zlib", "zstd", "qpl"]}]
            """)
        #expect(HostProbe.compressionChoices(schema) == ["none", "zlib", "zstd", "qpl"])
        #expect(try HostProbe.compressionMethods(.returned(schema)) == [.zstd, .qpl])
        #expect(HostProbe.compressionChoices(.array([])) == nil)
    }
}
