import MigrationCore

/// The version picker: every release, one highlighted. The document's own release is marked
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
