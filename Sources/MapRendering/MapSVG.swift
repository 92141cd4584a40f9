import MigrationCore

/// The map as an SVG picture for slides: the grid with rotated column labels, a legend, and the
/// rules that do not fit a pair listed beside it. Each mark differs in glyph *and* in lightness
/// (dark conflicts, mid needs, light bounds, white for no rule), so it reads in greyscale and
/// for colour-blind viewers; a diff uses fills for new and changed cells and hatching for gone
/// ones. Every cell carries a `<title>` with its rules, which browsers show on hover.
///
/// The output depends on the sheet alone: integer coordinates, no dates, sheet order.
public enum MapSVG {
    /// The whole SVG document.
    public static func render(_ sheet: MapSheet) -> String {
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + element(sheet) + "\n"
    }

    /// The `<svg>` element alone, for embedding in a page.
    static func element(_ sheet: MapSheet) -> String {
        var layout = Layout(sheet)
        var body: [String] = []
        body += header(sheet, &layout)
        body += legend(sheet, &layout)
        body += grid(sheet, &layout)
        body += sideRules(sheet, &layout)
        body += valueRules(sheet, &layout)
        let width = layout.width, height = layout.height
        let head = [
            "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(width)\" height=\"\(height)\" viewBox=\"0 0 \(width) \(height)\" "
                + "font-family=\"\(Style.sans)\" role=\"img\">",
            "<title>\(XMLText.escape(sheet.title))</title>",
            "<defs><pattern id=\"gone\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\" patternTransform=\"rotate(45)\">"
                + "<rect width=\"6\" height=\"6\" fill=\"\(Style.goneBackground)\"/>"
                + "<rect width=\"2\" height=\"6\" fill=\"\(Style.goneStripe)\"/></pattern></defs>",
            "<rect width=\"\(width)\" height=\"\(height)\" fill=\"#ffffff\"/>",
        ]
        return (head + body + ["</svg>"]).joined(separator: "\n")
    }

    private static func header(_ sheet: MapSheet, _ layout: inout Layout) -> [String] {
        var lines: [String] = []
        layout.y += 24
        lines.append(text(sheet.title, x: Layout.margin, y: layout.y, size: 24, weight: "bold"))
        for line in sheet.subtitle {
            layout.y += 22
            lines.append(text(line, x: Layout.margin, y: layout.y, size: 14, fill: Style.muted))
        }
        layout.y += 18
        return lines
    }

    /// The legend as one or two rows of swatches, each drawn as the cell it explains.
    private static func legend(_ sheet: MapSheet, _ layout: inout Layout) -> [String] {
        var lines: [String] = []
        let size = 18, limit = layout.width - Layout.margin
        var x = Layout.margin
        for entry in sheet.legend {
            let width = size + 8 + Style.sansWidth(entry.text, size: 13) + 22
            if x > Layout.margin && x + width > limit {
                x = Layout.margin
                layout.y += size + 10
            }
            lines.append(swatch(entry.swatch, x: x, y: layout.y, size: size))
            lines.append(text(entry.text, x: x + size + 8, y: layout.y + 14, size: 13))
            x += width
        }
        layout.y += size + 16
        return lines
    }

    private static func swatch(_ swatch: MapSheet.LegendEntry.Swatch, x: Int, y: Int, size: Int) -> String {
        switch swatch {
        case .mark(let mark):
            return cellShape(mark: mark, tone: .plain, isDiff: false, isBroken: false, x: x, y: y, size: size)
        case .tone(let tone):
            return cellShape(mark: tone == .removed ? .conflicts : .needs, tone: tone, isDiff: true, isBroken: false, x: x, y: y, size: size)
        case .broken:
            return cellShape(mark: .conflicts, tone: .plain, isDiff: false, isBroken: true, x: x, y: y, size: size)
        case .highlighted:
            return rect(x: x, y: y, width: size, height: size, fill: Style.band, stroke: Style.bandEdge)
                + text("▸", x: x + size / 2, y: y + 14, size: 13, weight: "bold", anchor: "middle")
        }
    }

