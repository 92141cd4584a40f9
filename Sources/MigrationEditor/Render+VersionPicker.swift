import MigrationCore

extension Renderer {
    /// The version picker: a box over the panes with one line per release: its verdict on the
    /// current settings (✓, or ✗ and QEMU's first message, cut to fit) and its notable facts
    /// in what room is left; the highlighted one selected and marked, the document's own one
    /// "(current)". Wider screens get a wider box, so more of the message shows.
    mutating func drawVersionPicker(_ picker: VersionPicker) {
        let versions = QEMUVersion.allCases
        let width = min(columns - 8, 110), height = versions.count + 2
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
            let start = inner + 9
            let end = inner + innerWidth - 1 - (isCurrent ? current.count + 1 : 0)
            let hint = ReleaseNotes.hint(for: version)
            var column = start
            if let message = picker.firstError(in: version) {
                // The message comes first; the note keeps what the message leaves, up to its length.
                let verdict = "\(Marker.error) \(message)"
                let room = end - start
                let verdictWidth = verdict.count + 2 + hint.count <= room ? verdict.count : max(room * 3 / 5, room - hint.count - 2)
                column = screen.put(Wrap.truncated(verdict, width: verdictWidth), row: row, column: start, role: .error) + 2
            } else {
                column = screen.put(Marker.accepted, row: row, column: start) + 2
            }
            screen.put(Wrap.truncated(hint, width: max(0, end - column)), row: row, column: column, role: .muted)
            if isCurrent { screen.put(current, row: row, column: end + 1) }
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
