import Glibc
import MigrationCore
import QEMURunner
@testable import QMPClient
import Testing

/// A rehearsal between two real QEMUs, run the way `migedit rehearse` runs it, leaving nothing
/// behind: both pids gone, the scratch directory removed.
struct Rehearsed {
    let result: RehearsalResult
    /// Seconds from starting the QEMUs to the result.
    let elapsed: Double

    init(_ binary: String, source: [String], destination: [String]? = nil, workload: RehearsalWorkload = .idle, timeout: Double = 30) throws {
        let version = try Rehearsed.version(of: binary)
        func profile(_ assignments: [String]) throws -> Profile {
            var profile = Profile(version: version)
            for assignment in assignments { try profile.configuration.assign(assignment, version: version) }
            return profile
        }
        let sides = (source: try profile(source), destination: try profile(destination ?? source))
        let rehearsal = try Rehearsal(binary: binary, workload: workload, properties: sides)
        let directory = rehearsal.directoryPath, pids = rehearsal.processIDs
        result = rehearsal.run(source: sides.source, destination: sides.destination, timeout: timeout)
        elapsed = rehearsal.elapsed
        rehearsal.stop()
        #expect(access(directory, F_OK) != 0, "\(directory) is left behind")
        for pid in pids { #expect(ChildProcess.status(of: pid) == nil, "QEMU \(pid) still runs") }
    }

    /// The release of `binary`, known before its QEMUs start so that profiles (and their
    /// `-global` properties) can be made for it.
    static func version(of binary: String) throws -> QEMUVersion {
        try #require(QEMUVersion(parsing: try QEMUBinary.probe(binary).version))
    }
}

/// Every real binary there is: 7.2 on PATH and 10.0 in .qemu.
let rehearsalBinaries = [Binaries.qemu72Path, Binaries.qemu100Path].compactMap { $0 }

/// The rehearsals the issue asks for, against every real binary there is. Serialized: each
/// runs two TCG guests, and the machine has two cores.
@Suite("Rehearsal", .serialized, .enabled(if: !rehearsalBinaries.isEmpty, Comment(rawValue: Binaries.missing72)))
struct RehearsalTests {
    @Test(arguments: rehearsalBinaries)
    func plainPrecopyCompletesAndTheGuestRunsOnTheDestination(_ binary: String) throws {
        let rehearsed = try Rehearsed(binary, source: [])
        let result = rehearsed.result
        #expect(result.outcome == .completed && result.guestRuns == true, "\(result.lines)")
        #expect(result.transport == "a UNIX socket" && result.mismatches.isEmpty)
        #expect((result.statistics.transferred ?? 0) > 0 && result.statistics.totalTime != nil && result.statistics.downtime != nil)
        #expect(result.postcopyStarted == nil && result.statistics.multifdBytes == 0)
    }

    @Test(arguments: rehearsalBinaries)
    func multifdWithFourZstdChannelsSendsOverThem(_ binary: String) throws {
        let result = try Rehearsed(binary, source: ["multifd=on", "multifd-channels=4", "multifd-compression=zstd"]).result
        #expect(result.isSuccess, "\(result.lines)")
        #expect((result.statistics.multifdBytes ?? 0) > 0)
    }

    @Test(arguments: rehearsalBinaries)
    func xbzrleWithTheDirtyWorkloadUsesItsCache(_ binary: String) throws {
        let result = try Rehearsed(binary, source: ["xbzrle=on"], workload: .dirty).result
        #expect(result.isSuccess, "\(result.lines)")
        let cache = (result.statistics.xbzrleHits ?? 0) + (result.statistics.xbzrleMisses ?? 0)
        #expect(cache > 0, "xbzrle never looked a page up: \(result.lines)")
    }

    @Test(arguments: rehearsalBinaries)
    func postcopyStartsAndCompletes(_ binary: String) throws {
        let result = try Rehearsed(binary, source: ["postcopy-ram=on"], workload: .dirty).result
        #expect(result.isSuccess, "\(result.lines)")
        #expect(result.postcopyStarted == true && (result.statistics.postcopyBytes ?? 0) > 0)
    }

    /// Postcopy is requested while precopy is held at `Rehearsal.postcopyHold`, so even an idle
    /// guest that precopy alone finishes in a few milliseconds goes through postcopy; the source
    /// then has the profile's own max-bandwidth back.
    @Test(arguments: rehearsalBinaries)
    func postcopyStartsBeforePrecopyCanFinishAndTheBandwidthIsGivenBack(_ binary: String) throws {
        let rehearsal = try Rehearsal(binary: binary)
        defer { rehearsal.stop() }
        var profile = Profile(version: rehearsal.snapshot.version)
        for assignment in ["postcopy-ram=on", "max-bandwidth=123456789"] {
            try profile.configuration.assign(assignment, version: profile.version)
        }
        let result = rehearsal.run(source: profile, destination: profile, timeout: 30)
        #expect(result.isSuccess && result.postcopyStarted == true, "\(result.lines)")
        let parameters = try rehearsal.source.run("query-migrate-parameters").value
        #expect(parameters?["max-bandwidth"]?.uint64Value == 123_456_789)
    }

