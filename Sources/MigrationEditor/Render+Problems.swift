import MigrationCore

extension Renderer {
    /// The problems list over the whole body: the highlighted problem's heading selected and
    /// kept in view; the status row says where Enter goes.
    mutating func drawProblemsList(_ list: ProblemsList) {
        let content = ProblemsScreen.content(for: state, width: Renderer.helpWidth(columns))
        let height = layout.screenBodyHeight
        var scroll = 0
        if list.selection < content.blocks.count {
            let block = content.blocks[list.selection]
            // The whole block (heading, items, rule line) in view, its blank line above when possible.
            let end = list.selection + 1 < content.blocks.count ? content.blocks[list.selection + 1].start - 1 : content.lines.count
            scroll = max(0, min(block.start - 1, end - height))
        }
        for offset in 0..<max(0, min(height, content.lines.count - scroll)) {
            let line = content.lines[scroll + offset]
            screen.put(line.text, row: 1 + offset, column: 2 + line.indent, role: line.role, width: columns - 3 - line.indent)
        }
        guard list.selection < content.blocks.count else { return }
        let block = content.blocks[list.selection]
        for line in block.start..<(block.start + block.headingLines) where line >= scroll && line < scroll + height {
            screen.put(Marker.focus, row: 1 + line - scroll, column: 1)
            screen.paint(role: .selected, row: 1 + line - scroll, from: 1, width: columns - 2)
        }
    }

    /// The status row under the problems list: where Enter goes, and that `f` fixes it.
    func problemsListStatus(_ list: ProblemsList) -> String {
        let problems = state.analysis.problems
        guard list.selection < problems.count, let subject = problems[list.selection].subjects.first else {
            return "Nothing to fix · Esc goes back"
        }
        let fix = state.fixes.first(for: problems[list.selection].diagnostics[0]) == nil ? "" : " · f applies its fix"
        return "Problem \(list.selection + 1) of \(problems.count) · Enter goes to \(subject.name)" + fix
    }
}
