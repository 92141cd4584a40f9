import MapRendering
import MigrationCore
import Testing

@Suite struct MapTextTests {
    /// The grid read back from the text: the units line of the column numbers gives each
    /// column's position, and every row's glyph and flag sit there.
    struct Grid {
        var rows: [String: (mark: Character, cells: [Character], flags: [Character])] = [:]
        var columnMarks: [Character] = []

        init(_ text: String, settings: [String]) throws {
            let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(Array.init)
            let count = settings.count
            let units = (1...count).map { Character(String($0 % 10)) }
            let header = try #require(lines.firstIndex { line in
                let digits = line.filter { $0 != " " }
                return digits == units
            })
            let positions = lines[header].indices.filter { lines[header][$0] != " " }
            if header >= 2, lines[header - 2].contains("*") || lines[header - 2].contains("-") || lines[header - 2].contains("+") {
                columnMarks = positions.map { $0 < lines[header - 2].count ? lines[header - 2][$0] : " " }
            }
            for (offset, name) in settings.enumerated() {
                let line = lines[header + 1 + offset]
                let words = String(line).split(separator: " ")
                #expect(words.contains { $0 == name }, "row \(offset + 1) is \(name)")
                #expect(words.contains { $0.hasSuffix(String(offset + 1)) }, "row \(offset + 1) is numbered")
                let padded = line + [Character](repeating: " ", count: max(0, positions.last! + 2 - line.count))
                rows[name] = (line[1], positions.map { padded[$0] }, positions.map { padded[$0 + 1] })
            }
        }
    }

    @Test func everyCellShowsItsGlyphInItsColumn() throws {
        let sheet = MapSheet(map: .of(.v9_0))
        let text = MapText.render(sheet)
        let grid = try Grid(text, settings: sheet.settings.map(\.name))
        for (row, setting) in sheet.settings.enumerated() {
            let cells = try #require(grid.rows[setting.name]).cells
            for (column, cell) in sheet.cells[row].enumerated() {
                #expect(cells[column] == (cell?.mark.glyph ?? "╲"), "\(setting.name) column \(column + 1)")
            }
        }
        #expect(text.hasPrefix("QEMU 9.0 migration constraint map\n"))
        #expect(text.contains("× conflict: refused together"))
        #expect(text.contains(" postcopy-ram-vs-multifd: postcopy-ram conflicts with multifd\n"))
        #expect(text.contains(" dirty-limit-requires-kvm-dirty-ring: dirty-limit requires KVM with accelerator property 'dirty-ring-size' set (reads dirty-limit, host.kvm, host.dirty-ring)\n"))
        #expect(text.contains(" downtime-limit-range: Parameter 'downtime_limit' expects an integer in the range of 0 to (2000 * 1000) ms\n"))
        #expect(!text.split(separator: "\n").contains { $0.hasSuffix(" ") })
    }

    @Test func profileRowsAreStarredAndBrokenCellsFlagged() throws {
        let sheet = MapSheet(map: .of(.v9_0), configuration: brokenConfiguration(), source: "prod.json")
        let grid = try Grid(MapText.render(sheet), settings: sheet.settings.map(\.name))
        let starred = sheet.settings.map(\.name).filter { grid.rows[$0]?.mark == "*" }
        #expect(starred == ["postcopy-ram", "multifd", "zero-copy-send", "tls-creds"])
        #expect(grid.columnMarks.filter { $0 == "*" }.count == 4)
        for (row, setting) in sheet.settings.enumerated() {
            let flags = try #require(grid.rows[setting.name]).flags
            for (column, cell) in sheet.cells[row].enumerated() {
                #expect((flags[column] == "!") == (cell?.isBroken == true), "\(setting.name) column \(column + 1)")
            }
        }
        #expect(MapText.render(sheet).contains(" ! postcopy-ram-vs-multifd: postcopy-ram conflicts with multifd\n"))
    }

    @Test func diffFlagsWhatChanged() throws {
        let sheet = MapSheet(diff: ConstraintMapDiff(from: .of(.v9_0), to: .of(.v10_1)))
        let text = MapText.render(sheet)
        let grid = try Grid(text, settings: sheet.settings.map(\.name))
        #expect(grid.rows["compress"]?.mark == "-")
        let multifd = try #require(sheet.settings.firstIndex { $0.name == "multifd" })
        let postcopy = try #require(grid.rows["postcopy-ram"])
        #expect(postcopy.cells[multifd] == "×" && postcopy.flags[multifd] == "-")
        #expect(text.contains(" - postcopy-ram-vs-multifd: postcopy-ram conflicts with multifd\n"))
        #expect(text.contains("- gone in 10.1"))
    }
}
