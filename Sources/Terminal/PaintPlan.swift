import MigrationEditor

/// Which cells a paint must draw: everything after a resize or on the first frame, otherwise only
/// the runs of cells that differ from the frame already on the terminal. Small edits then cost a
/// few cells of output instead of a full-screen comparison inside ncurses.
struct PaintPlan: Equatable {
    /// Consecutive cells of one row to draw.
    struct Run: Equatable {
        var row: Int
        var columns: Range<Int>
    }

    /// Whether the window must be erased first: the previous frame no longer describes it.
    var erasesFirst: Bool
    var runs: [Run]

    /// Plans drawing `screen` over `previous` (nil when unknown) on a terminal of `visible` size.
    /// Cells outside `visible` are skipped, so a frame rendered for a stale size cannot draw
    /// past the edge.
    init(from previous: Screen?, to screen: Screen, visible: Size) {
        let rows = min(screen.size.rows, visible.rows)
        let columns = min(screen.size.columns, visible.columns)
        guard rows > 0, columns > 0 else {
            self.init(erasesFirst: previous == nil || previous?.size != screen.size, runs: [])
            return
        }
        guard let previous, previous.size == screen.size else {
            self.init(erasesFirst: true, runs: (0..<rows).map { Run(row: $0, columns: 0..<columns) })
            return
        }
        var runs: [Run] = []
        for row in 0..<rows {
            var start: Int?
            for column in 0..<columns {
                let changed = previous[row, column] != screen[row, column]
                if changed, start == nil {
                    start = column
                } else if !changed, let first = start {
                    runs.append(Run(row: row, columns: first..<column))
                    start = nil
                }
            }
            if let first = start { runs.append(Run(row: row, columns: first..<columns)) }
        }
        self.init(erasesFirst: false, runs: runs)
    }

    private init(erasesFirst: Bool, runs: [Run]) {
        self.erasesFirst = erasesFirst
        self.runs = runs
    }
}
