import MigrationCore

extension EditorState {
    /// `m`: opens the constraint map of the profile's release.
    mutating func openMap() {
        pane = .list
        var view = MapView(map: .of(document.version), document: document, focus: focus)
        view.keepSelectionVisible(on: MapLayout(size: size, map: .of(document.version)))
        mode = .map(view)
    }

    /// Keys of the map: arrows (or h j k l) move over the cells and on into the side rules,
    /// PgUp/PgDn a page, Home/End to the row's ends, g/G to the first/last row, Tab between the
    /// grid and the side rules, `]`/`[` to the next/previous broken cell or rule, Enter opens the
    /// rule detail, Esc (or q, m) goes back to the list.
    mutating func handleMap(_ key: Key, _ view: MapView) -> [EditorEffect] {
        if view.detailScroll != nil { return handleMapDetail(key, view) }
        let map = ConstraintMap.of(document.version)
        let geometry = MapLayout(size: size, map: map)
        let count = map.axis.count
        var view = view
        switch key {
        case .escape, .character("q"), .character("m"):
            mode = .list
            return []
        case .up, .character("k"): view.move(rows: -1, columns: 0, in: map)
        case .down, .character("j"): view.move(rows: 1, columns: 0, in: map)
        case .left, .character("h"): view.move(rows: 0, columns: -1, in: map)
        case .right, .character("l"): view.move(rows: 0, columns: 1, in: map)
        case .pageUp: view.move(rows: -max(1, geometry.regionHeight - 1), columns: 0, in: map)
        case .pageDown: view.move(rows: max(1, geometry.regionHeight - 1), columns: 0, in: map)
        case .home: view.moveToEnd(first: true, in: map)
        case .end: view.moveToEnd(first: false, in: map)
        case .character("g"): view.move(rows: -count, columns: 0, in: map)
        case .character("G"): view.move(rows: count, columns: 0, in: map)
        case .tab, .backTab: view.switchList(in: map)
        case .character("]"): jumpToBroken(by: 1, &view)
        case .character("["): jumpToBroken(by: -1, &view)
        case .enter:
            if view.rules(in: map).isEmpty {
                status = .info(MapContent(document: document).title(of: view.selection) + ": no rule to show")
            } else {
                view.detailScroll = 0
            }
        case .character(let character):
            status = .info("\(character) does nothing in the map; Enter shows the rule, Esc goes back")
        default:
            break
        }
        view.keepSelectionVisible(on: geometry)
        mode = .map(view)
        return []
    }

    /// The rule detail scrolls; Esc, q, Enter or Backspace go back to the map, `m` to the list.
    private mutating func handleMapDetail(_ key: Key, _ view: MapView) -> [EditorEffect] {
        var view = view
        switch key {
        case .escape, .character("q"), .enter, .backspace:
            view.detailScroll = nil
        case .character("m"):
            mode = .list
            return []
        default:
            let layout = Layout(size: size)
            let content = MapContent(document: document)
            guard let offset = Scrolling.offset(
                after: key, from: view.detailScroll ?? 0, page: layout.screenBodyHeight,
                total: content.detailLines(view, report: report, fixes: fixes, width: Renderer.helpWidth(size.columns)).count)
            else { return [] }
            view.detailScroll = offset
        }
        mode = .map(view)
        return []
    }

    /// `]` and `[` in the map: the next (or previous) broken cell or side rule, wrapping around.
    private mutating func jumpToBroken(by direction: Int, _ view: inout MapView) {
        let content = MapContent(document: document)
        let targets = content.brokenSelections
        guard !targets.isEmpty else {
            status = .info("Nothing on the map is broken: QEMU \(document.version) accepts these settings")
            return
        }
        let here = content.order(view.selection)
        let next = direction > 0
            ? targets.first { content.order($0) > here } ?? targets[0]
            : targets.last { content.order($0) < here } ?? targets[targets.count - 1]
        switch next {
        case .cell(let row, let column): view.select(row: row, column: column)
        case .sideRule(let index): view.selectSideRule(index)
        }
    }
}

extension MapView {
    /// Home and End: the first or last column of the row, or the first or last side rule.
    mutating func moveToEnd(first: Bool, in map: ConstraintMap) {
        if sideRule != nil {
            sideRule = first ? 0 : map.sideRules.count - 1
        } else {
            column = first ? 0 : map.axis.count - 1
        }
    }

    /// Tab: from the grid to the side rules (the last one chosen) and back to the same cell.
    mutating func switchList(in map: ConstraintMap) {
        if let index = sideRule {
            lastSideRule = index
            sideRule = nil
        } else if !map.sideRules.isEmpty {
            sideRule = min(lastSideRule, map.sideRules.count - 1)
        }
    }

    /// Scrolls the grid (and the side rules below it) so the selection shows.
    mutating func keepSelectionVisible(on geometry: MapLayout) {
        if let index = sideRule {
            scroll = geometry.hasPanel
                ? geometry.clamped(scroll)
                : geometry.scroll(showing: geometry.firstSideLine + index, context: index == 0 ? 1 : 0, from: scroll)
        } else {
            scroll = geometry.scroll(showing: row, from: scroll)
            columnScroll = geometry.columnScroll(showing: column, from: columnScroll)
        }
    }
}
