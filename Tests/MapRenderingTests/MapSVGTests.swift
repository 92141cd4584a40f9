import MapRendering
import MigrationCore
import Testing

extension ParsedElement {
    /// The `<g class="cell">` groups of a rendered map, by the "row × column" line their
    /// title starts with.
    var cellsByPair: [String: ParsedElement] {
        var cells: [String: ParsedElement] = [:]
        for group in elements(named: "g") where group.attributes["class"] == "cell" {
            let title = group.children.first { $0.name == "title" }?.text ?? ""
            cells[String(title.prefix { $0 != "\n" })] = group
        }
        return cells
    }

    /// The fill of a cell group's first rect.
    var fill: String? { children.first { $0.name == "rect" }?.attributes["fill"] }
}

@Suite struct MapSVGTests {
    @Test(arguments: [QEMUVersion.v7_2, .v9_0, .v10_2])
    func everyCellIsAGroupWithItsRulesInItsTitle(version: QEMUVersion) throws {
        let sheet = MapSheet(map: .of(version))
        let svg = try ParsedElement.parse(MapSVG.render(sheet))
        #expect(svg.name == "svg")
        #expect(svg.children.first { $0.name == "title" }?.text == "QEMU \(version) migration constraint map")
        let cells = svg.cellsByPair
        let count = sheet.settings.count
        #expect(cells.count == count * (count - 1))
        for (row, setting) in sheet.settings.enumerated() {
            for (column, other) in sheet.settings.enumerated() where row != column {
                let cell = try #require(cells["\(setting.name) × \(other.name)"])
                let title = cell.children.first { $0.name == "title" }?.text ?? ""
                let expected = sheet.cells[row][column]?.notes ?? []
                #expect(title.split(separator: "\n").dropFirst().map(String.init) == (expected.isEmpty ? ["no rule joins them"] : expected))
                #expect(cell.elements(named: "text").first?.text == String(sheet.cells[row][column]!.mark.glyph))
            }
        }
    }

