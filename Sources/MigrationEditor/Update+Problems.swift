import MigrationCore

extension EditorState {
    /// `p`: opens the problems list on QEMU's first error.
    mutating func openProblemsList() {
        pane = .list
        mode = .problems(ProblemsList())
    }

    /// Keys of the problems list: arrows or j/k choose, Enter goes to the problem's first
    /// item, `f` applies the problem's first fix (shown under it) and goes back to the list
    /// so the status row can say what changed, Esc (or q, p) goes back.
    mutating func handleProblemsList(_ key: Key, _ list: ProblemsList) -> [EditorEffect] {
        var list = list
        let problems = analysis.problems
        switch key {
        case .enter:
            mode = .list
            guard list.selection < problems.count, let subject = problems[list.selection].subjects.first else { return [] }
            reveal(subject)
            return []
        case .character("f"):
            mode = .list
            guard list.selection < problems.count else { return [] }
            applyFirstFix(of: problems[list.selection].diagnostics[0])
            return []
        case .escape, .character("q"), .character("p"):
            mode = .list
            return []
        default:
            if let step = key.listStep(count: problems.count, page: problems.count) { list.move(by: step, count: problems.count) }
        }
        mode = .problems(list)
        return []
    }

    /// `]` and `[`: the focus moves to the next (or previous) entry marked ✗ or △ in list
    /// order, wrapping around, so the entries in trouble can be visited one after another.
    mutating func jumpToMarkedEntry(by direction: Int) {
        let subjects = document.release.subjects
        let marked = subjects.filter { analysis.mark(of: $0) >= .warning }
        guard !marked.isEmpty else {
            status = .info("No entry is in an error or warning")
            return
        }
        let start = subjects.firstIndex(of: focus) ?? 0
        for step in 1...subjects.count {
            let candidate = subjects[((start + direction * step) % subjects.count + subjects.count) % subjects.count]
            if marked.contains(candidate) {
                reveal(candidate)
                return
            }
        }
    }

    /// Focuses an entry, showing every setting again when the changed-only view hides it
    /// (a culprit may be at its default: multifd off for zero-copy-send).
    mutating func reveal(_ subject: Subject) {
        pane = .list
        if filter == .changed, !document.isChanged(subject) {
            filter = .all
            status = .info("Showing all settings: \(subject.name) is at its default")
        }
        focusOn(subject)
    }
}
