import MigrationCore

/// Draws the editor for a terminal of `size`. Pure: the same state and size always give the same
/// screen, which is what the golden captures in Screens/ rely on. With `monochrome`, changed
/// values also get a `*` so that no distinction rests on colour alone.
public func render(_ state: EditorState, size: Size, monochrome: Bool) -> Screen {
    var renderer = Renderer(state: state, layout: Layout(size: size), monochrome: monochrome)
    renderer.draw()
    return renderer.screen
}

/// The drawing context: the screen being filled and what it is filled from. Its parts live in
/// the Render+*.swift files, one per region.
struct Renderer {
    var screen: Screen
    let state: EditorState
    let layout: Layout
    let monochrome: Bool

    init(state: EditorState, layout: Layout, monochrome: Bool) {
        screen = Screen(size: layout.size)
        self.state = state
        self.layout = layout
        self.monochrome = monochrome
    }

    var columns: Int { layout.size.columns }

    mutating func draw() {
        if state.mode.isTooSmall(layout.size) {
            drawTooSmall()
            return
        }
        drawTitle()
        if case .help(let scroll) = state.mode {
            drawHelp(scroll: scroll)
        } else if let view = state.mode.exportView {
            drawExport(view)
        } else if case .problems(let list) = state.mode {
            drawProblemsList(list)
        } else if case .itemInfo(let info) = state.mode {
            drawItemInfo(info)
        } else if case .map(let view) = state.mode {
            drawMap(view)
        } else if case .confirmApply(let confirmation) = state.mode {
            drawApplyConfirmation(confirmation)
        } else {
            drawList()
            drawDetail()
            drawErrorPane()
            drawExportLine()
            if case .pickVersion(let picker) = state.mode { drawVersionPicker(picker) }
            if case .pickMachine(let picker) = state.mode { drawMachinePicker(picker) }
        }
        drawStatus()
        drawLegend()
    }

    /// Title row: program, QEMU version, machine type, profile and modified marker on the left; the verdict on
    /// the right.
    private mutating func drawTitle() {
        screen.paint(role: .title, row: 0, from: 0, width: columns)
        var left = " migedit · QEMU \(state.document.version) · "
        if let machine = state.document.host.machine { left += "\(machine) · " }
        left += state.profileName
        if state.isModified { left += " (modified)" }
        if let live = state.live { left = liveTitle(live) }
        let problems = state.analysis.problems
        let errors = problems.filter(\.isError).count, warnings = problems.count - errors
        let verdict: String
        let role: StyleRole
        if errors > 0 {
            verdict = "\(Marker.error) \(count(errors, "error")), \(count(warnings, "warning"))"
            role = .error
        } else {
            verdict = "\(Marker.accepted) accepted" + (warnings > 0 ? ", \(count(warnings, "warning"))" : "")
            role = warnings > 0 ? .warning : .title
        }
        let verdictColumn = columns - verdict.count - 1
        screen.put(Wrap.truncated(left, width: verdictColumn - 1), row: 0, column: 0, role: .title)
        screen.put(verdict, row: 0, column: verdictColumn, role: role)
    }

    /// Below 80x24 nothing else fits: the actual size comes first (readable down to 20x5),
    /// then the open question, or else how to go on.
    private mutating func drawTooSmall() {
        let size = layout.size, minimum = Layout.minimum
        let have = "have \(size.columns)x\(size.rows),", need = "need \(minimum.columns)x\(minimum.rows)"
        var lines: [(String, StyleRole)] = (have.count + 1 + need.count <= size.columns)
            ? [(have + " " + need, .error)] : [(have, .error), (need, .error)]
        if case .confirmLeaving(let leaving) = state.mode {
            lines += TextWrap.lines(leaving.question, width: size.columns).map { ($0, .warning) }
        } else {
            let advice = "terminal too small: enlarge the window, or press q to quit"
            lines += TextWrap.lines(advice, width: size.columns).map { ($0, .normal) }
        }
        lines = Array(lines.prefix(size.rows))
        let top = max(0, (size.rows - lines.count) / 2)
        for (offset, line) in lines.enumerated() {
            let text = Wrap.truncated(line.0, width: size.columns)
            screen.put(text, row: top + offset, column: max(0, (size.columns - text.count) / 2), role: line.1)
        }
    }

    /// "1 error", "2 warnings".
    func count(_ number: Int, _ noun: String) -> String {
        "\(number) \(noun)\(number == 1 ? "" : "s")"
    }
}

extension Screen {
    /// A box with `title` set into its top border (`┌ Title ───┐`), and an optional `footer` set
    /// into the bottom border at the right.
    mutating func box(
        top: Int, left: Int, width: Int, height: Int, title: String, footer: String = "",
        role: StyleRole, titleRole: StyleRole
    ) {
        guard width >= 2, height >= 2 else { return }
        let right = left + width - 1, bottom = top + height - 1
        let line = Cell("─", role: role), side = Cell("│", role: role)
        for column in (left + 1)..<right {
            self[top, column] = line
            self[bottom, column] = line
        }
        for row in (top + 1)..<bottom {
            self[row, left] = side
            self[row, right] = side
        }
        self[top, left] = Cell("┌", role: role)
        self[top, right] = Cell("┐", role: role)
        self[bottom, left] = Cell("└", role: role)
        self[bottom, right] = Cell("┘", role: role)
        if !title.isEmpty {
            put(" " + Wrap.truncated(title, width: width - 6) + " ", row: top, column: left + 2, role: titleRole)
        }
        if !footer.isEmpty, footer.count + 4 <= width {
            put(" " + footer + " ", row: bottom, column: right - footer.count - 3, role: role)
        }
    }
}
