/// Where everything goes on a screen of a given size. Both `update` (paging, scrolling) and
/// `render` use it, so they always agree on how many rows the list has.
///
/// From the top: the title row, the list and detail panes side by side, the error pane, the
/// `-global` line, the status row and the key legend. Extra rows go to the panes and (a few)
/// to the error pane; extra columns widen the list up to what its longest rows need and give
/// the rest to the detail pane.
struct Layout: Sendable {
    static let minimum = Size(columns: 80, rows: 24)

    let size: Size

    var isTooSmall: Bool { size.columns < Layout.minimum.columns || size.rows < Layout.minimum.rows }

    var legendRow: Int { size.rows - 1 }
    var statusRow: Int { size.rows - 2 }
    var exportRow: Int { size.rows - 3 }
    /// Lines of the error pane: 3 at 24 rows, one more per 5 extra rows, at most 10.
    var errorRows: Int { min(10, 3 + max(0, size.rows - Layout.minimum.rows) / 5) }
    var errorTop: Int { exportRow - errorRows }

    /// The panes' boxes span rows 1 ..< errorTop.
    var paneTop: Int { 1 }
    var paneHeight: Int { errorTop - paneTop }
    /// Rows inside the boxes.
    var listHeight: Int { max(0, paneHeight - 2) }

    var listWidth: Int { min(72, max(40, size.columns * 45 / 100)) }
    var detailLeft: Int { listWidth }
    var detailWidth: Int { size.columns - listWidth }
    /// Columns for text in the detail pane (inside the border, one column of padding each side).
    var detailTextWidth: Int { max(1, detailWidth - 4) }

    /// Rows available to the help and export screens below the title row and above the legend.
    var screenBodyHeight: Int { max(1, size.rows - 3) }
}
