import MigrationCore

extension Renderer {
    /// The version picker: a box over the panes with one line per release: its verdict on the
    /// current settings (✓, or ✗ and QEMU's first message, cut to fit) and its notable facts
    /// beside it; the highlighted one selected and marked, the document's own one "(current)".
    /// Wider screens get a wider box, so more of the message shows.
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
        let start = inner + 9, rowEnd = inner + innerWidth - 1
        let verdicts = versions.map { version in picker.firstError(in: version).map { "\(Marker.error) \($0)" } ?? Marker.accepted }
        // One column for the verdicts and one for the notes, the same on every row so they read
        // as a table; the message gets the room first, but the notes keep two fifths of it.
        let longestVerdict = verdicts.map(\.count).max() ?? 1
        let longestHint = versions.map { ReleaseNotes.hint(for: $0).count }.max() ?? 0
        let room = rowEnd - start - current.count - 1
        let verdictWidth = longestVerdict + 2 + longestHint <= room ? longestVerdict : max(1, min(longestVerdict, room * 3 / 5))
        for (offset, version) in versions.enumerated() {
            let row = top + 1 + offset
            let selected = version == picker.selection, isCurrent = version == state.document.version
            if selected { screen.put(Marker.focus, row: row, column: inner + 1) }
            screen.put(version.rawValue, row: row, column: inner + 3, role: .heading)
            let isAccepted = picker.firstError(in: version) == nil
            screen.put(Wrap.truncated(verdicts[offset], width: verdictWidth), row: row, column: start, role: isAccepted ? .normal : .error)
            let hintStart = start + verdictWidth + 2
            let end = rowEnd - (isCurrent ? current.count + 1 : 0)
            screen.put(Wrap.truncated(ReleaseNotes.hint(for: version), width: max(0, end - hintStart)), row: row, column: hintStart, role: .muted)
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
