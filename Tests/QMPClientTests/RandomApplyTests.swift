import MigrationCore
import QMPClient
import Testing

// Seeded random configurations migedit accepts, applied over QMP one after another to one QEMU
// per binary: QEMU must never answer with an error, and must read back every value except the
// ones `MonitorQuirks` says its monitor ignores. A refusal here is a bug in migedit's rules or
// in the order `ApplyPlan` sends the changes in.

@Suite("Random live applies")
struct RandomApplyTests {
    static let count = 300

    @Test(arguments: [("7.2", LiveBinary.qemu72), ("10.0", LiveBinary.qemu100)])
    func acceptedConfigurationsAreNeverRefused(_ release: String, _ binary: LiveBinary?) throws {
        guard let binary else {
            #expect(!Binaries.isCI, "QEMU \(release) is missing")
            return
        }
        let qemu = try binary.start()
        defer { qemu.stop() }
        let live = try binary.attach(qemu)
        let checker = Checker.for(binary.version)
        var generator = SplitMix64(seed: 0x6C69_7665_2D71_6D70)
        var running = try live.snapshot(host: binary.host).profile.configuration
        var commandsSent = 0
        for index in 0..<Self.count {
            let wanted = Configuration.randomAccepted(using: &generator, checker: checker, host: binary.host)
            let plan = ApplyPlan(from: running, to: wanted, version: binary.version, host: binary.host)
            let outcome = try live.apply(plan, wanted: wanted, host: binary.host)
            let ignored = plan.changes.map(\.id).filter { MonitorQuirks.ignores($0, in: binary.version) }
            #expect(outcome.refusal == nil, "#\(index): QEMU \(binary.version) refused \(plan.lines): \(outcome.refusal ?? "")")
            #expect(outcome.notTaken.map(\.id).allSatisfy(ignored.contains), "#\(index): not taken \(outcome.notTaken)")
            running = outcome.readBack.profile.configuration
            commandsSent += plan.commands.count
        }
        #expect(commandsSent > Self.count, "the configurations differ from one another")
    }
}
