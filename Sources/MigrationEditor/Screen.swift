/// What a cell means, not how it looks: the terminal maps each role to a colour pair, or to
/// bold/underline/reverse when colour is unavailable or NO_COLOR is set. Keeping roles in the
/// model lets golden screens assert "this line is an error" without depending on a palette.
public enum StyleRole: UInt8, Sendable, CaseIterable, Hashable {
    case normal
    case title
    case heading
    case selected
    case changed
    case error
    case warning
    case whatIf
    case qmpOnly
    case muted
    case border
    case input
    case legend
    case status

    /// One character per role, used by golden captures so a role grid can sit beside the text.
    public var code: Character {
        switch self {
        case .normal: return "."
        case .title: return "T"
        case .heading: return "H"
        case .selected: return "S"
        case .changed: return "C"
        case .error: return "E"
        case .warning: return "W"
        case .whatIf: return "?"
        case .qmpOnly: return "Q"
        case .muted: return "m"
        case .border: return "b"
        case .input: return "I"
        case .legend: return "L"
        case .status: return "s"
        }
    }
}

/// One terminal cell. `character` is a single grapheme that occupies one column; the renderer
/// never places wide characters, so columns and cells stay in one-to-one correspondence.
public struct Cell: Hashable, Sendable {
    public var character: Character
    public var role: StyleRole

    public init(_ character: Character = " ", role: StyleRole = .normal) {
        self.character = character
        self.role = role
    }
}

/// Terminal dimensions in cells.
public struct Size: Hashable, Sendable {
    public var columns: Int
    public var rows: Int

    public init(columns: Int, rows: Int) {
        self.columns = columns
        self.rows = rows
    }
}

/// A rendered frame: a grid of cells plus where the hardware cursor should sit (nil hides it).
/// The terminal layer paints it; tests compare it with the golden captures in Screens/.
public struct Screen: Hashable, Sendable {
    public let size: Size
    public private(set) var cells: [Cell]
    /// Where the hardware cursor should sit (an edited field); nil hides it.
    public var cursor: Position?

    /// A cell coordinate.
    public struct Position: Hashable, Sendable {
        public var row: Int
        public var column: Int
        public init(row: Int, column: Int) {
            self.row = row
            self.column = column
        }
    }

    public init(size: Size) {
        self.size = size
        cells = Array(repeating: Cell(), count: max(0, size.columns * size.rows))
    }

    public subscript(row: Int, column: Int) -> Cell {
        get { cells[row * size.columns + column] }
        set {
            guard row >= 0, row < size.rows, column >= 0, column < size.columns else { return }
            cells[row * size.columns + column] = newValue
        }
    }

    /// Writes `text` from (row, column), clipped to the screen and to `width` columns when given.
    /// Returns the column after the last character written.
    @discardableResult
    public mutating func put(_ text: String, row: Int, column: Int, role: StyleRole = .normal, width: Int? = nil) -> Int {
        guard row >= 0, row < size.rows else { return column }
        let limit = min(size.columns, width.map { column + $0 } ?? size.columns)
        var col = column
        for character in text {
            if col >= limit { break }
            if col >= 0 { cells[row * size.columns + col] = Cell(character, role: role) }
            col += 1
        }
        return col
    }

    /// Sets the role of a run of cells without touching their characters.
    public mutating func paint(role: StyleRole, row: Int, from column: Int, width: Int) {
        guard row >= 0, row < size.rows else { return }
        for col in max(0, column)..<min(size.columns, column + width) {
            cells[row * size.columns + col].role = role
        }
    }

    /// The text of one row, trailing spaces kept so captures show the full width.
    public func text(ofRow row: Int) -> String {
        String(cells[(row * size.columns)..<((row + 1) * size.columns)].map(\.character))
    }

    /// The role codes of one row (see `StyleRole.code`).
    public func roles(ofRow row: Int) -> String {
        String(cells[(row * size.columns)..<((row + 1) * size.columns)].map(\.role.code))
    }
}
