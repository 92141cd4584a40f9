import MigrationCore

/// The export screen's body: the export text wrapped to the screen (the `-global` line between
/// whole `-global` words, so each argument stays on one line) and the notes on settings the
/// format cannot carry.
enum ExportScreen {
    static func lines(for view: ExportView, width: Int) -> [StyledLine] {
        var lines: [StyledLine] = []
        let text = view.export.text
        if text.isEmpty {
            lines.append(wrapping: "Nothing to export: every setting is at QEMU's default.", role: .muted, width: width)
        } else if view.format == .global {
            let words = text.split(separator: " -global ").enumerated().map { $0.offset == 0 ? String($0.element) : "-global " + $0.element }
            var line = ""
            for word in words {
                if !line.isEmpty, line.count + 1 + word.count > width {
                    lines.append(wrapping: line, width: width)
                    line = ""
                }
                line += line.isEmpty ? word : " " + word
            }
            lines.append(wrapping: line, width: width)
        } else {
            for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
                lines.append(wrapping: String(line), width: width)
            }
        }
        if !view.export.notes.isEmpty {
            lines.append(StyledLine(text: "", role: .normal))
            lines.append(StyledLine(text: "Not in this format:", role: .heading))
            for note in view.export.notes {
                lines.append(wrapping: "\(Marker.warning) " + note, role: .warning, indent: 2, width: width)
            }
        }
        return lines
    }

    static func title(of format: ExportFormat) -> String {
        switch format {
        case .global: return "-global"
        case .qmp: return "QMP"
        case .hmp: return "HMP"
        case .json: return "profile JSON"
        }
    }
}

extension Renderer {
    /// The export screen: a tab per format with the shown one selected (and bracketed, so it
    /// shows without colour), then the text.
    mutating func drawExport(_ view: ExportView) {
        var column = 1
        column = screen.put("Export as:", row: 1, column: column, role: .heading) + 1
        for format in ExportFormat.allCases {
            let selected = format == view.format
            let label = (selected ? "[" : " ") + ExportScreen.title(of: format) + (selected ? "]" : " ")
            column = screen.put(label, row: 1, column: column, role: selected ? .selected : .normal) + 1
        }
        screen.put(String(repeating: "─", count: columns), row: 2, column: 0, role: .border)
        let width = columns - 2
        let lines = ExportScreen.lines(for: view, width: width)
        let height = layout.screenBodyHeight - 2
        let scroll = min(view.scroll, max(0, lines.count - height))
        for offset in 0..<min(height, lines.count - scroll) {
            let line = lines[scroll + offset]
            screen.put(line.text, row: 3 + offset, column: 1 + line.indent, role: line.role, width: width - line.indent)
        }
        if lines.count > height, state.status == nil, state.mode == .export(view) {
            let position = "lines \(scroll + 1)-\(min(lines.count, scroll + height)) of \(lines.count)"
            screen.put(position, row: layout.statusRow, column: columns - 1 - position.count, role: .muted)
        }
    }
}
