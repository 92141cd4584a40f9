import MigrationCore

extension Renderer {
    /// The constraint map (see `MapLayout` for where each part goes), or the rule detail over
    /// the whole body when Enter opened it.
    mutating func drawMap(_ view: MapView) {
        let content = MapContent(document: state.document)
        if let scroll = view.detailScroll {
            let width = Renderer.helpWidth(columns)
            drawScrolledBody(content.detailLines(view, report: state.report, fixes: state.fixes, width: width), scroll: scroll)
            return
        }
        let geometry = MapLayout(size: layout.size, map: content.map)
        var view = view
        view.keepSelectionVisible(on: geometry)
        drawMapHeader(view, content, geometry)
        drawMapRegion(view, content, geometry)
        if geometry.hasPanel { drawMapPanel(view, content, geometry) }
        drawMapSelection(view, content, geometry)
        if state.status == nil {
            let position: String
            switch view.selection {
            case .cell(let row, let column): position = "row \(row + 1) · column \(column + 1) of \(content.map.axis.count)"
            case .sideRule(let index): position = "side rule \(index + 1) of \(content.map.sideRules.count)"
            }
            screen.put(position, row: layout.statusRow, column: columns - 1 - position.count, role: .muted)
        }
    }

    /// The column numbers (tens over units), the selected column's reversed and changed
    /// settings' highlighted, and the glyphs' legend in the corner above the row labels.
    private mutating func drawMapHeader(_ view: MapView, _ content: MapContent, _ geometry: MapLayout) {
        let corner: [[(MapMark, String)]] = [[(.conflicts, "conflict"), (.bounds, "bounds")], [(.needs, "needs"), (.neededBy, "needed by")]]
        for (offset, entries) in corner.enumerated() {
            var column = geometry.numberColumn
            for (mark, word) in entries {
                column = screen.put("\(mark.glyph) \(word)", row: geometry.headerTop + offset, column: column, role: .muted,
                    width: max(0, geometry.gridLeft - 1 - column)) + 2
            }
        }
        for index in visibleColumns(view, geometry) {
            let column = geometry.gridLeft + (index - view.columnScroll) * geometry.cellWidth
            let number = index + 1
            let role: StyleRole = view.sideRule == nil && index == view.column
                ? .selected : state.document.isChanged(.item(content.map.axis[index])) ? .changed : .muted
            screen.put(number >= 10 ? String(number / 10) : " ", row: geometry.headerTop, column: column, role: role)
            screen.put(String(number % 10), row: geometry.headerTop + 1, column: column, role: role)
        }
    }

    private func visibleColumns(_ view: MapView, _ geometry: MapLayout) -> Range<Int> {
        view.columnScroll..<min(geometry.count, view.columnScroll + geometry.visibleColumns)
    }

    /// The scrolled region: a row per setting, and (without a panel) the side rules below.
    private mutating func drawMapRegion(_ view: MapView, _ content: MapContent, _ geometry: MapLayout) {
        for offset in 0..<geometry.regionHeight {
            let line = view.scroll + offset, row = geometry.gridTop + offset
            if line < geometry.count {
                drawMapRow(line, view, content, geometry, row: row)
            } else if line == geometry.firstSideLine - 1 {
                screen.put(Renderer.sideRulesHeading, row: row, column: 1, role: .heading, width: columns - 2)
            } else if line >= geometry.firstSideLine, line - geometry.firstSideLine < geometry.sideCount {
                let index = line - geometry.firstSideLine
                drawSideRule(index, line: Renderer.sideRuleText(index, content, naming: true), view, content,
                    row: row, column: 1, width: columns - 2)
            }
        }
    }

    static let sideRulesHeading = "Rules of 3+ settings or the host"

    /// One row of the grid: the broken marker, the number (reversed on the selected row), the
    /// changed marker and the name (highlighted when changed), then a glyph per column.
    private mutating func drawMapRow(_ index: Int, _ view: MapView, _ content: MapContent, _ geometry: MapLayout, row: Int) {
        let axis = content.map.axis, id = axis[index]
        let mark = state.analysis.mark(of: .item(id))
        if mark >= .warning { screen.put(Marker.character(for: mark), row: row, column: 0, role: Marker.role(for: mark)) }
        let changed = state.document.isChanged(.item(id))
        let isSelectedRow = view.sideRule == nil && index == view.row
        let number = String(index + 1)
        screen.put(String(repeating: " ", count: max(0, 2 - number.count)) + number, row: row, column: geometry.numberColumn,
            role: isSelectedRow ? .selected : changed ? .changed : .muted)
        if monochrome && changed { screen.put(Marker.changed, row: row, column: geometry.nameColumn - 1, role: .changed) }
        screen.put(Wrap.truncated(id.item.name, width: geometry.nameWidth), row: row, column: geometry.nameColumn,
            role: changed ? .changed : .normal)
        for column in visibleColumns(view, geometry) {
            let other = axis[column]
            let glyph: Character, role: StyleRole
            if column == index {
                (glyph, role) = ("╲", .muted)
            } else {
                let cell = content.map.mark(row: id, column: other)
                glyph = cell.glyph
                role = content.isBroken(id, other) ? .error : Renderer.role(of: cell)
            }
            let isSelected = isSelectedRow && column == view.column
            screen.put(String(glyph), row: row, column: geometry.gridLeft + (column - view.columnScroll) * geometry.cellWidth,
                role: isSelected ? .selected : role)
        }
    }

