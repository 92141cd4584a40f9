import MigrationCore

extension Renderer {
    /// The version picker: a box over the panes with one line per release (its notable facts
    /// beside it), the highlighted one selected and marked, the document's own one "(current)".
    mutating func drawVersionPicker(_ picker: VersionPicker) {
        let versions = QEMUVersion.allCases
        let width = min(columns - 8, 72), height = versions.count + 2
        let left = (columns - width) / 2, top = layout.paneTop + 1
        let blank = String(repeating: " ", count: width)
        for row in top..<(top + height) { screen.put(blank, row: row, column: left) }
        screen.box(
            top: top, left: left, width: width, height: height, title: "QEMU release",
            role: .heading, titleRole: .heading)
        let inner = left + 1, innerWidth = width - 2
        let current = "(current)"
        for (offset, version) in versions.enumerated() {
            let row = top + 1 + offset
            let selected = version == picker.selection, isCurrent = version == state.document.version
            if selected { screen.put(Marker.focus, row: row, column: inner + 1) }
            screen.put(version.rawValue, row: row, column: inner + 3, role: .heading)
            let hintStart = inner + 9
            let hintEnd = inner + innerWidth - 1 - (isCurrent ? current.count + 1 : 0)
            screen.put(
                Wrap.truncated(ReleaseNotes.hint(for: version), width: hintEnd - hintStart),
                row: row, column: hintStart, role: .muted)
            if isCurrent { screen.put(current, row: row, column: hintEnd + 1) }
            if selected { screen.paint(role: .selected, row: row, from: inner, width: innerWidth) }
        }
    }

    /// The status row under the picker: what Enter would do to the document.
    func versionPickerStatus(_ picker: VersionPicker) -> String {
        let document = state.document, version = picker.selection
        guard version != document.version else {
            return "QEMU \(version) is the profile's release · Enter or Esc keeps it"
        }
        let lost = document.configuration.valuesLost(movingTo: version)
        guard !lost.isEmpty else { return "Enter switches to QEMU \(version); every value carries over" }
        let labels = lost.map { document.lostLabel($0, movingTo: version) }
        return "Enter switches to QEMU \(version) and resets \(labels.joined(separator: ", "))"
    }
}
