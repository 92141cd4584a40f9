/// A key press as the editor understands it, independent of ncurses key codes. The terminal
/// layer translates what `get_wch` returns into these; tests feed them directly.
public enum Key: Hashable, Sendable {
    case character(Character)
    case control(Character)
    case up, down, left, right
    case pageUp, pageDown, home, end
    case enter, escape, tab, backTab, backspace, delete
    case function(Int)
    case resize(Size)
}
