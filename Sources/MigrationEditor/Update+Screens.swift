import MigrationCore

extension EditorState {
    /// The help screen scrolls; Esc, q, ? or F1 close it.
    mutating func handleHelp(_ key: Key, scroll: Int) -> [EditorEffect] {
        switch key {
        case .escape, .character("q"), .character("?"), .function(1), .enter:
            mode = .list
        default:
            let layout = Layout(size: size)
            if let offset = Scrolling.offset(
                after: key, from: scroll, page: layout.screenBodyHeight,
                total: HelpText.lines(width: Renderer.helpWidth(layout.size.columns)).count) {
                mode = .help(scroll: offset)
            }
        }
        return []
    }

    /// The export screen: Tab and Shift-Tab change the format, Left/Right (h/l) scroll
    /// sideways, the other movement keys scroll, `w` asks where to write it, `r` which QEMU to
    /// rehearse it with, Esc (or q or e) goes back to the list.
    mutating func handleExport(_ key: Key, _ view: ExportView) -> [EditorEffect] {
        var view = view
        let layout = Layout(size: size)
        let width = ExportScreen.width(columns: layout.size.columns)
        switch key {
        case .escape, .character("q"), .character("e"):
            mode = .list
            return []
        case .tab:
            view = exportView(view.format.cycled(by: 1))
        case .backTab:
            view = exportView(view.format.cycled(by: -1))
        case .right, .character("l"), .left, .character("h"):
            let step = max(1, width / 2) * (key == .right || key == .character("l") ? 1 : -1)
            view.column = max(0, min(ExportScreen.lastColumn(for: view, width: width), view.column + step))
        case .character("r"):
            return askRehearsalBinary(over: view)
        case .character("w"):
            let suggestion = ExportView.suggestedFileName(for: view.format, profilePath: profilePath)
            mode = .prompt(Prompt(purpose: .export(view), field: TextField(suggestion)))
            return []
        default:
            guard let offset = Scrolling.offset(
                after: key, from: view.scroll, page: layout.screenBodyHeight - 2,
                total: ExportScreen.lines(for: view, width: width).count)
            else { return [] }
            view.scroll = offset
        }
        mode = .export(view)
        return []
    }

    /// The export screen for `format` with the current document, from the top.
    func exportView(_ format: ExportFormat) -> ExportView {
        ExportView(format: format, document: document, report: report)
    }
}

extension ExportFormat {
    /// The format `delta` places further along global → qmp → hmp → json → virsh, wrapping around.
    func cycled(by delta: Int) -> ExportFormat {
        let all = ExportFormat.allCases
        let index = all.firstIndex(of: self) ?? 0
        return all[((index + delta) % all.count + all.count) % all.count]
    }
}

extension ExportView {
    /// A file name next to the profile (or `migration.*`) with an extension naming the format.
    static func suggestedFileName(for format: ExportFormat, profilePath: String?) -> String {
        var base = profilePath ?? "migration.json"
        if base.hasSuffix(".json") { base.removeLast(5) }
        switch format {
        case .global: return base + ".args"
        case .qmp: return base + ".qmp"
        case .hmp: return base + ".hmp"
        case .json: return base + ".export.json"
        case .virsh: return base + ".virsh"
        }
    }
}
