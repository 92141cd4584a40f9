import MigrationCore

extension Renderer {
    /// The item view over the whole body, scrolled as the help screen is.
    mutating func drawItemInfo(_ info: ItemInfo) {
        let lines = ItemInfoContent.lines(
            for: info.subject, in: state.document, report: state.report, fixes: state.fixes, width: Renderer.helpWidth(columns))
        drawScrolledBody(lines, scroll: info.scroll)
    }
}
