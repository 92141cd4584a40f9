import MigrationCore

extension EditorState {
    /// Moves the focus `delta` entries up or down the visible list (headings are skipped),
    /// stopping at either end.
    mutating func moveFocus(by delta: Int) {
        let entries = rows.compactMap(\.subject)
        guard !entries.isEmpty else { return }
        let current = entries.firstIndex(of: focus) ?? 0
        focusOn(entries[max(0, min(entries.count - 1, current + delta))])
    }

    /// Puts the focus on an entry; the detail pane starts again from its top.
    mutating func focusOn(_ subject: Subject) {
        if subject != focus { detailScroll = 0 }
        focus = subject
    }

    /// Scrolls the detail pane (or the lesson pane in its place) when it has the focus; false
    /// for keys that are not movement.
    mutating func scrollDetail(_ key: Key) -> Bool {
        let layout = Layout(size: size)
        guard let scroll = Scrolling.offset(
            after: key, from: rightPaneScroll, page: layout.listHeight,
            total: DetailContent.lines(for: self, width: layout.detailTextWidth).count)
        else { return false }
        if showsLessonPane {
            lesson?.scroll = scroll
        } else {
            detailScroll = scroll
        }
        return true
    }

    /// The first line shown in the right pane: the lesson's own scroll while it shows the lesson.
    var rightPaneScroll: Int {
        showsLessonPane ? lesson?.scroll ?? 0 : detailScroll
    }
}

/// Scrolling of read-only text (the detail pane, the help and export screens) with the usual
/// keys, clamped so the last line never scrolls above the bottom of the view.
extension Key {
    /// How far a movement key moves the highlight of a list of `count` entries: one for the
    /// arrows, j/k and Tab, `page` for PgUp/PgDn, the whole list for Home/End and g/G; nil for
    /// any other key. The pickers and the problems list share it, so they move alike.
    func listStep(count: Int, page: Int) -> Int? {
        switch self {
        case .up, .character("k"), .backTab: return -1
        case .down, .character("j"), .tab: return 1
        case .pageUp: return -page
        case .pageDown: return page
        case .home, .character("g"): return -count
        case .end, .character("G"): return count
        default: return nil
        }
    }
}

enum Scrolling {
    /// The new offset for a movement key, or nil when the key is not a movement key. `total`
    /// (the number of lines) is only worked out for movement keys.
    static func offset(after key: Key, from offset: Int, page: Int, total: @autoclosure () -> Int) -> Int? {
        let target: Int
        switch key {
        case .up, .character("k"): target = offset - 1
        case .down, .character("j"): target = offset + 1
        case .pageUp: target = offset - max(1, page - 1)
        case .pageDown: target = offset + max(1, page - 1)
        case .home, .character("g"): target = 0
        case .end, .character("G"): target = Int.max
        default: return nil
        }
        return max(0, min(max(0, total() - page), target))
    }
}
