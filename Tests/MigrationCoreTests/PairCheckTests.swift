import MigrationCore
import Testing

/// `PairCheck`: one test per pair rule, and the must-match rule for every item of side both.
struct PairCheckTests {
    func profile(_ assignments: String..., version: QEMUVersion = .standard) throws -> Profile {
        var profile = Profile(version: version)
        for assignment in assignments { try profile.configuration.assign(assignment, version: version) }
        return profile
    }

    @Test func equalProfilesHaveNoMismatch() throws {
        let both = try profile("multifd=on", "multifd-channels=8", "max-bandwidth=1G", "announce-rounds=9")
        #expect(PairCheck.mismatches(source: both, destination: both).isEmpty)
    }

    @Test func aMustMatchSettingThatDiffersIsAnError() throws {
        let found = PairCheck.mismatches(source: try profile("multifd=on"), destination: try profile())
        #expect(found.map(\.id) == [.multifd] && found.map(\.rule) == [.mustMatch] && found[0].isError)
        #expect(found[0].values == "multifd  source on, destination off")
        #expect(found[0].reason == ItemID.multifd.item.side?.reason && found[0].evidence != nil)
    }

    /// Every item QEMU reads on both sides, set on one side only, is a must-match error.
    @Test func everyBothSidedItemMustMatch() throws {
        let catalog = Catalog.for(.standard)
        let both = catalog.items.filter { $0.side?.side == .both }
        #expect(both.count >= 10)
        var compared = 0
        for item in both {
            var source = Profile()
            switch source.configuration[item.id] {
            case .bool(let value): source.configuration[item.id] = .bool(!value)
            case .number(let value): source.configuration[item.id] = .number(value + 1)
            case .text(let value): source.configuration[item.id] = .text(value + "x")
            default: continue
            }
            let found = PairCheck.mismatches(source: source, destination: Profile())
            #expect(found.map(\.id) == [item.id] && found.first?.rule == .mustMatch, "\(item.name)")
            compared += 1
        }
        #expect(compared >= both.count - 1)
        let channels = PairCheck.mismatches(source: try profile("multifd-channels=4"), destination: try profile("multifd-channels=8"))
        #expect(channels.map(\.values) == ["multifd-channels  source 4, destination 8"])
    }

    @Test func aSourceOnlySettingChangedOnTheDestinationIsAWarning() throws {
        let found = PairCheck.mismatches(source: try profile(), destination: try profile("xbzrle=on", "max-bandwidth=1G"))
        #expect(found.map(\.id) == [.xbzrle, .maxBandwidth] && found.allSatisfy { $0.rule == .sourceOnly && !$0.isError })
        // Set on the source alone, where it is read, it is no mismatch.
        #expect(PairCheck.mismatches(source: try profile("xbzrle=on", "max-bandwidth=1G"), destination: try profile()).isEmpty)
    }

    @Test func aDestinationOnlySettingChangedOnTheSourceIsAWarning() throws {
        let found = PairCheck.mismatches(source: try profile("announce-rounds=9", "postcopy-blocktime=on"), destination: try profile())
        #expect(found.map(\.id) == [.postcopyBlocktime, .announceRounds] && found.allSatisfy { $0.rule == .destinationOnly })
        #expect(PairCheck.mismatches(source: try profile(), destination: try profile("announce-rounds=9")).isEmpty)
    }

    @Test func eachSideItsOwnIsNeverAMismatch() throws {
        #expect(PairCheck.mismatches(source: try profile("events=on"), destination: try profile()).isEmpty)
    }

    @Test func errorsComeBeforeWarnings() throws {
        let found = PairCheck.mismatches(source: try profile("announce-rounds=9", "multifd=on"), destination: try profile())
        #expect(found.map(\.rule) == [.mustMatch, .destinationOnly])
    }

    /// Profiles of two releases compare only what both have.
    @Test func itemsOneReleaseLacksAreNotCompared() throws {
        let new = try profile("multifd=on", "mapped-ram=on", version: .v10_0)
        let old = try profile("multifd=on", version: .v7_2)
        #expect(PairCheck.mismatches(source: new, destination: old).isEmpty)
    }
}
