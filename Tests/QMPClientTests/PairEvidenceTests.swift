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
        /// Rehearsals run until one does not complete. One, but for a race in QEMU itself:
        /// postcopy-preempt on the source only stops both sides in postcopy-paused when the
        /// destination turns the unexpected preempt channel away, and a loaded destination can
        /// finish loading every page first (1 run in 20 under three busy loops on two cores,
        /// none in 12 on an idle machine), so that case gets three.
        var attempts = 1
        var description: String { item.item.name }
    }

    static let cases = [
        Case(item: .postcopyRam, source: ["postcopy-ram=on"], destination: [], workload: .idle),
        Case(item: .postcopyPreempt, source: ["postcopy-ram=on", "postcopy-preempt=on"], destination: ["postcopy-ram=on"], workload: .dirty, attempts: 3),
        Case(item: .multifdChannels, source: ["multifd=on", "multifd-channels=4"], destination: ["multifd=on"], workload: .idle),
        Case(item: .multifdCompression, source: ["multifd=on", "multifd-compression=zlib"], destination: ["multifd=on"], workload: .dirty),
        Case(item: .sendConfiguration, source: ["send-configuration=off"], destination: [], workload: .idle),
        Case(item: .sendSectionFooter, source: ["send-section-footer=off"], destination: [], workload: .idle),
    ]

    @Test(arguments: rehearsalBinaries, cases)
    func theMismatchStopsTheMigrationAndIsNamed(_ binary: String, _ mismatch: Case) throws {
        var result: RehearsalResult
        var attempts = 0
        repeat {
            result = try Rehearsed(binary, source: mismatch.source, destination: mismatch.destination, workload: mismatch.workload, timeout: 2).result
            attempts += 1
        } while result.outcome == .completed && attempts < mismatch.attempts
        #expect(result.outcome != .completed, "\(result.lines)")
        #expect(result.blame?.hasPrefix("the sides differ on \(mismatch.item.item.name)  ") == true, "\(result.lines)")
        #expect(result.mismatches.first?.evidence != nil)
    }
}
