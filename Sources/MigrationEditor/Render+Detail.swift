import MigrationCore

extension Renderer {
    /// The detail pane: `DetailContent` in a box titled with the focused entry (or the search),
    /// scrolled by Tab + movement keys, with its position in the bottom border when it overflows.
    mutating func drawDetail() {
        let height = layout.listHeight
        let lines = DetailContent.lines(for: state, width: layout.detailTextWidth)
        var scroll = min(state.rightPaneScroll, max(0, lines.count - height))
        let title: String
        if case .searching = state.mode {
            title = "Search"
            let selected = lines.firstIndex { $0.role == .selected } ?? 0
            scroll = max(0, selected - height + 1)
        } else if state.showsLessonPane, let session = state.lesson {
            title = LessonPane.title(for: session)
        } else {
            title = state.focus.name
        }
        let footer = lines.count > height ? "\(scroll + 1)-\(min(lines.count, scroll + height))/\(lines.count)" : ""
        screen.box(
            top: layout.paneTop, left: layout.detailLeft, width: layout.detailWidth, height: layout.paneHeight,
            title: title, footer: footer, role: state.pane == .detail ? .heading : .border, titleRole: .heading)
        for offset in 0..<min(height, lines.count - scroll) {
            let line = lines[scroll + offset]
            screen.put(
                line.text, row: layout.paneTop + 1 + offset, column: layout.detailLeft + 2 + line.indent,
                role: line.role, width: layout.detailTextWidth - line.indent)
        }
    }
}
