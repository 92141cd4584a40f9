import MigrationCore

/// What the constraint map says about the current document: which cells and side rules are
/// broken right now, the lines about the selection under the grid, and the rule detail Enter
/// opens. Worked out per frame from `ConstraintMap`, never stored, so it cannot go stale.
struct MapContent {
    let map: ConstraintMap
    let document: Profile
    /// The links the document breaks right now (see `ConstraintMap.brokenLinks`).
    let brokenLinks: [MapLink]
    /// The side rules the document breaks right now.
    let brokenSideRules: Set<RuleID>

    init(document: Profile) {
        self.document = document
        map = .of(document.version)
        let broken = map.broken(in: document.configuration, on: document.host)
        brokenLinks = broken.links
        brokenSideRules = Set(broken.sideRules.map(\.identity))
    }

    /// Whether the cell joining two settings is broken right now.
    func isBroken(_ row: ItemID, _ column: ItemID) -> Bool {
        brokenLinks.contains { $0.joins(row, column) }
    }

    func isBroken(sideRule index: Int) -> Bool {
        brokenSideRules.contains(map.sideRules[index].identity)
    }

    /// Whether anything the selection is about is broken right now.
    func isBroken(_ selection: MapView.Selection) -> Bool {
        switch selection {
        case .cell(let row, let column): return isBroken(map.axis[row], map.axis[column])
        case .sideRule(let index): return isBroken(sideRule: index)
        }
    }

    /// Everything broken, in the order `]` visits it: cells row by row (each link at its
    /// trigger's row), then side rules.
    var brokenSelections: [MapView.Selection] {
        let axis = map.axis
        var cells: [MapView.Selection] = []
        for link in brokenLinks {
            guard let row = axis.firstIndex(of: link.item), let column = axis.firstIndex(of: link.other) else { continue }
            let cell = MapView.Selection.cell(row: row, column: column)
            if !cells.contains(cell) { cells.append(cell) }
        }
        let sorted = cells.sorted { order($0) < order($1) }
        let sides = map.sideRules.indices.filter { isBroken(sideRule: $0) }.map(MapView.Selection.sideRule)
        return sorted + sides
    }

    /// A selection's place in `]`'s order.
    func order(_ selection: MapView.Selection) -> Int {
        switch selection {
        case .cell(let row, let column): return row * map.axis.count + column
        case .sideRule(let index): return map.axis.count * map.axis.count + index
        }
    }

    /// The selection's title: `postcopy-ram × multifd` with what the glyph means, a setting
    /// alone on the diagonal, or a side rule's id.
    func title(of selection: MapView.Selection) -> String {
        switch selection {
        case .cell(let row, let column):
            let first = map.axis[row], second = map.axis[column]
            guard row != column else { return first.item.name }
            let mark = map.mark(row: first, column: second)
            return "\(first.item.name) \(mark.glyph) \(second.item.name) · \(mark.legend)"
        case .sideRule(let index):
            return map.sideRules[index].id
        }
    }

    /// The lines under the dividing title, most important first since a short screen shows only
    /// the first few: each rule of the cell as its id and sentence (broken ones marked), the
    /// settings' values now, what QEMU says, then the side rules that also read both; for a side
    /// rule, QEMU's message (marked when broken) and the values of what it reads.
    func selectionLines(_ selection: MapView.Selection, width: Int) -> [StyledLine] {
        var lines: [StyledLine] = []
        switch selection {
        case .cell(let row, let column):
            let first = map.axis[row], second = map.axis[column]
            if row == column {
                lines.append(wrapping: first.item.summary, width: width)
                return lines
            }
            let links = map.links(between: first, second)
            if links.isEmpty {
                lines.append(wrapping: "No rule of QEMU \(map.version) ties these two as a pair.", role: .muted, width: width)
            }
            for link in links {
                let broken = brokenLinks.contains(link)
                lines += hanging(broken, "\(link.rule.rawValue): \(link.sentence)", width: width)
            }
            lines.append(wrapping: "now " + values([.item(first), .item(second)]), role: .muted, indent: 2, width: width)
            var messages: [String] = []
            for link in links {
                guard let rule = RuleBook.rule(withID: link.rule.rawValue, in: map.version) else { continue }
                let message = "QEMU says: " + message(of: rule, broken: brokenLinks.contains(link))
                if !messages.contains(message) { messages.append(message) }
            }
            for message in messages { lines.append(wrapping: message, role: .muted, indent: 2, width: width) }
            let shared = map.sideRules.filter { rule in
                rule.subjects.contains(.item(first)) && rule.subjects.contains(.item(second))
                    && !links.contains { $0.rule == rule.identity }
            }
            if !shared.isEmpty {
                lines.append(wrapping: "also read together by " + shared.map(\.id).joined(separator: ", ") + " (beside the grid)",
                    role: .muted, indent: 2, width: width)
            }
        case .sideRule(let index):
            let rule = map.sideRules[index]
            let broken = isBroken(sideRule: index)
            lines += hanging(broken, message(of: rule, broken: broken), width: width)
            lines.append(wrapping: "now " + values(rule.subjects), role: .muted, indent: 2, width: width)
        }
        return lines
    }

    /// `text` wrapped under a `✗` (when broken) or a space, in the error role when broken.
    private func hanging(_ broken: Bool, _ text: String, width: Int) -> [StyledLine] {
        TextWrap.lines(text, width: width - 2).enumerated().map { index, line in
            StyledLine(text: (index == 0 && broken ? Marker.error : " ") + " " + line, role: broken ? .error : .normal)
        }
    }

    /// QEMU's message for a rule: the one it would print now when broken; otherwise its fixed
    /// part, with `…` where QEMU adds what it found (as `migedit explain` shows it).
    private func message(of rule: Rule, broken: Bool) -> String {
        broken ? rule.message(for: document.configuration, on: document.host) : rule.message + (rule.messageHasDetail ? "…" : "")
    }

    /// "postcopy-ram = on, multifd = off".
    private func values(_ subjects: [Subject]) -> String {
        subjects.map { "\($0.name) = \(document.displayValue(of: $0))" }.joined(separator: ", ")
    }

    /// The rule detail: the selection's title, then each of its rules as the item view shows
    /// them (state, QEMU's message, the values, the fix) with the releases and why it exists.
    func detailLines(_ view: MapView, report: Report, fixes: FixCache, width: Int) -> [StyledLine] {
        var lines: [StyledLine] = []
        lines.append(wrapping: title(of: view.selection), role: .heading, width: width)
        return lines + ItemInfoContent.ruleBlocks(
            view.rules(in: map), besides: [], in: document, report: report, fixes: fixes,
            width: width, explaining: true)
    }
}