    @Test func marksDifferInFillAndTheLegendShowsEach() throws {
        let svg = try ParsedElement.parse(MapSVG.render(MapSheet(map: .of(.v9_0))))
        let cells = svg.cellsByPair
        let fills = [
            cells["postcopy-ram × multifd"]?.fill, cells["switchover-ack × return-path"]?.fill,
            cells["return-path × switchover-ack"]?.fill, cells["max-cpu-throttle × cpu-throttle-initial"]?.fill,
            cells["events × multifd"]?.fill,
        ]
        #expect(fills == ["#b2182b", "#6fa8dc", "#6fa8dc", "#f3e3a0", "#ffffff"])
        let texts = svg.elements(named: "text").map(\.text)
        for mark in MapMark.allCases { #expect(texts.contains(mark.legend)) }
        #expect(texts.contains("dirty-limit-requires-kvm-dirty-ring"))
        #expect(texts.contains("downtime-limit-range"))
    }

    /// The lightness of each mark's fill (Rec. 601 luma, as a greyscale print computes it)
    /// differs by at least a tenth of the range from every other's, and each rule's glyph
    /// stands out from its fill by nearly half of it: the map reads without colour.
    @Test func marksReadInGreyscale() throws {
        let svg = try ParsedElement.parse(MapSVG.render(MapSheet(map: .of(.v9_0))))
        let cells = svg.cellsByPair
        let samples: [(String, MapMark)] = [
            ("postcopy-ram × multifd", .conflicts), ("switchover-ack × return-path", .needs),
            ("max-cpu-throttle × cpu-throttle-initial", .bounds), ("events × multifd", .none),
        ]
        var lumas: [Double] = []
        for (pair, mark) in samples {
            let cell = try #require(cells[pair])
            let fill = try luma(#require(cell.fill))
            let glyph = try luma(#require(cell.elements(named: "text").first?.attributes["fill"]))
            if mark != .none { #expect(abs(fill - glyph) >= 0.45, "\(pair): glyph on fill") }
            lumas.append(fill)
        }
        for (index, value) in lumas.enumerated() {
            for other in lumas[(index + 1)...] { #expect(abs(value - other) >= 0.1, "\(lumas)") }
        }
    }

    private func luma(_ hex: String) throws -> Double {
        let digits = Array(hex.dropFirst())
        try #require(hex.hasPrefix("#") && digits.count == 6, "\(hex)")
        let channel = { (index: Int) -> Double in Double(Int(String(digits[index * 2...index * 2 + 1]), radix: 16) ?? 0) / 255 }
        return 0.299 * channel(0) + 0.587 * channel(1) + 0.114 * channel(2)
    }

    @Test func profileRowsAreBandedAndBrokenCellsFramed() throws {
        let sheet = MapSheet(map: .of(.v9_0), configuration: brokenConfiguration(), source: "prod.json")
        let svg = try ParsedElement.parse(MapSVG.render(sheet))
        let cells = svg.cellsByPair
        let framed = cells.filter { _, group in group.elements(named: "rect").contains { $0.attributes["stroke-width"] == "3" } }
        #expect(Set(framed.keys) == [
            "postcopy-ram × multifd", "multifd × postcopy-ram", "zero-copy-send × tls-creds", "tls-creds × zero-copy-send",
        ])
        #expect(cells["postcopy-ram × multifd"]?.children.first?.text.hasSuffix("broken by this configuration now") == true)
        let bold = svg.elements(named: "text").filter { $0.attributes["font-weight"] == "bold" }.map(\.text)
        for name in ["postcopy-ram", "multifd", "zero-copy-send", "tls-creds"] {
            #expect(bold.filter { $0 == "▸ " + name }.count == 2, "\(name): row and column label")
        }
        let bands = svg.elements(named: "rect").filter { $0.attributes["fill"] == "#e4d9f7" }
        #expect(bands.count == 4 * 2 + 1)
        #expect(bold.contains("! zero-copy-send-vs-compression-or-tls (broken now)"))
    }

    @Test func diffFillsAddedRemovedAndChangedCells() throws {
        let sheet = MapSheet(diff: ConstraintMapDiff(from: .of(.v9_0), to: .of(.v10_1)))
        let svg = try ParsedElement.parse(MapSVG.render(sheet))
        let cells = svg.cellsByPair
        #expect(cells["postcopy-ram × multifd"]?.fill == "url(#gone)")
        #expect(cells["switchover-ack × return-path"]?.fill == "#e6e6e6")
        let gone = cells.values.filter { $0.fill == "url(#gone)" }.count
        #expect(gone == sheet.cells.joined().compactMap { $0 }.filter { $0.tone == .removed }.count)
        #expect(gone > 0)
        #expect(svg.elements(named: "pattern").first?.attributes["id"] == "gone")
        let compress = svg.elements(named: "text").filter { $0.text == "compress" }
        #expect(compress.count == 2 && compress.allSatisfy { $0.attributes["text-decoration"] == "line-through" })

        let older = try ParsedElement.parse(MapSVG.render(MapSheet(diff: ConstraintMapDiff(from: .of(.v7_2), to: .of(.v9_0)))))
        #expect(older.cellsByPair["multifd × xbzrle"]?.fill == "#1b7837")
        #expect(older.elements(named: "text").contains { $0.text == "+ switchover-ack" })
    }

    @Test func renderingIsDeterministicAndIntegral() {
        let first = MapSVG.render(MapSheet(map: .of(.v9_0), configuration: brokenConfiguration(), source: "p.json"))
        let second = MapSVG.render(MapSheet(map: .of(.v9_0), configuration: brokenConfiguration(), source: "p.json"))
        #expect(first == second)
        let diff = MapSheet(diff: ConstraintMapDiff(from: .of(.v8_2), to: .of(.v10_2)))
        #expect(MapSVG.render(diff) == MapSVG.render(diff))
        #expect(MapHTML.render(diff) == MapHTML.render(diff))
        #expect(MapText.render(diff) == MapText.render(diff))
        let coordinates = first.split(separator: "\"").enumerated().filter { $0.offset % 2 == 1 }.map(\.element)
            .filter { $0.first?.isNumber == true }
        #expect(!coordinates.isEmpty && coordinates.allSatisfy { !$0.contains(".") || $0.hasPrefix("1.0") })
    }

    @Test func textIsEscaped() throws {
        let source = "a<b> & \"c\" 'd'"
        let sheet = MapSheet(map: .of(.v9_0), configuration: brokenConfiguration(), source: source)
        for document in [MapSVG.render(sheet), MapHTML.render(sheet)] {
            let parsed = try ParsedElement.parse(document)
            #expect(parsed.elements(named: "text").contains { $0.text.hasPrefix(source + ": ") } )
        }
    }

    @Test func htmlEmbedsTheMapAndExplainsEveryRule() throws {
        let sheet = MapSheet(map: .of(.v9_0), configuration: brokenConfiguration(), source: "prod.json")
        let page = try ParsedElement.parse(MapHTML.render(sheet))
        #expect(page.name == "html")
        #expect(page.elements(named: "title").first?.text == "QEMU 9.0 migration constraint map")
        let svg = try #require(page.elements(named: "svg").first)
        #expect(svg.cellsByPair.count == sheet.settings.count * (sheet.settings.count - 1))
        let terms = page.elements(named: "dt")
        let ids = terms.compactMap { $0.attributes["id"] }
        #expect(ids.count == RuleBook.rules(for: .v9_0).count)
        #expect(Set(ids) == Set(RuleBook.rules(for: .v9_0).map { "rule-" + $0.id }))
        #expect(ids == (sheet.rules.filter { $0.placement == .pair } + sheet.sideRules + sheet.valueRules).map { "rule-" + $0.id })
        #expect(terms.first { $0.attributes["id"] == "rule-postcopy-ram-vs-multifd" }?.attributes["class"] == "broken")
        let rule = try #require(RuleBook.rule(withID: "switchover-ack-requires-return-path", in: .v9_0))
        let definitions = page.elements(named: "dd").map(\.allText)
        #expect(definitions.contains("QEMU says: " + rule.message))
        #expect(definitions.contains(rule.explanation))
        #expect(definitions.contains("switchover-ack requires return-path"))
    }
}
