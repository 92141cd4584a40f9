import MigrationCore

extension Renderer {
    /// The item view over the whole body, scrolled as the help screen is.
    mutating func drawItemInfo(_ info: ItemInfo) {
        drawScrolledBody(ItemInfoContent.lines(for: info.subject, in: state.document, width: Renderer.helpWidth(columns)), scroll: info.scroll)
    }
}
