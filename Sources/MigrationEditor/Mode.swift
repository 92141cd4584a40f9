import MigrationCore

/// What the keyboard is talking to: the list, a field being edited, the search prompt, one of
/// the full screens (help, export), a file-name prompt, the unsaved-changes question, the offer
/// of rescued changes, the version picker, the problems list, the item view or the constraint map.
public enum Mode: Hashable, Sendable {
    case list
    case editing(FieldEdit)
    case searching(SearchSession)
    case help(scroll: Int)
    case export(ExportView)
    case prompt(Prompt)
    /// Unsaved changes would be dropped by `Leaving`: save them, drop them, or stay.
    case confirmLeaving(Leaving)
    /// A newer `PROFILE.save` from an interrupted session exists: load it or ignore it.
    case offerRescue(RescueOffer)
    /// The version picker over the main screen.
    case pickVersion(VersionPicker)
    /// The machine-type picker over the main screen (`M`).
    case pickMachine(MachinePicker)
    /// Every error and warning at once (`p`).
    case problems(ProblemsList)
    /// Every rule one entry takes part in, its side and its history (`i`).
    case itemInfo(ItemInfo)
    /// The constraint map of the release, with the current settings on it (`m`).
    case map(MapView)
    /// The changes `a` would send to the attached QEMU, waiting for a yes.
    case confirmApply(ApplyConfirmation)

    /// The export screen shown in this mode: its own, or the one a file-name prompt is over.
    var exportView: ExportView? {
        switch self {
        case .export(let view): return view
        case .prompt(let prompt):
            switch prompt.purpose {
            case .export(let view), .rehearse(let view): return view
            case .open, .save: return nil
            }
        default: return nil
        }
    }
}

/// The export screen: which format is shown, its text and notes, whether QEMU would reject
/// the configuration, and how far it is scrolled down and sideways. The export is computed
/// when the screen opens or the format changes, not on every frame.
public struct ExportView: Hashable, Sendable {
    /// The format shown.
    public internal(set) var format: ExportFormat
    /// The document in that format, and the notes about it (what the format cannot carry).
    public internal(set) var export: Export
    /// Why QEMU would refuse the configuration; nil when it accepts it.
    let rejection: Rejection?
    var scroll = 0
    /// The first column of the export's lines shown; long lines are cut, never wrapped.
    var column = 0
    /// The rehearsal started here (`r`), shown above the export.
    public internal(set) var rehearsal: RehearsalPane?

    init(format: ExportFormat, document: Profile, report: Report) {
        self.format = format
        export = Exporter.export(document.configuration, host: document.host, version: document.version, format: format)
        rejection = Rejection(report, version: document.version)
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
        /// Rehearse the document with the QEMU binary typed, shown in the view.
        case rehearse(ExportView)
    }

    public let purpose: Purpose
    /// The file name typed so far.
    public internal(set) var field: TextField

    var label: String {
        switch purpose {
        case .open: return "Open profile: "
        case .save: return "Save profile as: "
        case .export(let view): return "Write \(view.format.rawValue) export to: "
        case .rehearse: return "Rehearse with QEMU binary: "
        }
    }
}

/// What would leave the document behind with its unsaved changes, so the question can say
/// what happens after "save first" or "don't save".
public enum Leaving: Hashable, Sendable {
    /// `q`.
    case quit
    /// Ctrl-C; a second Ctrl-C at the question leaves without saving.
    case interrupt
    /// `o` with a file name: the document would be replaced by the profile at `path`.
    case open(path: String)
}

extension Leaving {
    /// The unsaved-changes question on the status row.
    var question: String {
        switch self {
        case .quit:
            return "Unsaved changes: quit without saving? y quits · s saves first · n stays"
        case .interrupt:
            return "Unsaved changes: quit without saving? y quits · s saves first · n stays · Ctrl-C again quits"
        case .open(let path):
            return "Unsaved changes: open \(path) without saving them? y opens · s saves first · n stays"
        }
    }
}
