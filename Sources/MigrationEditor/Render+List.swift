import MigrationCore

extension Renderer {
    /// The list pane: section headings and one row per entry, scrolled to keep the focus in view.
    mutating func drawList() {
        let height = layout.listHeight
        let rows = state.rows
        let scroll = state.listScroll(height: height)
        let entries = rows.compactMap(\.subject)
        let position = entries.firstIndex(of: state.focus).map { "\($0 + 1)/\(entries.count)" } ?? ""
        let active = state.pane == .list
        screen.box(
            top: layout.paneTop, left: 0, width: layout.listWidth, height: layout.paneHeight,
            title: state.filter == .changed ? "Changed settings" : "Settings", footer: position,
            role: active ? .heading : .border, titleRole: .heading)
        guard !rows.isEmpty else {
            let message = TextWrap.lines("Nothing differs from QEMU's defaults. Press a to show all settings.", width: layout.listWidth - 4)
            for (offset, line) in message.prefix(height).enumerated() {
                screen.put(line, row: layout.paneTop + 1 + offset, column: 2, role: .muted)
            }
            return
        }
        for offset in 0..<min(height, rows.count - scroll) {
            let row = layout.paneTop + 1 + offset
            switch rows[scroll + offset] {
            case .heading(let section):
                screen.put(section.title, row: row, column: 1, role: .heading, width: layout.listWidth - 2)
            case .entry(let subject):
                drawEntry(subject, row: row)
            }
        }
    }

    /// One entry: focus marker, changed marker (monochrome), `[x]` for toggles, the name, the
    /// value and unit (or the field being edited) on the right, and the error, warning or
    /// what-if marker in the last column.
    private mutating func drawEntry(_ subject: Subject, row: Int) {
        let left = 1, width = layout.listWidth - 2
        let contentStart = left + 2, contentEnd = left + width - 2
        let contentWidth = contentEnd - contentStart
        let document = state.document
        let focused = subject == state.focus
        let changed = document.isChanged(subject)
        let mark = state.analysis.mark(of: subject)
        let kind = EntryKind.of(subject, in: document)

        if focused { screen.put(Marker.focus, row: row, column: left) }
        if monochrome && changed { screen.put(Marker.changed, row: row, column: left + 1, role: .changed) }

        var column = contentStart
        if kind == .toggle, case .item(let id) = subject {
            column = screen.put(document.configuration.isOn(id) ? "[x] " : "[ ] ", row: row, column: column, role: changed ? .changed : .normal)
        }
        let name: String
        var isQMPOnly = false
        switch subject {
        case .item(let id):
            let item = document.item(id)
            name = item.name
            isQMPOnly = item.property(on: document.host) == nil
        case .host(let fact):
            name = fact.rawValue
        }
        let nameRole: StyleRole = mark == .error ? .error : mark == .warning ? .warning : .normal
        let available = contentEnd - column

        if case .editing(let edit) = state.mode, edit.subject == subject {
            let nameWidth = min(name.count, max(0, available - 13))
            column = screen.put(Wrap.truncated(name, width: nameWidth), row: row, column: column, role: nameRole) + 1
            drawField(edit.field, row: row, column: column, width: contentEnd + 1 - column)
        } else {
            let value = kind == .toggle ? "" : Wrap.truncated(document.displayValue(of: subject), width: max(8, contentWidth / 2))
            let qmp = isQMPOnly ? Marker.qmpOnly : ""
            let rightWidth = value.count + qmp.count + (value.isEmpty || qmp.isEmpty ? 0 : 1)
            screen.put(Wrap.truncated(name, width: available - (rightWidth > 0 ? rightWidth + 1 : 0)), row: row, column: column, role: nameRole)
            var right = contentEnd - rightWidth
            right = screen.put(value, row: row, column: right, role: changed ? .changed : .normal)
            if !qmp.isEmpty { screen.put(qmp, row: row, column: value.isEmpty ? right : right + 1, role: .qmpOnly) }
        }
        screen.put(Marker.character(for: mark), row: row, column: left + width - 1, role: Marker.role(for: mark))
        if focused { screen.paint(role: .selected, row: row, from: left, width: width) }
        if case .editing(let edit) = state.mode, edit.subject == subject {
            screen.paint(role: .input, row: row, from: column, width: contentEnd + 1 - column)
        }
    }

    /// A text field: its visible window in the `input` role (selected text in the `selected`
    /// role), with the hardware cursor in it.
    mutating func drawField(_ field: TextField, row: Int, column: Int, width: Int) {
        let window = field.window(width: width)
        screen.paint(role: .input, row: row, from: column, width: width)
        screen.put(window.text, row: row, column: column, role: field.isSelected ? .selected : .input)
        screen.cursor = Screen.Position(row: row, column: column + window.cursor)
    }
}
