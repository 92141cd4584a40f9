import MigrationCore

/// Where the constraint map's parts go on a screen of a given size. `update` (scrolling) and
/// `render` both use it, so they agree on what is visible.
///
/// From the top: the title row, two rows of column numbers (tens, units) whose left corner holds
/// the glyphs' legend, the grid (a row label, then one glyph per column), the selection's
/// lines, the status row and the key legend. Wide screens list the rules beyond pairs in a
/// panel right of the grid; narrow ones list them below the grid, scrolled with it. Cells are
/// two columns wide (a glyph and a space) when the whole row fits, else one; a grid that still
/// does not fit scrolls sideways.
struct MapLayout: Sendable {
    /// The smallest screen the map draws on; it needs less than the main screen.
    static let minimum = Size(columns: 40, rows: 12)
    /// The narrowest the row labels' names get before the grid scrolls sideways instead.
    private static let shortestName = 10
    /// The narrowest side panel worth drawing beside the grid.
    private static let narrowestPanel = 30

    let size: Size
    /// Settings on each axis.
    let count: Int
    /// Rules listed beside or below the grid.
    let sideCount: Int

    /// Columns of a row label's name; longer names are cut with `…`.
    let nameWidth: Int
    /// Columns per cell: a glyph and a space, or the glyph alone.
    let cellWidth: Int
    /// Whether the side rules have a panel right of the grid.
    let hasPanel: Bool

    init(size: Size, map: ConstraintMap) {
        self.size = size
        count = map.axis.count
        sideCount = map.sideRules.count
        let longest = map.axis.map(\.item.name.count).max() ?? 0
        let wideGrid = 2 * count - 1
        if longest + MapLayout.labelExtra + wideGrid + 3 + MapLayout.narrowestPanel <= size.columns {
            hasPanel = true
            cellWidth = 2
            nameWidth = longest
        } else if MapLayout.shortestName + MapLayout.labelExtra + wideGrid <= size.columns {
            hasPanel = false
            cellWidth = 2
            nameWidth = min(longest, size.columns - MapLayout.labelExtra - wideGrid)
        } else {
            hasPanel = false
            cellWidth = 1
            nameWidth = max(MapLayout.shortestName, min(longest, size.columns - MapLayout.labelExtra - count))
        }
    }

    /// A label is the broken marker, a two-digit number, the changed marker (monochrome), the
    /// name and a space.
    private static let labelExtra = 5

    var legendRow: Int { size.rows - 1 }
    var statusRow: Int { size.rows - 2 }

    /// The tens and units rows of the column numbers.
    var headerTop: Int { 1 }
    /// The first row of the grid.
    var gridTop: Int { headerTop + 2 }
    var numberColumn: Int { 1 }
    var nameColumn: Int { 4 }
    /// The first cell's column.
    var gridLeft: Int { nameColumn + nameWidth + 1 }

    /// The grid's right edge (exclusive): the panel's gap, or the screen's edge.
    private var gridRight: Int { hasPanel ? gridLeft + 2 * count - 1 : size.columns }
    var panelLeft: Int { gridRight + 3 }
    var panelWidth: Int { max(0, size.columns - panelLeft - 1) }

    /// Columns of the grid shown at once.
    var visibleColumns: Int { max(1, min(count, (gridRight - gridLeft + cellWidth - 1) / cellWidth)) }

    /// Lines the scrolled region holds: the grid's rows, then (without a panel) a blank line, a
    /// heading and the side rules.
    var regionLines: Int { hasPanel ? count : count + 2 + sideCount }
    /// The line of the region the first side rule is on (without a panel).
    var firstSideLine: Int { count + 2 }

    /// Rows of the selection's lines below the grid: a dividing heading and what the rules say.
    var infoRows: Int { bodyRows >= 30 ? 7 : 4 }
    /// Rows below the title and above the status row.
    private var bodyRows: Int { max(0, statusRow - 1) }
    /// Rows of the scrolled region on screen.
    var regionHeight: Int { max(1, min(regionLines, bodyRows - 2 - infoRows)) }
    /// The dividing heading of the selection's lines, one blank row below the grid when there
    /// is room for it.
    var infoTop: Int {
        let below = gridTop + regionHeight
        return below + (statusRow - below > infoRows ? 1 : 0)
    }
    /// Width of the selection's lines: up to the panel, or the whole screen.
    var infoWidth: Int { (hasPanel ? panelLeft - 1 : size.columns) - 1 }

    /// The first region line to show so that `line` (and `context` lines above it) are visible,
    /// starting from `scroll`.
    func scroll(showing line: Int, context: Int = 0, from scroll: Int) -> Int {
        var scroll = scroll
        if line - context < scroll { scroll = max(0, line - context) }
        if line >= scroll + regionHeight { scroll = line - regionHeight + 1 }
        return clamped(scroll)
    }

    /// `scroll` kept within the region, as after a resize.
    func clamped(_ scroll: Int) -> Int {
        max(0, min(scroll, regionLines - regionHeight))
    }

    /// The first grid column to show so that `column` is visible, starting from `scroll`.
    func columnScroll(showing column: Int, from scroll: Int) -> Int {
        var scroll = scroll
        if column < scroll { scroll = column }
        if column >= scroll + visibleColumns { scroll = column - visibleColumns + 1 }
        return max(0, min(scroll, count - visibleColumns))
    }
}

extension Mode {
    /// Whether a screen of `size` is too small to draw this mode: the map needs less room than
    /// the main screen, so it still works on a small terminal.
    func isTooSmall(_ size: Size) -> Bool {
        if case .map = self { return size.columns < MapLayout.minimum.columns || size.rows < MapLayout.minimum.rows }
        return Layout(size: size).isTooSmall
    }
}
