import MigrationCore
import QMPClient
import Testing

/// Each must-match mismatch `migedit pair` backs with a rehearsal, re-run: it fails or hangs
/// and the rehearsal names it. The claims are in `PairEvidence` (the text `pair` prints).
@Suite("Pair evidence", .serialized, .enabled(if: !rehearsalBinaries.isEmpty, Comment(rawValue: Binaries.missing72)))
struct PairEvidenceTests {
    struct Case: Sendable, CustomStringConvertible {
        let item: ItemID
        let source: [String]
        let destination: [String]
        let workload: RehearsalWorkload
        var description: String { item.item.name }
    }

    static let cases = [
        Case(item: .postcopyRam, source: ["postcopy-ram=on"], destination: [], workload: .idle),
        Case(item: .postcopyPreempt, source: ["postcopy-ram=on", "postcopy-preempt=on"], destination: ["postcopy-ram=on"], workload: .dirty),
        Case(item: .multifdChannels, source: ["multifd=on", "multifd-channels=4"], destination: ["multifd=on"], workload: .idle),
        Case(item: .multifdCompression, source: ["multifd=on", "multifd-compression=zlib"], destination: ["multifd=on"], workload: .dirty),
    ]

    @Test(arguments: rehearsalBinaries, cases)
    func theMismatchStopsTheMigrationAndIsNamed(_ binary: String, _ mismatch: Case) throws {
        let result = try Rehearsed(binary, source: mismatch.source, destination: mismatch.destination, workload: mismatch.workload, timeout: 2).result
        #expect(result.outcome != .completed, "\(result.lines)")
        #expect(result.blame?.hasPrefix("the sides differ on \(mismatch.item.item.name)  ") == true, "\(result.lines)")
        #expect(result.mismatches.first?.evidence != nil)
    }
}
