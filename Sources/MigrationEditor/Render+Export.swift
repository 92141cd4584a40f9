import MigrationCore

/// The export screen's body: whether QEMU would reject the configuration, the export's lines
/// as they are in the file (cut at the edge and scrolled sideways, never wrapped), and the
/// export's notes.
enum ExportScreen {
    static func lines(for view: ExportView, width: Int) -> [StyledLine] {
        var lines = view.rehearsal?.lines(width: width) ?? []
        if let rejection = view.rejection {
            lines.append(wrapping: rejection.headline, role: .error, width: width)
            lines.append(wrapping: "w still writes it; the main screen lists every error", role: .muted, indent: 2, width: width)
            lines.append(StyledLine(text: "", role: .normal))
        }
        let text = view.export.text
        if text.isEmpty {
            lines.append(wrapping: "Nothing to export: every setting is at QEMU's default.", role: .muted, width: width)
        } else {
            for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
                lines.append(StyledLine(text: String(line), role: .normal, isWhole: true))
            }
        }
        if !view.export.notes.isEmpty {
            lines.append(StyledLine(text: "", role: .normal))
            lines.append(StyledLine(text: "Notes:", role: .heading))
            for note in view.export.notes {
                lines.append(wrapping: "\(Marker.warning) " + note, role: .warning, indent: 2, width: width)
            }
        }
        return lines
    }

    /// Columns for the body on a screen `columns` wide (one column of margin each side).
    static func width(columns: Int) -> Int { columns - 2 }

    /// The furthest the export's lines can be scrolled sideways: until the end of the longest
    /// one shows (after the left-hand marker).
    static func lastColumn(for view: ExportView, width: Int) -> Int {
        let longest = view.export.text.split(separator: "\n").map(\.count).max() ?? 0
        return longest > width ? longest - width + 1 : 0
    }

    /// The part of a whole line shown from `column` in `width` cells: `←` first when the line
    /// is scrolled, `→` last when more of it follows.
    static func visiblePart(of text: String, from column: Int, width: Int) -> (text: String, cutLeft: Bool, cutRight: Bool) {
        guard text.count > width || column > 0 else { return (text, false, false) }
        let characters = Array(text)
        let start = min(column, characters.count)
        let cutLeft = start > 0
        var room = width - (cutLeft ? 1 : 0)
        let cutRight = characters.count - start > room
        if cutRight { room -= 1 }
        let shown = String(characters[start..<min(characters.count, start + room)])
        return ((cutLeft ? "←" : "") + shown + (cutRight ? "→" : ""), cutLeft, cutRight)
    }

    static func title(of format: ExportFormat) -> String {
        switch format {
        case .global: return "-global"
        case .qmp: return "QMP"
        case .hmp: return "HMP"
        case .json: return "profile JSON"
        case .virsh: return "virsh"
        }
    }
}

extension Renderer {
    /// The export screen: a tab per format with the shown one selected (and bracketed, so it
    /// shows without colour), then the body.
    mutating func drawExport(_ view: ExportView) {
        var column = 1
        column = screen.put("Export as:", row: 1, column: column, role: .heading) + 1
        for format in ExportFormat.allCases {
            let selected = format == view.format
            let label = (selected ? "[" : " ") + ExportScreen.title(of: format) + (selected ? "]" : " ")
            column = screen.put(label, row: 1, column: column, role: selected ? .selected : .normal) + 1
        }
        screen.put(String(repeating: "─", count: columns), row: 2, column: 0, role: .border)
        let width = ExportScreen.width(columns: columns)
        let lines = ExportScreen.lines(for: view, width: width)
        let height = layout.screenBodyHeight - 2
        let scroll = min(view.scroll, max(0, lines.count - height))
        for offset in 0..<min(height, lines.count - scroll) {
            let line = lines[scroll + offset]
            let row = 3 + offset
            guard line.isWhole else {
                screen.put(line.text, row: row, column: 1 + line.indent, role: line.role, width: width - line.indent)
                continue
            }
            let part = ExportScreen.visiblePart(of: line.text, from: view.column, width: width)
            screen.put(part.text, row: row, column: 1, role: line.role, width: width)
            if part.cutLeft { screen.paint(role: .muted, row: row, from: 1, width: 1) }
            if part.cutRight { screen.paint(role: .muted, row: row, from: width, width: 1) }
        }
        if lines.count > height, state.status == nil, state.mode == .export(view) {
            let position = "lines \(scroll + 1)-\(min(lines.count, scroll + height)) of \(lines.count)"
            screen.put(position, row: layout.statusRow, column: columns - 1 - position.count, role: .muted)
        }
    }
}
