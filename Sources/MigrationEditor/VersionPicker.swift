import MigrationCore

/// The version picker: every release, one highlighted, each with its verdict on the current
/// settings. The document's own release is marked on screen; Enter switches to the highlighted
/// one, Esc leaves everything as it was.
public struct VersionPicker: Hashable, Sendable {
    /// The highlighted release.
    public internal(set) var selection: QEMUVersion
    /// Per release (by `QEMUVersion.index`): QEMU's first error for the document as that
    /// release would hold it, or nil when it accepts it. Worked out once when the picker opens,
    /// so the keystrokes of the main screen never pay for ten checks.
    public let firstErrors: [String?]

    init(selection: QEMUVersion, document: Profile) {
        self.selection = selection
        firstErrors = QEMUVersion.allCases.map { version in
            let moved = document.moved(to: version).document
            return Checker.for(version).check(moved.configuration, on: moved.host).firstError?.message
        }
    }

    /// QEMU's first error for the document in `version`, nil when that release accepts it.
    func firstError(in version: QEMUVersion) -> String? { firstErrors[version.index] }

    /// The highlighted release moved `delta` places, stopping at either end.
    mutating func move(by delta: Int) {
        let all = QEMUVersion.allCases
        let index = all.firstIndex(of: selection) ?? 0
        selection = all[max(0, min(all.count - 1, index + delta))]
    }
}
