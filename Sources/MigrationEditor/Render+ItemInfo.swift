import MigrationCore

extension Renderer {
    /// The item view over the whole body, scrolled when it does not fit (the status row says
    /// where it is, as on the help screen).
    mutating func drawItemInfo(_ info: ItemInfo) {
        let lines = ItemInfoContent.lines(for: info.subject, in: state.document, width: Renderer.helpWidth(columns))
        let height = layout.screenBodyHeight
        let scroll = min(info.scroll, max(0, lines.count - height))
        for offset in 0..<min(height, lines.count - scroll) {
            let line = lines[scroll + offset]
            screen.put(line.text, row: 1 + offset, column: 2 + line.indent, role: line.role, width: columns - 3 - line.indent)
        }
        if lines.count > height {
            let position = "lines \(scroll + 1)-\(min(lines.count, scroll + height)) of \(lines.count)"
            screen.put(position, row: layout.statusRow, column: columns - 1 - position.count, role: .muted)
        }
    }
}
