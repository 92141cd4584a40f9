// Adding a QEMU release (CONTRIBUTING.md, "Adding a QEMU release") means adding its case to
// QEMUVersion and its catalog and rule changes as data. These tests fail until every piece a
// release needs is there, so a new case cannot land half-described.
import Testing
@testable import MigrationCore

@Suite("Every release has all of its pieces")
struct ReleasePiecesTests {
    /// How many capabilities and parameters each release's QAPI schema has, from the research
    /// sheet of QEMU's releases (counted from each release's qapi/migration.json).
    static let schemaCounts: [QEMUVersion: (capabilities: Int, parameters: Int)] = [
        .v7_2: (21, 27), .v8_0: (21, 27), .v8_1: (23, 29), .v8_2: (23, 31), .v9_0: (24, 32),
        .v9_1: (22, 28), .v9_2: (22, 29), .v10_0: (22, 29), .v10_1: (22, 29), .v10_2: (22, 30),
    ]

    @Test("the schema counts are stated for every release", arguments: QEMUVersion.allCases)
    func schemaCountsMatch(_ version: QEMUVersion) throws {
        let expected = try #require(Self.schemaCounts[version], "add QEMU \(version)'s counts from its qapi/migration.json")
        let items = Catalog.for(version).items
        #expect(items.filter { $0.kind == .capability }.count == expected.capabilities)
        #expect(items.filter { $0.kind == .parameter }.count == expected.parameters)
    }

    @Test("every release has rules, a checker and a row in the versions table", arguments: QEMUVersion.allCases)
    func checksAndTable(_ version: QEMUVersion) {
        #expect(!RuleBook.rules(for: version).isEmpty)
        #expect(Checker.for(version).version == version)
        #expect(CompatibilityTable.markdown.contains("\n| \(version) |"), "QEMU \(version) has no row in `migedit versions`")
    }

    @Test("every rule id has a definition, and no release has an id twice")
    func everyIDIsDefined() {
        let defined = Set(RuleBook.all.map(\.identity))
        #expect(defined == Set(RuleID.allCases), "ids without a rule: \(Set(RuleID.allCases).subtracting(defined))")
        for version in QEMUVersion.allCases {
            let ids = RuleBook.rules(for: version).map(\.id)
            #expect(Set(ids).count == ids.count, "QEMU \(version) runs an id twice")
        }
    }

    @Test("every setting has exactly one definition, found by its id")
    func everyItemIsDefinedOnce() {
        #expect(Catalog.definitions.map(\.id) == ItemID.allCases)
    }

    @Test("the newest release is derived, not restated")
    func newestIsTheLastCase() {
        #expect(QEMUVersion.newest == QEMUVersion.allCases.last)
        #expect(VersionRange.all.last == .newest && VersionRange.all.first == .oldest)
        #expect(QEMUVersion.allCases.map(\.index) == Array(QEMUVersion.allCases.indices))
    }
}
