/// A single-line text input with a cursor, shared by field editing, search and file prompts so
/// the same keys (Left/Right/Home/End/Backspace/Delete) behave the same everywhere.
public struct TextField: Hashable, Sendable {
    /// The text as characters, so the cursor indexes it directly.
    public private(set) var characters: [Character]
    /// The insertion point, 0...characters.count.
    public private(set) var cursor: Int
    /// The whole text is selected: the next printable key replaces it and Backspace or Delete
    /// erase it, while a movement key keeps it. A field opened on a value starts so, because
    /// the usual wish is a new value (typing 8 over 2 means 8, not 28).
    public private(set) var isSelected: Bool

    init(_ text: String = "", selected: Bool = false) {
        characters = Array(text)
        cursor = characters.count
        isSelected = selected && !characters.isEmpty
    }

    public var text: String { String(characters) }

    /// Applies an editing key; returns false for keys a text field does not handle, so the caller
    /// can give them their own meaning (Enter, Esc, arrows up and down).
    mutating func handle(_ key: Key) -> Bool {
        if isSelected {
            switch key {
            case .character(let character) where !character.isNewline:
                characters = []
                cursor = 0
            case .backspace, .delete:
                characters = []
                cursor = 0
                isSelected = false
                return true
            default: break
            }
            isSelected = false
        }
        switch key {
        case .character(let character) where !character.isNewline:
            characters.insert(character, at: cursor)
            cursor += 1
        case .left: cursor = max(0, cursor - 1)
        case .right: cursor = min(characters.count, cursor + 1)
        case .home, .control("a"): cursor = 0
        case .end, .control("e"): cursor = characters.count
        case .backspace:
            guard cursor > 0 else { return true }
            cursor -= 1
            characters.remove(at: cursor)
        case .delete:
            guard cursor < characters.count else { return true }
            characters.remove(at: cursor)
        case .control("u"):
            characters.removeSubrange(0..<cursor)
            cursor = 0
        default:
            return false
        }
        return true
    }

    /// The part of the text to show in `width` columns, scrolled so the cursor stays visible,
    /// and the cursor's column within it.
    func window(width: Int) -> (text: String, cursor: Int) {
        guard width > 0 else { return ("", 0) }
        let start = max(0, cursor - width + 1)
        let end = min(characters.count, start + width)
        return (String(characters[start..<end]), cursor - start)
    }
}
