/// The map as plain text, for terminals and printed handouts: numbered rows, the column numbers
/// written downwards above the grid, one glyph per cell with a flag beside it, the legend, and
/// every rule (for a diff, every rule that came or went) listed below with its id.
public enum MapText {
    /// The whole text map, ending with a newline.
    public static func render(_ sheet: MapSheet) -> String {
        var lines = [sheet.title] + sheet.subtitle + [""]
        lines += grid(sheet)
        lines += [""] + legend(sheet, width: 100) + [""]
        // A diff lists only the rules that came or went (or are broken now): the grid shows the rest.
        let rules = sheet.isDiff ? sheet.rules.filter { $0.tone != .plain || $0.isBroken } : sheet.rules
        lines += section(MapSVG.Heading.pair, rules.filter { $0.placement == .pair }) { $0.sentences.joined(separator: "; ") }
        lines += section(MapSVG.Heading.side, rules.filter { $0.placement == .side }) {
            "\($0.message) (reads \($0.subjects.joined(separator: ", ")))"
        }
        lines += section(MapSVG.Heading.value, rules.filter { $0.placement == .value }) { $0.message }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The flag written after a cell's glyph or before a setting or rule: broken first, then
    /// how a diff changed it.
    static func flag(isBroken: Bool = false, tone: MapSheet.Tone) -> Character {
        if isBroken { return "!" }
        switch tone {
        case .plain: return " "
        case .added: return "+"
        case .removed: return "-"
        case .changed: return "~"
        }
    }

    private static func grid(_ sheet: MapSheet) -> [String] {
        let count = sheet.settings.count
        let nameWidth = sheet.settings.map(\.name.count).max() ?? 0
        let numberWidth = String(count).count
        let indent = String(repeating: " ", count: 3 + numberWidth + 1 + nameWidth + 1)
        var lines: [String] = []
        let marks = sheet.settings.map { setting -> Character in
            setting.isHighlighted ? "*" : flag(tone: setting.tone)
        }
        if marks.contains(where: { $0 != " " }) {
            lines.append(trimmed(indent + marks.map { "\($0) " }.joined()))
        }
        for place in (0..<numberWidth).reversed() {
            let digits = (1...count).map { number -> String in
                let power = (0..<place).reduce(1) { value, _ in value * 10 }
                return number >= power || place == 0 ? String((number / power) % 10) : " "
            }
            lines.append(trimmed(indent + digits.map { $0 + " " }.joined()))
        }
        for (row, setting) in sheet.settings.enumerated() {
            let mark = setting.isHighlighted ? "*" : flag(tone: setting.tone)
            let number = String(row + 1)
            var line = " \(mark) " + String(repeating: " ", count: numberWidth - number.count) + number + " "
            line += setting.name + String(repeating: " ", count: nameWidth - setting.name.count) + " "
            for cell in sheet.cells[row] {
                guard let cell else {
                    line += "╲ "
                    continue
                }
                line.append(cell.mark.glyph)
                line.append(flag(isBroken: cell.isBroken, tone: cell.tone))
            }
            lines.append(trimmed(line))
        }
        return lines
    }

    private static func trimmed(_ line: String) -> String {
        var line = line
        while line.hasSuffix(" ") { line.removeLast() }
        return line
    }

    private static func legend(_ sheet: MapSheet, width: Int) -> [String] {
        var lines: [String] = []
        var line = ""
        for entry in sheet.legend {
            let text = "\(entry.symbol) \(entry.text)"
            if !line.isEmpty && line.count + 3 + text.count > width {
                lines.append(line)
                line = ""
            }
            line += (line.isEmpty ? "" : "   ") + text
        }
        if !line.isEmpty { lines.append(line) }
        return lines
    }

    private static func section(_ heading: String, _ rules: [MapSheet.RuleEntry], text: (MapSheet.RuleEntry) -> String) -> [String] {
        guard !rules.isEmpty else { return [] }
        return [heading]
            + rules.map { " \(flag(isBroken: $0.isBroken, tone: $0.tone)) \($0.id): \(text($0))" } + [""]
    }
}
