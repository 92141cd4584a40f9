import CNcursesw
import Glibc
import MigrationEditor

/// The one place that talks to ncurses: paints `Screen`s and reads `Key`s on the user's terminal.
///
/// Everything here runs on the main actor because ncurses keeps global state and the blocking
/// `get_wch` must run on the thread that receives SIGWINCH and SIGINT (an async main blocks them
/// on its worker threads). Prefer `withTerminalSession`, which also restores the terminal on
/// every exit path and honours terminating signals.
@MainActor
public final class TerminalSession {
    /// Whether roles are drawn with video attributes only (`NO_COLOR`, a colourless terminal, or
    /// `TerminalOptions.monochrome`).
    public let isMonochrome: Bool

    private let device: TerminalDevice
    private let screen: OpaquePointer
    private let window: UnsafeMutablePointer<WINDOW>
    private let traps: SignalTraps
    private let palette: StylePalette
    private var painted: Screen?
    private var isCursorVisible = false
    private var lastSize: Size
    private var isClosed = false

    /// Takes over the terminal: checks it is one, selects a UTF-8 locale, installs signal handlers
    /// (before `newterm`, so ncurses leaves SIGINT/SIGTERM to us), starts ncurses in cbreak mode
    /// with keypad decoding and a 25 ms Escape delay, hides the cursor and picks the colour scheme.
    public init(options: TerminalOptions) throws(TerminalError) {
        let device = try TerminalDevice.open()
        UTF8Locale.select()
        let traps = SignalTraps.install(restoring: device.descriptor)
        let term = getenv("TERM").map { String(cString: $0) } ?? ""
        guard let screen = newterm(nil, device.output, device.input) else {
            traps.remove()
            device.close()
            throw .cannotInitialize(term)
        }
        guard let window = migedit_stdscr(), Self.canAddressCursor() else {
            endwin()
            delscreen(screen)
            traps.remove()
            device.close()
            throw .cannotInitialize(term)
        }
        cbreak()
        noecho()
        nonl()
        keypad(window, true)
        set_escdelay(25)
        curs_set(0)
        for extra in KeyTranslator.extraSequences {
            define_key(extra.sequence, extra.code)
        }
        let palette = Self.startColours(monochrome: options.monochrome)
        self.device = device
        self.screen = screen
        self.window = window
        self.traps = traps
        self.palette = palette ?? .monochrome
        isMonochrome = palette == nil
        lastSize = Size(columns: Int(getmaxx(window)), rows: Int(getmaxy(window)))
    }

    /// A session dropped without `close()` still gives the terminal back.
    isolated deinit {
        close()
    }

    /// The terminal's size in cells, current after a `.resize` key.
    public var size: Size {
        if !isClosed {
            lastSize = Size(columns: Int(getmaxx(window)), rows: Int(getmaxy(window)))
        }
        return lastSize
    }

    /// Which terminating signal (SIGTERM, SIGHUP, SIGQUIT, or a SIGINT `nextKey` did not get to
    /// turn into a key) ended the session, if any. The caller's loop ends when `nextKey` returns
    /// nil; this says whether to exit with 128+signal.
    public var terminatingSignal: Int32? {
        let signal = pendingTerminatingSignal.load(ordering: .relaxed)
        return signal == 0 ? nil : signal
    }

    /// A line `withTerminalSession` writes to stderr once the terminal is restored, on every way
    /// out: on the alternate screen it would vanish with the editor (e.g. where unsaved changes
    /// were rescued after SIGTERM).
    public var noteAfterClose: String?

    /// Draws `screen`, sending only the cells that changed since the last paint (everything after
    /// a resize), then places and shows the cursor if the screen has one, else hides it.
    public func paint(_ screen: Screen) {
        guard !isClosed else { return }
        let visible = size
        let plan = PaintPlan(from: painted, to: screen, visible: visible)
        if plan.erasesFirst { werase(window) }
        for run in plan.runs {
            for column in run.columns {
                draw(screen[run.row, column], row: run.row, column: column)
            }
        }
        if let cursor = screen.cursor, (0..<visible.rows).contains(cursor.row),
            (0..<visible.columns).contains(cursor.column)
        {
            leaveok(window, false)
            wmove(window, Int32(cursor.row), Int32(cursor.column))
            setCursorVisible(true)
        } else {
            leaveok(window, true)
            setCursorVisible(false)
        }
        wnoutrefresh(window)
        doupdate()
        painted = screen
    }

