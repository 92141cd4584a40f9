import MigrationCore

/// Unlimited undo and redo over whole documents. Each entry holds the document on the other side
/// of one change, the item the change touched (so the focus returns there) and a label for the
/// status row. Opening a profile also switches files, so its entries carry the file too: undoing
/// an open must not leave the old document pointed at the opened file, where `s` would
/// overwrite it.
struct History: Hashable, Sendable {
    struct Entry: Hashable, Sendable {
        let document: Profile
        let focus: Subject
        let label: String
        /// The profile path and last-saved document on this side of an open; nil for edits.
        var file: File?
    }

    struct File: Hashable, Sendable {
        let path: String?
        let saved: Profile
    }

    private(set) var undoStack: [Entry] = []
    private(set) var redoStack: [Entry] = []

    /// Records the document as it was before a change; a new change forgets what could be redone.
    mutating func record(_ entry: Entry) {
        undoStack.append(entry)
        redoStack.removeAll()
    }

    /// The change to undo, with `current` (and, for an open, `file`) kept so that redo can bring
    /// it back.
    mutating func undo(current: Profile, file: File) -> Entry? {
        guard let entry = undoStack.popLast() else { return nil }
        redoStack.append(Entry(document: current, focus: entry.focus, label: entry.label, file: entry.file.map { _ in file }))
        return entry
    }

    /// The change to redo, with `current` (and, for an open, `file`) kept so that undo can go
    /// back again.
    mutating func redo(current: Profile, file: File) -> Entry? {
        guard let entry = redoStack.popLast() else { return nil }
        undoStack.append(Entry(document: current, focus: entry.focus, label: entry.label, file: entry.file.map { _ in file }))
        return entry
    }

    /// The settings the last `depth` changes touched, newest first, each once: what the user
    /// changed most recently, so a fix can leave it alone. Each entry holds the document before
    /// its change, so the one after is the next entry's (or `current`).
    func recentItems(current: Profile, depth: Int = 5) -> [ItemID] {
        var items: [ItemID] = []
        var after = current
        for entry in undoStack.suffix(depth).reversed() {
            for id in ItemID.allCases
            where entry.document.configuration[id] != after.configuration[id] && !items.contains(id) {
                items.append(id)
            }
            after = entry.document
        }
        return items
    }

    /// Marks the change just recorded as an open, which switched from `file`.
    mutating func markLastAsOpen(_ file: File) {
        undoStack[undoStack.count - 1].file = file
    }
}
