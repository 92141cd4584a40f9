import MigrationCore

extension EditorState {
    /// `i`: opens the item view on the focused entry.
    mutating func openItemInfo() {
        pane = .list
        mode = .itemInfo(ItemInfo(subject: focus))
    }

    /// Keys of the item view: movement keys scroll, Esc (or q, i) goes back.
    mutating func handleItemInfo(_ key: Key, _ info: ItemInfo) -> [EditorEffect] {
        switch key {
        case .escape, .character("q"), .character("i"):
            mode = .list
        default:
            let layout = Layout(size: size)
            var info = info
            if let offset = Scrolling.offset(
                after: key, from: info.scroll, page: layout.screenBodyHeight,
                total: ItemInfoContent.lines(
                    for: info.subject, in: document, report: report, fixes: fixes, width: Renderer.helpWidth(layout.size.columns)).count) {
                info.scroll = offset
                mode = .itemInfo(info)
            }
        }
        return []
    }
}
