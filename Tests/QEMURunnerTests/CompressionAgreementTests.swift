import MigrationCore
import Testing
@testable import QEMURunner

/// Every `multifd-compression` choice of a release, set on the real binary, gets the verdict
/// migedit predicts: with the default host (a build with zstd, like Debian's), and with the
/// host a probe of that very binary measured (what `--host-from` hands the checks).
enum CompressionAgreement {
    static func expectAgreement(binaryPath: String?) throws {
        let binary = try QEMUBinary.probe(try #require(binaryPath))
        let probed = try HostProbe.probe(binary)
        guard case .enumeration(let choices) = try #require(Catalog.for(probed.version).item(.multifdCompression)).type else {
            Issue.record("multifd-compression is not an enum")
            return
        }
        var refused: [String] = []
        for host in [Host(), probed.host] {
            for choice in choices {
                var configuration = Configuration()
                try configuration.assign("multifd-compression=\(choice)", version: probed.version)
                let verification = try Verifier.verify(configuration, host: host, with: binary)
                #expect(verification.agrees, "\(choice) on \(binary.version): \(verification.disagreements)")
                if !verification.outcome.isAccepted { refused.append(choice) }
            }
        }
        let optional = choices.filter { $0 != "none" && $0 != "zlib" && $0 != "zstd" }
        #expect(refused == optional + optional, "a Debian build refuses exactly the methods it lacks, both ways")
    }
}

@Suite("multifd-compression on QEMU 7.2", .enabled(if: Binaries.qemu72Path != nil, Comment(rawValue: Binaries.missing72)))
struct CompressionAgreement72Tests {
    @Test func everyChoiceAgrees() throws { try CompressionAgreement.expectAgreement(binaryPath: Binaries.qemu72Path) }
}

@Suite("multifd-compression on QEMU 10.0", .enabled(if: Binaries.qemu100Path != nil, Comment(rawValue: Binaries.missing100)))
struct CompressionAgreement100Tests {
    @Test func everyChoiceAgrees() throws { try CompressionAgreement.expectAgreement(binaryPath: Binaries.qemu100Path) }
}
