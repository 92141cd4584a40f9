import MigrationCore

/// The fixes found for the current document, by diagnostic. Finding a fix runs the checker on
/// tens to hundreds of trial configurations, too much to do for every problem on every
/// keystroke; so `EditorState.refresh` asks only for the diagnostics on screen (QEMU's first
/// error always, the rest while the detail pane, problems list or item view shows them) and
/// keeps the answers until the document changes.
struct FixCache: Sendable {
    /// The document the fixes are for.
    let document: Profile
    /// The settings the last few changes touched, newest first: fixes keep them if they can.
    let recent: [ItemID]
    private var found: [Diagnostic: [Fix]] = [:]

    init(document: Profile, recent: [ItemID]) {
        self.document = document
        self.recent = recent
    }

    /// Finds the fixes of each diagnostic not searched yet.
    mutating func find(for diagnostics: [Diagnostic]) {
        for diagnostic in diagnostics where found[diagnostic] == nil {
            found[diagnostic] = Fixes.for(diagnostic, in: document.configuration, on: document.host, recent: recent)
        }
    }

    /// The best fix for a diagnostic, or nil when none was found or it has not been searched.
    func first(for diagnostic: Diagnostic) -> Fix? {
        found[diagnostic]?.first
    }
}