    /// A `-global`-only property of the profile is on each QEMU's command line: the source
    /// reports it (HMP `info migrate` lists store-global-state) and no note says it was left out.
    @Test(arguments: rehearsalBinaries)
    func globalOnlyPropertiesStartWithTheQEMUs(_ binary: String) throws {
        let version = try Rehearsed.version(of: binary)
        var profile = Profile(version: version)
        try profile.configuration.assign("store-global-state=off", version: version)
        let rehearsal = try Rehearsal(binary: binary, properties: (profile, profile))
        defer { rehearsal.stop() }
        let result = rehearsal.run(source: profile, destination: profile, timeout: 30)
        #expect(result.isSuccess && result.notes.isEmpty, "\(result.lines)")
        #expect(try rehearsal.source.connect(by: 0).snapshot().profile.configuration[.storeGlobalState] == .bool(false))
    }

    @Test(arguments: rehearsalBinaries)
    func postcopyWithPreemptionStartsAndCompletes(_ binary: String) throws {
        let result = try Rehearsed(binary, source: ["postcopy-ram=on", "postcopy-preempt=on"], workload: .dirty).result
        #expect(result.isSuccess, "\(result.lines)")
        #expect(result.postcopyStarted == true)
    }

    @Test(arguments: rehearsalBinaries)
    func mappedRamMigratesThroughAFileWhereTheReleaseHasIt(_ binary: String) throws {
        let rehearsal = try Rehearsal(binary: binary)
        let hasMappedRam = Catalog.for(rehearsal.snapshot.version).contains(.mappedRam)
        rehearsal.stop()
        guard hasMappedRam else { return }
        let result = try Rehearsed(binary, source: ["multifd=on", "mapped-ram=on"]).result
        #expect(result.isSuccess, "\(result.lines)")
        #expect(result.transport == "a file (mapped-ram)" && (result.statistics.multifdBytes ?? 0) > 0)
    }

    /// The classic mismatch: QEMU fails at once (the destination exits) rather than say why.
    @Test(arguments: rehearsalBinaries)
    func multifdOnTheSourceOnlyFailsAndTheMismatchIsNamed(_ binary: String) throws {
        let rehearsed = try Rehearsed(binary, source: ["multifd=on"], destination: [], timeout: 3)
        let result = rehearsed.result
        #expect(result.outcome != .completed && result.guestRuns == nil)
        #expect(result.blame?.hasPrefix("the sides differ on multifd  source on, destination off") == true, "\(result.lines)")
        #expect(rehearsed.elapsed < 3 + 2)
    }

    /// The other way round it hangs: the source sends, the destination waits for channels.
    @Test(arguments: rehearsalBinaries)
    func multifdOnTheDestinationOnlyIsReportedStuckWithinTheTimeout(_ binary: String) throws {
        let rehearsed = try Rehearsed(binary, source: [], destination: ["multifd=on"], timeout: 2)
        let result = rehearsed.result
        guard case .stuck(let source, _, let after) = result.outcome else {
            Issue.record("not stuck: \(result.lines)")
            return
        }
        #expect(source == "active" && after == 2)
        #expect(result.blame?.contains("multifd  source off, destination on") == true)
        #expect(rehearsed.elapsed < 2 + 2)
    }

    @Test(arguments: rehearsalBinaries)
    func aSettingQEMURefusesIsAFailureInItsWords(_ binary: String) throws {
        let result = try Rehearsed(binary, source: ["postcopy-ram=on", "background-snapshot=on"]).result
        guard case .failed(let reason) = result.outcome else {
            Issue.record("not failed: \(result.lines)")
            return
        }
        let version = try #require(QEMUVersion(parsing: result.qemuVersion))
        var configuration = Configuration()
        try configuration.assign("postcopy-ram=on", version: version)
        try configuration.assign("background-snapshot=on", version: version)
        let qemuSays = try #require(Checker.for(version).check(configuration, on: .standard).firstError?.message)
        #expect(reason == "the source QEMU refused the settings: " + qemuSays)
    }

    @Test func aBinaryThatIsNoQEMUIsRefused() throws {
        #expect(throws: QMPError.self) { try Rehearsal(binary: "/bin/true") }
        #expect(throws: QMPError.self) { try Rehearsal(binary: "/nonexistent/qemu-system-x86_64") }
    }
}
