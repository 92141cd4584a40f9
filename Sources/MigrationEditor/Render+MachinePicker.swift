import MigrationCore

extension Renderer {
    /// The machine picker: a box over the panes with one line per machine type and the compat
    /// properties it sets, scrolled so the highlighted one shows; the document's own is marked
    /// "(current)".
    mutating func drawMachinePicker(_ picker: MachinePicker) {
        let width = min(columns - 8, 110)
        let top = layout.paneTop + 1
        let height = min(picker.names.count + 2, layout.statusRow - top)
        let visible = max(1, height - 2)
        let first = max(0, min(picker.names.count - visible, picker.selection - visible / 2))
        let left = (columns - width) / 2
        let blank = String(repeating: " ", count: width)
        for row in top..<(top + height) { screen.put(blank, row: row, column: left) }
        screen.box(
            top: top, left: left, width: width, height: height,
            title: "Machine type · QEMU \(state.document.version)", role: .heading, titleRole: .heading)
        let inner = left + 1, innerWidth = width - 2
        let nameWidth = (picker.names.map(\.count).max() ?? 0) + 2
        let current = "(current)", own = state.document.host.machine ?? Profile.noMachine
        for offset in 0..<min(visible, picker.names.count - first) {
            let index = first + offset, row = top + 1 + offset
            let name = picker.names[index], selected = index == picker.selection
            if selected { screen.put(Marker.focus, row: row, column: inner + 1) }
            screen.put(name, row: row, column: inner + 3, role: .heading)
            let changes = picker.changes[index]
            let text = name == Profile.noMachine ? "QEMU's own defaults"
                : changes.isEmpty ? "no compat property" : changes.joined(separator: ", ")
            let start = inner + 3 + nameWidth
            let end = inner + innerWidth - 1 - (name == own ? current.count + 1 : 0)
            screen.put(Wrap.truncated(text, width: max(0, end - start)), row: row, column: start, role: changes.isEmpty ? .muted : .normal)
            if name == own { screen.put(current, row: row, column: end + 1) }
            if selected { screen.paint(role: .selected, row: row, from: inner, width: innerWidth) }
        }
    }

    /// The status row under the picker: what Enter would do to the document.
    func machinePickerStatus(_ picker: MachinePicker) -> String {
        let name = picker.selected
        guard name != (state.document.host.machine ?? Profile.noMachine) else {
            return "\(name) is the profile's machine type · Enter or Esc keeps it"
        }
        return "Enter makes \(name) the machine type: its compat properties become the defaults · "
            + "\(picker.selection + 1)/\(picker.names.count)"
    }
}
