import CNcursesw
import MigrationEditor

/// Turns what `wget_wch` returns into editor keys, so the editor never sees ncurses codes.
enum KeyTranslator {
    /// Translates a `KEY_CODE_YES` result. Returns nil for keys the editor has no use for, and for
    /// `KEY_RESIZE`, which the session answers itself because it carries the new size.
    static func key(forKeyCode code: Int32) -> Key? {
        switch code {
        case KEY_UP: return .up
        case KEY_DOWN: return .down
        case KEY_LEFT: return .left
        case KEY_RIGHT: return .right
        case KEY_PPAGE, KEY_A3: return .pageUp
        case KEY_NPAGE, KEY_C3: return .pageDown
        case KEY_HOME, KEY_FIND, KEY_A1: return .home
        case KEY_END, KEY_SELECT, KEY_C1: return .end
        case KEY_ENTER: return .enter
        case KEY_BTAB: return .backTab
        case KEY_BACKSPACE: return .backspace
        case KEY_DC: return .delete
        case (KEY_F0 + 1)...(KEY_F0 + 12): return .function(Int(code - KEY_F0))
        default: return nil
        }
    }

    /// Translates an `OK` result, a Unicode code point. Enter is 10 or 13 (depending on `nl`),
    /// Backspace is 127 or 8 (Ctrl-H) depending on the terminal's `erase` setting.
    static func key(forCharacter code: UInt32) -> Key? {
        switch code {
        case 10, 13: return .enter
        case 9: return .tab
        case 27: return .escape
        case 8, 127: return .backspace
        case 1...26: return .control(Character(Unicode.Scalar(UInt8(code) + 0x60)))
        case 0, 28...31: return .control(Character(Unicode.Scalar(UInt8(code) + 0x40)))
        case 0x80...0x9F: return nil
        default: return Unicode.Scalar(code).map { .character(Character($0)) }
        }
    }

    /// Escape sequences that terminals and tmux send for these keys whatever the terminfo entry
    /// says (for example `ESC [ H` for Home, or `ESC O M` for keypad Enter under tmux-256color,
    /// which has no `kent`). Registered with `define_key` so they arrive as key codes rather than
    /// as an Escape followed by letters.
    static let extraSequences: [(sequence: String, code: Int32)] = [
        ("\u{1B}[A", KEY_UP), ("\u{1B}[B", KEY_DOWN), ("\u{1B}[C", KEY_RIGHT), ("\u{1B}[D", KEY_LEFT),
        ("\u{1B}OA", KEY_UP), ("\u{1B}OB", KEY_DOWN), ("\u{1B}OC", KEY_RIGHT), ("\u{1B}OD", KEY_LEFT),
        ("\u{1B}[H", KEY_HOME), ("\u{1B}OH", KEY_HOME), ("\u{1B}[1~", KEY_HOME), ("\u{1B}[7~", KEY_HOME),
        ("\u{1B}[F", KEY_END), ("\u{1B}OF", KEY_END), ("\u{1B}[4~", KEY_END), ("\u{1B}[8~", KEY_END),
        ("\u{1B}[5~", KEY_PPAGE), ("\u{1B}[6~", KEY_NPAGE), ("\u{1B}[3~", KEY_DC),
        ("\u{1B}[Z", KEY_BTAB), ("\u{1B}OM", KEY_ENTER),
        ("\u{1B}OP", KEY_F0 + 1), ("\u{1B}OQ", KEY_F0 + 2), ("\u{1B}OR", KEY_F0 + 3), ("\u{1B}OS", KEY_F0 + 4),
        ("\u{1B}[11~", KEY_F0 + 1), ("\u{1B}[12~", KEY_F0 + 2), ("\u{1B}[13~", KEY_F0 + 3),
        ("\u{1B}[14~", KEY_F0 + 4), ("\u{1B}[15~", KEY_F0 + 5), ("\u{1B}[17~", KEY_F0 + 6),
        ("\u{1B}[18~", KEY_F0 + 7), ("\u{1B}[19~", KEY_F0 + 8), ("\u{1B}[20~", KEY_F0 + 9),
        ("\u{1B}[21~", KEY_F0 + 10), ("\u{1B}[23~", KEY_F0 + 11), ("\u{1B}[24~", KEY_F0 + 12),
    ]
}
