import MigrationCore

/// Unlimited undo and redo over whole documents. Each entry holds the document on the other side
/// of one change, the item the change touched (so the focus returns there) and a label for the
/// status row.
struct History: Hashable, Sendable {
    struct Entry: Hashable, Sendable {
        let document: Document
        let focus: Subject
        let label: String
    }

    private(set) var undoStack: [Entry] = []
    private(set) var redoStack: [Entry] = []

    /// Records the document as it was before a change; a new change forgets what could be redone.
    mutating func record(_ entry: Entry) {
        undoStack.append(entry)
        redoStack.removeAll()
    }

    /// The change to undo, with `current` kept so that redo can bring it back.
    mutating func undo(current: Document) -> Entry? {
        guard let entry = undoStack.popLast() else { return nil }
        redoStack.append(Entry(document: current, focus: entry.focus, label: entry.label))
        return entry
    }

    /// The change to redo, with `current` kept so that undo can go back again.
    mutating func redo(current: Document) -> Entry? {
        guard let entry = redoStack.popLast() else { return nil }
        undoStack.append(Entry(document: current, focus: entry.focus, label: entry.label))
        return entry
    }
}
