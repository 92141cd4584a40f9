import MigrationCore

/// Which pane receives movement keys: the list, or the detail pane (which then scrolls).
public enum Pane: Hashable, Sendable {
    case list
    case detail
}

/// Which settings the list shows: all of them, or only those changed from their defaults.
public enum Filter: Hashable, Sendable {
    case all
    case changed
}

/// A one-line message for the status row; errors stand out so a failed save cannot be missed.
public struct StatusMessage: Hashable, Sendable {
    /// Errors (a failed save or open) are drawn in the error role.
    public enum Kind: Hashable, Sendable { case info, error }
    public let text: String
    public let kind: Kind

    static func info(_ text: String) -> StatusMessage { StatusMessage(text: text, kind: .info) }
    static func error(_ text: String) -> StatusMessage { StatusMessage(text: text, kind: .error) }
}

/// The whole editor as a value: the document, where the user is, which screen or prompt is
/// open, the undo history and the derived analysis. `update` is the only thing that changes it,
/// so the analysis cached here is always the one for the current document.
public struct EditorState: Sendable {
    /// The settings and host facts being edited.
    public internal(set) var document: Profile
    /// The document as it was last saved or opened; `isModified` compares against it.
    public internal(set) var savedDocument: Profile
    /// Where the profile is saved; nil until the user first saves or opens one.
    public internal(set) var profilePath: String?
    /// The user's home folder, which a leading `~` in the file-name prompts stands for.
    public var homeDirectory: String?
    /// The QEMU binary a rehearsal runs (`r` on the export screen): `edit --qemu-binary`, or
    /// the one chosen last, or the one on PATH.
    public var rehearsalBinary = "qemu-system-x86_64"
    /// The terminal size, kept up to date by `Key.resize`, for paging and scrolling.
    public internal(set) var size: Size
    /// The focused setting or host fact.
    public internal(set) var focus: Subject
    /// Which pane movement keys act on.
    public internal(set) var pane: Pane = .list
    /// All settings, or only the changed ones.
    public internal(set) var filter: Filter = .all
    /// The open screen, prompt or field.
    public internal(set) var mode: Mode = .list
    /// The running QEMU the editor is attached to; nil when editing a profile.
    public internal(set) var live: LiveTarget?
    /// The message the status row shows until the next key.
    public internal(set) var status: StatusMessage?
    /// The lesson being played (`migedit learn`), if any.
    public internal(set) var lesson: LessonSession?
    var listScroll = 0
    var detailScroll = 0
    /// The last search the user confirmed, for `n` and `N`.
    var lastSearch: SearchResults?
    var history = History()
    /// A save the outside is performing: the document it writes, and whether to quit after.
    var pendingSave: PendingSave?
    /// The report, what-if markers and export line for `document`, computed once per change.
    public private(set) var analysis: Analysis
    /// The fixes found so far for `document`'s diagnostics on screen.
    private(set) var fixes: FixCache
    /// The list rows for the current document and filter.
    private(set) var rows: [Row]

    /// A state for a document for QEMU `version` loaded from `profilePath` (or a new one when
    /// nil), shown on a terminal of `size`. The document counts as saved, so quitting at once
    /// does not ask.
    public init(
        configuration: Configuration = Configuration(), host: Host = .standard,
        version: QEMUVersion = .standard, profilePath: String? = nil, size: Size
    ) {
        let document = Profile(configuration: configuration, host: host, version: version)
        self.document = document
        savedDocument = document
        self.profilePath = profilePath
        self.size = size
        rows = Row.rows(for: document, filter: .all)
        focus = rows.lazy.compactMap(\.subject).first ?? .item(.xbzrle)
        analysis = Analysis(document)
        fixes = FixCache(document: document, recent: [])
        fixes.find(for: diagnosticsOnScreen)
    }

    /// Makes the command line's `--set` and `--host` values (already applied to `profile`) the
    /// current document as one unsaved, undoable change: they are not in the file until saved,
    /// so the title says "(modified)", `q` asks and `u` takes them back.
    public mutating func applyCommandLineChanges(_ profile: Profile) {
        change("command-line changes") {
            $0 = profile
        }
        refresh()
    }

    /// The document differs from what was last saved or opened.
    public var isModified: Bool { document != savedDocument }

    /// Unsaved changes worth asking about before leaving and rescuing on a signal: a lesson's
    /// work on its start, never saved to a profile, is not, since the lesson brings it back.
    var hasWorkToKeep: Bool { isModified && !(lesson != nil && profilePath == nil) }

    /// What the checker says about the current document.
    public var report: Report { analysis.report }

    /// The profile's file name for the title line.
    var profileName: String {
        guard let path = profilePath else { return lesson?.name ?? "new profile" }
        return path.split(separator: "/").last.map(String.init) ?? path
    }

    /// Brings the cached analysis and rows up to date and keeps the focus on a visible row.
    /// Called once at the end of every `update`.
    mutating func refresh() {
        if analysis.document != document { analysis = Analysis(document) }
        if fixes.document != document { fixes = FixCache(document: document, recent: history.recentItems(current: document)) }
        if let search = lastSearch, search.version != document.version {
            lastSearch = SearchResults(query: search.query, version: document.version)
        }
        rows = Row.rows(for: document, filter: filter)
        keepFocusVisible()
        fixes.find(for: diagnosticsOnScreen)
    }

    /// The diagnostics whose fixes the screen shows: QEMU's first error (the error pane and `f`),
    /// every problem in the problems list, every broken rule in the item view and the map, else the problems
    /// the detail pane lists for the focused entry. Problems show their first diagnostic's fix.
    private var diagnosticsOnScreen: [Diagnostic] {
        let first = analysis.firstErrorToFix.map { [$0] } ?? []
        switch mode {
        case .problems:
            return first + analysis.problems.map { $0.diagnostics[0] }
        case .itemInfo, .map:
            return first + analysis.report.diagnostics
        case .help, .export, .pickVersion, .confirmApply, .pickMachine:
            return first
        default:
            return first + analysis.problems.filter { $0.subjects.contains(focus) }.map { $0.diagnostics[0] }
        }
    }

    /// The row index of the focused entry, if it is shown.
    var focusRow: Int? {
        rows.firstIndex { $0.subject == focus }
    }

    private mutating func keepFocusVisible() {
        if focusRow == nil, let nearest = Row.nearest(to: focus, in: rows) { focusOn(nearest) }
        listScroll = listScroll(height: Layout(size: size).listHeight)
    }

    /// The first visible row for a list `height` rows tall: the stored scroll, moved just
    /// enough to show the focused row (and its heading when it is the section's first entry).
    func listScroll(height: Int) -> Int {
        guard let row = focusRow, height > 0 else { return 0 }
        var scroll = listScroll
        let top = row > 0 && rows[row - 1].subject == nil ? row - 1 : row
        if top < scroll {
            scroll = top
        } else if row >= scroll + height {
            scroll = row - height + 1
        }
        return max(0, min(scroll, rows.count - height))
    }
}

/// A save in flight: the document being written, and whether the user asked to quit after it.
struct PendingSave: Hashable, Sendable {
    let document: Profile
    let then: AfterSave
}

/// What happens once a save succeeds: stay in the editor, leave (printing the `-global` line
/// when the save came from `w`), leave as Ctrl-C does, or go on opening another profile.
public enum AfterSave: Hashable, Sendable {
    case stay
    case quit(printing: String?)
    case interrupt
    case open(path: String)
}
