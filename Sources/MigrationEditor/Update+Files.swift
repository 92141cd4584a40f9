import MigrationCore

extension EditorState {
    /// `s`: saves to the profile's path, or asks for one when there is none yet.
    mutating func save(then next: AfterSave) -> [EditorEffect] {
        guard let path = profilePath else {
            promptForSave(then: next)
            return []
        }
        return saveEffects(to: path, then: next)
    }

    /// `S` (and `s` on a new profile): asks where to save.
    mutating func promptForSave(then next: AfterSave) {
        mode = .prompt(Prompt(purpose: .save(then: next), field: TextField(profilePath ?? "migration.json")))
    }

    /// `w`: leaves printing the `-global` line (what `migedit edit --print` writes to stdout),
    /// saving unsaved changes first so nothing is lost. It refuses while QEMU would reject the
    /// configuration, just as `migedit export` does, so `$(…)` never captures a fatal fragment.
    mutating func writeAndQuit() -> [EditorEffect] {
        if let error = report.firstError {
            status = .error("w: QEMU \(document.version) would refuse this (\(error.message)); fix it first, or q quits without printing")
            return []
        }
        let line = analysis.globalExport.text
        return isModified ? save(then: .quit(printing: line)) : [.quit(printing: line)]
    }

    private mutating func saveEffects(to path: String, then next: AfterSave) -> [EditorEffect] {
        pendingSave = PendingSave(document: document, then: next)
        status = .info("Saving \(path)…")
        let contents = Profile(configuration: document.configuration, host: document.host, version: document.version).json
        return [.save(path: path, contents: contents)]
    }

    /// A file-name prompt: the field takes the usual editing keys, Enter answers, Esc cancels.
    mutating func handlePrompt(_ key: Key, _ prompt: Prompt) -> [EditorEffect] {
        var prompt = prompt
        switch key {
        case .escape:
            mode = prompt.purpose.returnMode
            return []
        case .enter:
            let path = prompt.field.text
            guard !path.isEmpty else {
                status = .info("Type a file name, or Esc to cancel")
                return []
            }
            mode = prompt.purpose.returnMode
            switch prompt.purpose {
            case .open:
                status = .info("Opening \(path)…")
                return [.open(path: path)]
            case .save(let next):
                return saveEffects(to: path, then: next)
            case .export(let view):
                let text = view.export.text
                return [.writeExport(path: path, contents: text.hasSuffix("\n") ? text : text + "\n")]
            }
        default:
            if prompt.field.handle(key) { mode = .prompt(prompt) }
            return []
        }
    }

    /// `q`: leaves at once when everything is saved, otherwise asks.
    mutating func requestQuit() -> [EditorEffect] {
        guard isModified else { return [.quit(printing: nil)] }
        mode = .confirmQuit
        return []
    }

    /// The quit question: y leaves without saving, s saves first, n or Esc stays.
    mutating func handleConfirmQuit(_ key: Key) -> [EditorEffect] {
        switch key {
        case .character("y"), .character("Y"):
            return [.quit(printing: nil)]
        case .character("s"):
            mode = .list
            return save(then: .quit(printing: nil))
        case .character("n"), .character("N"), .escape, .character("q"):
            mode = .list
        default:
            break
        }
        return []
    }

    mutating func didSave(to path: String) -> [EditorEffect] {
        savedDocument = pendingSave?.document ?? document
        profilePath = path
        status = .info("Saved \(path)")
        let next = pendingSave?.then ?? .stay
        pendingSave = nil
        if case .quit(let printing) = next { return [.quit(printing: printing)] }
        return []
    }

    /// A failed save keeps the document (and its modified flag) exactly as it was.
    mutating func saveFailed(_ reason: String) -> [EditorEffect] {
        pendingSave = nil
        status = .error("Not saved: \(reason). Nothing was lost; s retries, S saves elsewhere")
        return []
    }

    /// Opening replaces the document as one undoable step, so `u` brings back what was there.
    mutating func didOpen(_ profile: Profile, from path: String) -> [EditorEffect] {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        let opened = Document(configuration: profile.configuration, host: profile.host, version: profile.version)
        let before = History.File(path: profilePath, saved: savedDocument)
        if change("open \(name)", { $0 = opened }) {
            history.markLastAsOpen(before)
        }
        savedDocument = opened
        profilePath = path
        status = .info("Opened \(path)")
        return []
    }
}

extension Prompt.Purpose {
    /// Where the user goes back to after answering or cancelling.
    var returnMode: Mode {
        if case .export(let view) = self { return .export(view) }
        return .list
    }
}
