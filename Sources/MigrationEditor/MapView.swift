import MigrationCore

/// The constraint map screen (`m`): the release's settings on both axes, one cell per pair, the
/// rules beyond pairs beside (or below) the grid, and the rule detail Enter opens. Only where
/// the user is lives here; what the cells say comes from `ConstraintMap` on every frame, so the
/// map always shows the current document.
public struct MapView: Hashable, Sendable {
    /// What is selected: a cell of the grid (indices into the map's axis), or one of the rules
    /// listed beside it (an index into the map's side rules).
    public enum Selection: Hashable, Sendable {
        case cell(row: Int, column: Int)
        case sideRule(Int)
    }

    /// The selected cell's row and column (indices into the map's axis), kept while a side
    /// rule is selected so that going back returns to the same cell.
    var row: Int
    var column: Int
    /// The selected side rule, an index into the map's side rules; nil while a cell is.
    var sideRule: Int?
    /// The side rule Tab returns to.
    var lastSideRule = 0
    /// The first line of the grid (and, on narrow screens, the side rules below it) shown.
    var scroll = 0
    /// The first column of the grid shown, when it is wider than the screen.
    var columnScroll = 0
    /// The scroll offset of the rule detail Enter opened; nil while the grid shows.
    public internal(set) var detailScroll: Int?

    public var selection: Selection {
        sideRule.map(Selection.sideRule) ?? .cell(row: row, column: column)
    }

    /// The map opens where it teaches most: on the first cell broken right now, else on the
    /// first side rule broken right now, else on the focused setting's row at its first rule
    /// (or at the top left).
    init(map: ConstraintMap, document: Profile, focus: Subject) {
        let axis = map.axis
        if case .item(let id) = focus, let row = axis.firstIndex(of: id) {
            self.row = row
            column = axis.firstIndex { map.mark(row: id, column: $0) != .none } ?? row
        } else {
            (row, column) = (0, 0)
        }
        let broken = map.broken(in: document.configuration, on: document.host)
        if let link = broken.links.first,
           let row = axis.firstIndex(of: link.item), let column = axis.firstIndex(of: link.other) {
            (self.row, self.column) = (row, column)
        } else if let rule = broken.sideRules.first,
                  let index = map.sideRules.firstIndex(where: { $0.identity == rule.identity }) {
            (sideRule, lastSideRule) = (index, index)
        }
    }

    /// Moves the selection: over the cells, down from the last row into the side rules and up
    /// from the first side rule back into the grid, never past an edge.
    mutating func move(rows: Int, columns: Int, in map: ConstraintMap) {
        let count = map.axis.count, sideCount = map.sideRules.count
        if let index = sideRule {
            let target = index + rows
            sideRule = target < 0 ? nil : min(sideCount - 1, target)
            return
        }
        let target = row + rows
        if target >= count, rows == 1, sideCount > 0 {
            sideRule = 0
            return
        }
        row = max(0, min(count - 1, target))
        column = max(0, min(count - 1, column + columns))
    }

    /// Selects a cell.
    mutating func select(row: Int, column: Int) {
        (self.row, self.column, sideRule) = (row, column, nil)
    }

    /// Selects a side rule.
    mutating func selectSideRule(_ index: Int) {
        sideRule = index
    }

    /// The rules the selection is about: the cell's links' rules (each once, in rule order), or
    /// the selected side rule.
    func rules(in map: ConstraintMap) -> [Rule] {
        switch selection {
        case .cell(let row, let column):
            var ids: [RuleID] = []
            for link in map.links(between: map.axis[row], map.axis[column]) where !ids.contains(link.rule) {
                ids.append(link.rule)
            }
            return ids.compactMap { RuleBook.rule(withID: $0.rawValue, in: map.version) }
        case .sideRule(let index):
            return [map.sideRules[index]]
        }
    }
}