    /// How a cell not broken now looks: a conflict as what setting both would do (add an
    /// error), a need in bold, an empty cell faint, so the rules stand out from the dots.
    private static func role(of mark: MapMark) -> StyleRole {
        switch mark {
        case .none: return .muted
        case .conflicts: return .whatIf
        case .needs, .neededBy: return .heading
        case .bounds: return .normal
        }
    }

    /// One line of a side rule, `✗` in front when it is broken now, selected or in the error
    /// role as the rule is.
    private mutating func drawSideRule(
        _ index: Int, line text: String, _ view: MapView, _ content: MapContent, row: Int, column: Int, width: Int
    ) {
        let broken = content.isBroken(sideRule: index)
        let selected = view.sideRule == index
        let role: StyleRole = selected ? .selected : broken ? .error : .normal
        screen.put(Wrap.truncated(text, width: width), row: row, column: column, role: role)
        if selected { screen.paint(role: .selected, row: row, from: column, width: width) }
    }

    /// The side rule's marker and id in one line, and, when `naming`, what it reads.
    private static func sideRuleText(_ index: Int, _ content: MapContent, naming: Bool = false) -> String {
        let rule = content.map.sideRules[index]
        return (content.isBroken(sideRule: index) ? Marker.error : " ") + " " + rule.id
            + (naming ? " · " + rule.subjects.map(\.name).joined(separator: ", ") : "")
    }

    /// The side rule's marker and id broken after hyphens into lines of `width`, later lines
    /// under the id.
    private static func sideRuleLines(_ index: Int, _ content: MapContent, width: Int) -> [String] {
        let text = sideRuleText(index, content)
        var lines: [String] = [], line = ""
        for part in text.split(separator: "-", omittingEmptySubsequences: false) {
            let longer = line.isEmpty ? String(part) : line + "-" + part
            if longer.count + 1 > width, !line.isEmpty {
                lines.append(line + "-")
                line = "  " + part
            } else {
                line = longer
            }
        }
        return lines + [line]
    }

    /// The panel right of the grid: the side rules (whole ids when they all fit that way, else
    /// one line each, scrolled to the selected one when even those do not fit), then the glyphs'
    /// full legend when there is room.
    private mutating func drawMapPanel(_ view: MapView, _ content: MapContent, _ geometry: MapLayout) {
        let left = geometry.panelLeft, width = geometry.panelWidth
        let top = geometry.headerTop, bottom = layout.statusRow
        screen.put(Renderer.sideRulesHeading, row: top, column: left, role: .heading, width: width)
        let height = bottom - top - 1
        let count = geometry.sideCount
        let wrapped = (0..<count).map { Renderer.sideRuleLines($0, content, width: width) }
        var row = top + 1
        if wrapped.joined().count <= height {
            for (index, lines) in wrapped.enumerated() {
                for line in lines {
                    drawSideRule(index, line: line, view, content, row: row, column: left, width: width)
                    row += 1
                }
            }
        } else {
            let first = max(0, min(count - height, (view.sideRule ?? 0) - height + 1))
            for index in first..<min(count, first + height) {
                drawSideRule(index, line: Renderer.sideRuleText(index, content), view, content, row: row, column: left, width: width)
                row += 1
            }
        }
        row += 1
        let legend = MapMark.allCases.map { "\($0.glyph) \($0.legend)" } + ["╲ a setting and itself"]
        guard row + legend.count < bottom else { return }
        for line in legend {
            screen.put(line, row: row, column: left, role: .muted, width: width)
            row += 1
        }
    }

    /// The selection's dividing title (with `✗ broken now` at its right when it is), and what
    /// its rules say under it, as many lines as fit (Enter shows everything).
    private mutating func drawMapSelection(_ view: MapView, _ content: MapContent, _ geometry: MapLayout) {
        let top = geometry.infoTop, width = geometry.infoWidth
        screen.put(String(repeating: "─", count: width), row: top, column: 0, role: .border)
        let broken = content.isBroken(view.selection) ? " \(Marker.error) broken now " : ""
        screen.put(" " + Wrap.truncated(content.title(of: view.selection), width: width - 4 - broken.count) + " ",
            row: top, column: 1, role: .heading)
        if !broken.isEmpty { screen.put(broken, row: top, column: width - 1 - broken.count, role: .error) }
        let lines = content.selectionLines(view.selection, width: width - 2)
        for (offset, line) in lines.prefix(max(0, layout.statusRow - top - 1)).enumerated() {
            screen.put(line.text, row: top + 1 + offset, column: 1 + line.indent, role: line.role, width: width - 1 - line.indent)
        }
    }
}