    private static func grid(_ sheet: MapSheet, _ layout: inout Layout) -> [String] {
        let cell = Layout.cell, gridX = layout.gridX, side = layout.side, top = layout.y
        layout.gridY = top + layout.labelRise + 10
        let gridY = layout.gridY
        var lines: [String] = ["<g id=\"grid\">"]
        for (index, setting) in sheet.settings.enumerated() where setting.isHighlighted {
            let offset = index * cell
            lines.append(rect(x: Layout.margin, y: gridY + offset, width: gridX - Layout.margin + side, height: cell, fill: Style.band))
            lines.append(rect(x: gridX + offset, y: gridY - 8, width: cell, height: side + 8, fill: Style.band))
        }
        for (index, setting) in sheet.settings.enumerated() {
            let center = index * cell + cell / 2
            let style = Style.labelAttributes(setting)
            let label = XMLText.escape(Style.label(setting))
            lines.append(
                "<text x=\"\(gridX - 6)\" y=\"\(gridY + center + 4)\" font-family=\"\(Style.mono)\" font-size=\"\(Layout.labelSize)\" "
                    + "text-anchor=\"end\"\(style)>\(label)</text>")
            let x = gridX + center, y = gridY - 6
            lines.append(
                "<text x=\"\(x)\" y=\"\(y)\" font-family=\"\(Style.mono)\" font-size=\"\(Layout.labelSize)\" "
                    + "transform=\"rotate(-60 \(x) \(y))\"\(style)>\(label)</text>")
        }
        for (row, cells) in sheet.cells.enumerated() {
            for (column, cell) in cells.enumerated() {
                let x = gridX + column * Layout.cell, y = gridY + row * Layout.cell
                guard let cell else {
                    lines.append(rect(x: x, y: y, width: Layout.cell, height: Layout.cell, fill: Style.diagonal))
                    continue
                }
                let pair = sheet.settings[row].name + " × " + sheet.settings[column].name
                let notes = cell.notes.isEmpty ? ["no rule joins them"] : cell.notes
                let broken = cell.isBroken ? ["broken by this configuration now"] : []
                lines.append(
                    "<g class=\"cell\"><title>\(XMLText.escape(([pair] + notes + broken).joined(separator: "\n")))</title>"
                        + cellShape(mark: cell.mark, tone: cell.tone, isDiff: sheet.isDiff, isBroken: cell.isBroken, x: x, y: y, size: Layout.cell)
                        + "</g>")
            }
        }
        for step in stride(from: 5, to: sheet.settings.count, by: 5) {
            let offset = step * cell
            lines.append("<path d=\"M\(gridX) \(gridY + offset)h\(side)M\(gridX + offset) \(gridY)v\(side)\" stroke=\"\(Style.guide)\" stroke-width=\"1\"/>")
        }
        lines.append("<rect x=\"\(gridX)\" y=\"\(gridY)\" width=\"\(side)\" height=\"\(side)\" fill=\"none\" stroke=\"\(Style.ink)\" stroke-width=\"1\"/>")
        lines.append("</g>")
        layout.grow(to: gridY + side)
        return lines
    }

    /// One cell: its fill (by mark, or by change in a diff), its glyph, and a double frame when
    /// the configuration breaks it.
    static func cellShape(mark: MapMark, tone: MapSheet.Tone, isDiff: Bool, isBroken: Bool, x: Int, y: Int, size: Int) -> String {
        let (fill, ink) = isDiff ? Style.colors(for: tone, mark: mark) : Style.colors(for: mark)
        // An empty cell lets a highlighted row's band show through, and still takes hovers.
        var shape = rect(x: x, y: y, width: size, height: size, fill: fill, stroke: Style.cellEdge, isClear: fill == "#ffffff")
        let glyph = tone == .removed || mark != .none || !isDiff ? String(mark.glyph) : ""
        if !glyph.isEmpty {
            let weight = mark == .none ? "normal" : "bold"
            shape += text(glyph, x: x + size / 2, y: y + size / 2 + 5, size: 15, weight: weight, fill: ink, anchor: "middle")
        }
        if isBroken {
            shape += "<rect x=\"\(x + 1)\" y=\"\(y + 1)\" width=\"\(size - 2)\" height=\"\(size - 2)\" fill=\"none\" stroke=\"\(Style.ink)\" stroke-width=\"3\"/>"
            shape += "<rect x=\"\(x + 3)\" y=\"\(y + 3)\" width=\"\(size - 6)\" height=\"\(size - 6)\" fill=\"none\" stroke=\"#ffffff\" stroke-width=\"1\"/>"
        }
        return shape
    }

