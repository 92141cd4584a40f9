import MigrationCore

/// The version picker: the ten releases, one highlighted. The document's own release is marked
/// on screen; Enter switches to the highlighted one, Esc leaves everything as it was.
public struct VersionPicker: Hashable, Sendable {
    /// The highlighted release.
    public internal(set) var selection: QEMUVersion

    init(selection: QEMUVersion) {
        self.selection = selection
    }

    /// The highlighted release moved `delta` places, stopping at either end.
    mutating func move(by delta: Int) {
        let all = QEMUVersion.allCases
        let index = all.firstIndex(of: selection) ?? 0
        selection = all[max(0, min(all.count - 1, index + delta))]
    }
}

extension Document {
    /// How a lost value reads in the status row: its name, or `name=choice` when the release has
    /// the setting but not the choice.
    func lostLabel(_ id: ItemID, movingTo version: QEMUVersion) -> String {
        guard Release.for(version).catalog.contains(id) else { return id.item.name }
        return "\(id.item.name)=\(ValueText.display(configuration[id], of: item(id)))"
    }
}

extension EditorState {
    /// `v`: opens the version picker on the document's release.
    mutating func openVersionPicker() {
        pane = .list
        mode = .pickVersion(VersionPicker(selection: document.version))
    }

    /// Keys of the version picker: arrows or j/k move, Enter switches, Esc (or v, q) cancels.
    mutating func handleVersionPicker(_ key: Key, _ picker: VersionPicker) -> [EditorEffect] {
        var picker = picker
        switch key {
        case .up, .character("k"), .backTab: picker.move(by: -1)
        case .down, .character("j"), .tab: picker.move(by: 1)
        case .home, .pageUp, .character("g"): picker.move(by: -QEMUVersion.allCases.count)
        case .end, .pageDown, .character("G"): picker.move(by: QEMUVersion.allCases.count)
        case .enter:
            mode = .list
            switchVersion(to: picker.selection)
            return []
        case .escape, .character("v"), .character("q"):
            mode = .list
            status = .info("Still QEMU \(document.version)")
            return []
        default:
            break
        }
        mode = .pickVersion(picker)
        return []
    }

    /// Makes the document one for `version` as a single undoable step: every value that release
    /// has is kept, the others go back to their defaults, and the status row names them.
    mutating func switchVersion(to version: QEMUVersion) {
        guard version != document.version else {
            status = .info("Already editing for QEMU \(version)")
            return
        }
        let lost = document.configuration.valuesLost(movingTo: version)
        let labels = lost.map { document.lostLabel($0, movingTo: version) }
        change("switch to QEMU \(version)") { document in
            for id in lost { document.configuration.reset(id) }
            document.version = version
        }
        status = .info(lost.isEmpty
            ? "QEMU \(version): nothing dropped, every value carries over"
            : "QEMU \(version): dropped \(labels.joined(separator: ", ")) (not in \(version))")
    }
}

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