    /// Blocks until the user presses a key the editor understands, the terminal is resized
    /// (`.resize` with the new size; the next paint redraws everything), or the session must end.
    /// Ctrl-C arrives as SIGINT (the tty is in cbreak mode) and is returned as `.control("c")`,
    /// like a Ctrl-C byte from a raw terminal, so the program decides what it means (asking
    /// about unsaved changes first). Returns nil after any other terminating signal (see
    /// `terminatingSignal`) and when the terminal is gone, so a loop over `nextKey` can never spin.
    public func nextKey() -> Key? {
        while !isClosed {
            if takeInterrupt() { return .control("c") }
            guard terminatingSignal == nil else { return nil }
            var code: wint_t = 0
            errno = 0
            let status = wget_wch(window, &code)
            if takeInterrupt() { return .control("c") }
            if terminatingSignal != nil { return nil }
            switch status {
            case KEY_CODE_YES where Int32(code) == KEY_RESIZE:
                painted = nil
                return .resize(size)
            case KEY_CODE_YES:
                if let key = KeyTranslator.key(forKeyCode: Int32(code)) { return key }
            case OK:
                if let key = KeyTranslator.key(forCharacter: code) { return key }
            default:
                guard errno == EINTR else { return nil }
            }
        }
        return nil
    }

    /// Clears a pending SIGINT and says whether there was one. Only SIGINT: a later SIGTERM
    /// must still end the session, and one that came first is not replaced. The input queue is
    /// dropped too, as the tty driver does on Ctrl-C: ncurses queues the interrupted read as an
    /// ERR that the next `wget_wch` would return at once, as if the terminal were gone.
    private func takeInterrupt() -> Bool {
        guard pendingTerminatingSignal.compareExchange(expected: SIGINT, desired: 0, ordering: .relaxed).exchanged
        else { return false }
        flushinp()
        return true
    }

    /// Gives the terminal back: leaves the alternate screen, restores the tty settings and the
    /// signal handlers that were there before. Safe to call more than once.
    public func close() {
        guard !isClosed else { return }
        lastSize = size
        isClosed = true
        endwin()
        delscreen(screen)
        device.close()
        traps.remove()
    }

    private func draw(_ cell: Cell, row: Int, column: Int) {
        let style = palette.style(for: cell.role)
        var glyph = cchar_t()
        let text = Self.wideCharacters(cell.character)
        setcchar(&glyph, text, style.attributes, style.pair, nil)
        mvwadd_wch(window, Int32(row), Int32(column), &glyph)
    }

    private func setCursorVisible(_ visible: Bool) {
        guard visible != isCursorVisible else { return }
        curs_set(visible ? 1 : 0)
        isCursorVisible = visible
    }

    /// The NUL-terminated wide string for one cell: the base character and up to four combining
    /// marks. Anything that would not occupy exactly one column (controls, wide characters)
    /// becomes `?`, so one cell always stays one column and the rest of the row stays aligned.
    private static func wideCharacters(_ character: Character) -> [wchar_t] {
        let scalars = character.unicodeScalars.map { wchar_t(bitPattern: $0.value) }
        guard let base = scalars.first, wcwidth(base) == 1 else {
            return [wchar_t(UInt8(ascii: "?")), 0]
        }
        return Array(scalars.prefix(5)) + [0]
    }

    /// Rejects terminals such as `dumb` that ncurses accepts but cannot draw a full screen on.
    private static func canAddressCursor() -> Bool {
        guard let cup = tigetstr("cup") else { return false }
        return Int(bitPattern: cup) != -1
    }

    /// Starts colour when it is wanted and available and returns the colour palette, or nil for
    /// monochrome. `NO_COLOR` (https://no-color.org) counts when set to anything non-empty.
    private static func startColours(monochrome: Bool) -> StylePalette? {
        let noColor = getenv("NO_COLOR").map { $0.pointee != 0 } ?? false
        guard !monochrome, !noColor, has_colors(), start_color() == OK,
            migedit_colors() >= 8, migedit_color_pairs() > 6
        else { return nil }
        let background: Int16 = use_default_colors() == OK ? -1 : Int16(COLOR_BLACK)
        let palette = StylePalette.colour(defaultBackground: background)
        for pair in palette.pairs {
            init_pair(pair.number, pair.foreground, pair.background)
        }
        return palette
    }
}