    /// The rules that do not fit a pair, beside the grid from the top of its column labels:
    /// each rule's id, QEMU's message and what it reads.
    private static func sideRules(_ sheet: MapSheet, _ layout: inout Layout) -> [String] {
        let x = layout.panelX, columns = Layout.panelColumns, size = Layout.ruleSize
        var y = layout.gridY - layout.labelRise
        var lines: [String] = ["<g id=\"side-rules\">", text(Heading.side, x: x, y: y, size: 15, weight: "bold")]
        y += 22
        for rule in sheet.sideRules {
            lines.append("<g class=\"rule\"><title>\(XMLText.escape(rule.explanation))</title>")
            lines.append(text(Style.ruleLabel(rule), x: x, y: y, size: size, weight: "bold", fill: Style.ruleInk(rule), family: Style.mono))
            y += 15
            let reads = "reads " + rule.subjects.joined(separator: ", ")
            let body = TextWrap.lines(rule.message, width: columns - 2) + TextWrap.lines(reads, width: columns - 2)
            for line in body {
                lines.append(text(line, x: x + 14, y: y, size: size - 1, fill: Style.ruleInk(rule, muted: true), family: Style.mono))
                y += 14
            }
            lines.append("</g>")
            y += 7
        }
        lines.append("</g>")
        layout.grow(to: y)
        return lines
    }

    /// The rules on one setting, by id in columns under everything else (QEMU's message on hover).
    private static func valueRules(_ sheet: MapSheet, _ layout: inout Layout) -> [String] {
        let rules = sheet.valueRules
        guard !rules.isEmpty else { return [] }
        let size = Layout.ruleSize - 1
        var y = layout.height - Layout.margin + 36
        var lines: [String] = ["<g id=\"value-rules\">", text(Heading.value, x: Layout.margin, y: y, size: 15, weight: "bold")]
        y += 22
        let longest = rules.map { Style.ruleLabel($0).count }.max() ?? 0
        let columnWidth = Style.monoWidth(longest, size: size) + 28
        let columns = max(1, (layout.width - 2 * Layout.margin + 28) / columnWidth)
        let rows = (rules.count + columns - 1) / columns
        for (index, rule) in rules.enumerated() {
            let x = Layout.margin + index / rows * columnWidth
            lines.append(
                "<g class=\"rule\"><title>\(XMLText.escape(rule.message))</title>"
                    + text(Style.ruleLabel(rule), x: x, y: y + index % rows * 15, size: size, fill: Style.ruleInk(rule), family: Style.mono)
                    + "</g>")
        }
        lines.append("</g>")
        layout.grow(to: y + (rows - 1) * 15)
        return lines
    }

    /// The headings of the rule lists, the same in every format.
    enum Heading {
        static let pair = "In the cells: rules between two settings"
        static let side = "Beside the grid: more than two settings, or a host fact"
        static let value = "On one setting: ranges, values, deprecations"
    }

    /// A rectangle; `isClear` keeps the fill (for hovers and readers) but paints none of it.
    static func rect(x: Int, y: Int, width: Int, height: Int, fill: String, stroke: String? = nil, isClear: Bool = false) -> String {
        "<rect x=\"\(x)\" y=\"\(y)\" width=\"\(width)\" height=\"\(height)\" fill=\"\(fill)\""
            + (isClear ? " fill-opacity=\"0\"" : "") + (stroke.map { " stroke=\"\($0)\" stroke-width=\"1\"" } ?? "") + "/>"
    }

    static func text(
        _ content: String, x: Int, y: Int, size: Int, weight: String = "normal", fill: String = Style.ink,
        anchor: String = "start", family: String? = nil
    ) -> String {
        "<text x=\"\(x)\" y=\"\(y)\" font-size=\"\(size)\"" + (weight == "normal" ? "" : " font-weight=\"\(weight)\"")
            + (fill == Style.ink ? "" : " fill=\"\(fill)\"") + (anchor == "start" ? "" : " text-anchor=\"\(anchor)\"")
            + (family.map { " font-family=\"\($0)\"" } ?? "") + ">\(XMLText.escape(content))</text>"
    }
}
