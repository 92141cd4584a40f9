import CleanSpawn
import MigrationCore
@testable import QEMURunner
import Testing

/// Every versioned q35 and i440fx machine type of each real binary: the binary lists exactly
/// migedit's types for its release, and under each (`-M TYPE`, one QEMU, one QMP conversation)
/// every value QEMU reads back (query-migrate-capabilities, query-migrate-parameters and the
/// compat properties `info migrate` prints) equals migedit's default for that type — which is
/// what `migedit verify --machine TYPE` runs. x-preempt-pre-7-2, multifd-flush-after-each-section
/// and multifd-clean-tls-termination have no read-back in either binary (the migration object
/// has no QOM path), so their compat values are checked against machine.c only.
enum MachineAgreement {
    /// The versioned PC types `binary -M help` lists (aliases and other boards left out).
    static func listedTypes(_ path: String) throws -> [String] {
        let output = try ChildProcess.run([path, "-M", "help"], timeout: 20)
        return output.standardOutput.split(separator: "\n").compactMap { line in
            let name = line.split(separator: " ").first.map(String.init) ?? ""
            return name.hasPrefix("pc-q35-") || name.hasPrefix("pc-i440fx-") ? name : nil
        }
    }

    /// The types to run: migedit's for the release when the suite runs at all.
    static func types(if runs: Bool, _ release: QEMUVersion) -> [String] {
        runs ? MachineType.available(in: release).map(\.name) : []
    }

    /// `migedit verify --machine NAME` with nothing set: QEMU and migedit must agree on everything.
    static func verify(_ name: String, path: String?, missing: String) throws {
        let binary = try QEMUBinary.probe(try #require(path, Comment(rawValue: missing)))
        let version = try #require(QEMUVersion(parsing: binary.version))
        var profile = Profile(version: version)
        try profile.setMachine(name)
        let verification = try Verifier.verify(profile.configuration, host: profile.host, with: binary)
        #expect(verification.outcome.isAccepted, "\(name): \(verification.outcome.rawStderr)")
        #expect(verification.disagreements.isEmpty, "\(name): \(verification.disagreements)")
        #expect((verification.outcome.parameters?.count ?? 0) > 20 && (verification.outcome.globals?.count ?? 0) >= 4,
                "\(name): the values were read back")
    }
}

@Suite("Machine types of real QEMU 7.2", .enabled(if: Binaries.qemu72Path != nil || Binaries.isCI, Comment(rawValue: Binaries.missing72)))
struct MachineTypes72Tests {
    @Test func theBinaryListsMigeditsTypes() throws {
        let path = try #require(Binaries.qemu72Path, Comment(rawValue: Binaries.missing72))
        #expect(try MachineAgreement.listedTypes(path).sorted() == MachineType.available(in: .v7_2).map(\.name).sorted())
    }

    @Test(arguments: MachineAgreement.types(if: Binaries.qemu72Path != nil || Binaries.isCI, .v7_2))
    func defaultsAgree(_ name: String) throws {
        try MachineAgreement.verify(name, path: Binaries.qemu72Path, missing: Binaries.missing72)
    }
}

@Suite("Machine types of real QEMU 10.0", .enabled(if: Binaries.qemu100Path != nil || Binaries.isCI, Comment(rawValue: Binaries.missing100)))
struct MachineTypes100Tests {
    @Test func theBinaryListsMigeditsTypes() throws {
        let path = try #require(Binaries.qemu100Path, Comment(rawValue: Binaries.missing100))
        #expect(try MachineAgreement.listedTypes(path).sorted() == MachineType.available(in: .v10_0).map(\.name).sorted())
    }

    @Test(arguments: MachineAgreement.types(if: Binaries.qemu100Path != nil || Binaries.isCI, .v10_0))
    func defaultsAgree(_ name: String) throws {
        try MachineAgreement.verify(name, path: Binaries.qemu100Path, missing: Binaries.missing100)
    }

    /// The read-back can fail: QEMU's own defaults are not pc-q35-8.2's.
    @Test func qemusOwnDefaultsDisagreeUnderAnOldMachineType() throws {
        let binary = try QEMUBinary.probe(try #require(Binaries.qemu100Path, Comment(rawValue: Binaries.missing100)))
        var host = Host()
        host.machine = "pc-q35-8.2"
        let verification = try Verifier.verify(Configuration(), host: host, with: binary)
        #expect(verification.disagreements.contains(#"parameter zero-page-detection: QEMU reads back "legacy", migedit set "multifd""#))
        #expect(verification.disagreements.contains("property send-switchover-start: QEMU reads back off, migedit set on"))
    }
}
