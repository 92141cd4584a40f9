import MigrationCore

/// What the keyboard is talking to: the list, a field being edited, the search prompt, one of
/// the full screens (help, export), a file-name prompt, the quit question, or the version picker.
public enum Mode: Hashable, Sendable {
    case list
    case editing(FieldEdit)
    case searching(SearchSession)
    case help(scroll: Int)
    case export(ExportView)
    case prompt(Prompt)
    case confirmQuit
    /// The version picker over the main screen.
    case pickVersion(VersionPicker)

    /// The export screen shown in this mode: its own, or the one a file-name prompt is over.
    var exportView: ExportView? {
        switch self {
        case .export(let view): return view
        case .prompt(let prompt):
            if case .export(let view) = prompt.purpose { return view }
            return nil
        default: return nil
        }
    }
}

/// The export screen: which format is shown, its text and notes, and how far it is scrolled.
/// The export is computed when the screen opens or the format changes, not on every frame.
public struct ExportView: Hashable, Sendable {
    /// The format shown.
    public internal(set) var format: ExportFormat
    /// The document in that format, and what the format cannot carry.
    public internal(set) var export: Export
    var scroll = 0

    init(format: ExportFormat, document: Document) {
        self.format = format
        export = Exporter.export(document.configuration, host: document.host, version: document.version, format: format)
    }
}

/// A one-line question for a file name, answered with Enter or dismissed with Esc.
public struct Prompt: Hashable, Sendable {
    /// What the answer is for.
    public enum Purpose: Hashable, Sendable {
        case open
        case save(then: AfterSave)
        /// Write the export shown in the view, then return to it.
        case export(ExportView)
    }

    public let purpose: Purpose
    /// The file name typed so far.
    public internal(set) var field: TextField

    var label: String {
        switch purpose {
        case .open: return "Open profile: "
        case .save: return "Save profile as: "
        case .export(let view): return "Write \(view.format.rawValue) export to: "
        }
    }
}
