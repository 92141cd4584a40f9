import MapRendering
import MigrationCore
import Testing

/// A 9.0 configuration breaking one pair (postcopy-ram with multifd) and one side rule
/// (zero-copy-send with TLS), the map's running example.
func brokenConfiguration() -> Configuration {
    var configuration = Configuration()
    configuration[.postcopyRam] = .bool(true)
    configuration[.multifd] = .bool(true)
    configuration[.zeroCopySend] = .bool(true)
    configuration[.tlsCreds] = .text("tls0")
    return configuration
}

extension MapSheet {
    /// The cell at the named row and column.
    func cell(_ row: String, _ column: String) -> Cell? {
        guard let r = settings.firstIndex(where: { $0.name == row }), let c = settings.firstIndex(where: { $0.name == column })
        else { return nil }
        return cells[r][c]
    }
}

@Suite struct MapSheetTests {
    @Test(arguments: [QEMUVersion.v7_2, .v9_0, .v10_2])
    func cellsAreTheMapsMarks(version: QEMUVersion) {
        let map = ConstraintMap.of(version)
        let sheet = MapSheet(map: map)
        #expect(sheet.settings.map(\.name) == map.axis.map(\.item.name))
        #expect(sheet.title.contains("QEMU \(version)"))
        for (row, rowID) in map.axis.enumerated() {
            for (column, columnID) in map.axis.enumerated() {
                let cell = sheet.cells[row][column]
                guard row != column else {
                    #expect(cell == nil)
                    continue
                }
                #expect(cell?.mark == map.mark(row: rowID, column: columnID))
                #expect(cell?.notes.count == map.links(between: rowID, columnID).count)
                #expect(cell?.isBroken == false && cell?.tone == .plain)
            }
        }
        #expect(sheet.sideRules.map(\.id) == map.sideRules.map(\.id))
        #expect(sheet.valueRules.map(\.id) == map.valueRules.map(\.id))
        #expect(sheet.rules.count == RuleBook.rules(for: version).count)
    }

    @Test func cellNotesNameTheRuleAndQuoteQEMU() throws {
        let sheet = MapSheet(map: .of(.v9_0))
        let notes = try #require(sheet.cell("postcopy-ram", "multifd")?.notes)
        #expect(notes == [
            "postcopy-ram conflicts with multifd [postcopy-ram-vs-multifd]: QEMU says \"Postcopy is not yet compatible with multifd\""
        ])
    }

    @Test func profileIsHighlightedAndItsBrokenCellsMarked() {
        let configuration = brokenConfiguration()
        let sheet = MapSheet(map: .of(.v9_0), configuration: configuration, source: "prod.json")
        #expect(sheet.settings.filter(\.isHighlighted).map(\.name) == ["postcopy-ram", "multifd", "zero-copy-send", "tls-creds"])
        let broken = sheet.cells.joined().compactMap { $0 }.filter(\.isBroken)
        #expect(broken.count == 4)
        #expect(sheet.cell("postcopy-ram", "multifd")?.isBroken == true)
        #expect(sheet.cell("multifd", "postcopy-ram")?.isBroken == true)
        #expect(sheet.cell("zero-copy-send", "tls-creds")?.isBroken == true)
        #expect(sheet.cell("zero-copy-send", "multifd")?.isBroken == false)
        #expect(sheet.rules.filter(\.isBroken).map(\.id) == [
            "zero-copy-send-vs-compression-or-tls", "postcopy-ram-vs-multifd", "zero-copy-send-needs-plain-multifd",
        ])
        #expect(sheet.subtitle.last == "prod.json: settings changed (marked *): 4 · pairs broken now (!): 2 · other rules broken now: 2")
        #expect(sheet.legend.contains { $0.swatch == .broken } && sheet.legend.contains { $0.swatch == .highlighted })
        #expect(!MapSheet(map: .of(.v9_0)).legend.contains { $0.swatch == .broken })
    }

    @Test func diffTonesWhatARelaseChanged() throws {
        let sheet = MapSheet(diff: ConstraintMapDiff(from: .of(.v9_0), to: .of(.v10_1)))
        #expect(sheet.isDiff && sheet.title.hasPrefix("QEMU 9.0 → 10.1"))
        let gone = try #require(sheet.cell("postcopy-ram", "multifd"))
        #expect(gone.tone == .removed && gone.mark == .conflicts)
        #expect(gone.notes.first?.hasPrefix("removed in 10.1: postcopy-ram conflicts with multifd") == true)
        #expect(sheet.cell("switchover-ack", "return-path")?.tone == .plain)
        #expect(sheet.settings.first { $0.name == "compress" }?.tone == .removed)
        #expect(sheet.rules.first { $0.id == "postcopy-ram-vs-multifd" }?.tone == .removed)
        #expect(sheet.rules.first { $0.id == "direct-io-needs-build-support" }?.tone == .added)
        #expect(sheet.legend.contains { $0.swatch == .tone(.removed) })

        let older = MapSheet(diff: ConstraintMapDiff(from: .of(.v7_2), to: .of(.v9_0)))
        #expect(older.cell("multifd", "xbzrle")?.tone == .added)
        #expect(older.settings.first { $0.name == "switchover-ack" }?.tone == .added)
        let same = MapSheet(diff: ConstraintMapDiff(from: .of(.v9_0), to: .of(.v9_0)))
        #expect(same.cells.joined().compactMap { $0 }.allSatisfy { $0.tone == .plain })
        #expect(same.subtitle == ["settings: 0 added, 0 removed · pairs: 0 changed · rules: 0 added, 0 removed"])
    }

    @Test func diffJudgesTheProfileByTheNewerRelease() {
        var configuration = Configuration()
        configuration[.postcopyRam] = .bool(true)
        configuration[.multifd] = .bool(true)
        let toNine = MapSheet(diff: ConstraintMapDiff(from: .of(.v8_2), to: .of(.v9_0)), configuration: configuration, source: "p")
        #expect(toNine.cell("postcopy-ram", "multifd")?.isBroken == true)
        let toTen = MapSheet(diff: ConstraintMapDiff(from: .of(.v9_0), to: .of(.v10_1)), configuration: configuration, source: "p")
        #expect(toTen.cell("postcopy-ram", "multifd")?.isBroken == false)
    }
}
