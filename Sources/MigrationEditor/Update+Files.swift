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
        return [.save(path: path, contents: profileJSON(of: document))]
    }

    /// `document` as a saved profile holds it.
    func profileJSON(of document: Profile) -> String {
        document.json
    }

    /// A file-name prompt: the field takes the usual editing keys, Enter answers, Esc cancels.
    mutating func handlePrompt(_ key: Key, _ prompt: Prompt) -> [EditorEffect] {
        var prompt = prompt
        switch key {
        case .escape:
            mode = prompt.purpose.returnMode
            return []
        case .enter:
            let path = HomeDirectory.expanding(prompt.field.text, home: homeDirectory)
            guard !path.isEmpty else {
                status = .info("Type a file name, or Esc to cancel")
                return []
            }
            mode = prompt.purpose.returnMode
            switch prompt.purpose {
            case .open:
                return leave(.open(path: path))
            case .save(let next):
                return saveEffects(to: path, then: next)
            case .export(let view):
                let text = view.export.text
                return [.writeExport(path: path, contents: text.hasSuffix("\n") ? text : text + "\n")]
            case .rehearse(let view):
                return startRehearsal(with: path, over: view)
            }
        default:
            if prompt.field.handle(key) { mode = .prompt(prompt) }
            return []
        }
    }

    /// `q`: leaves at once when everything is saved, otherwise asks.
    mutating func requestQuit() -> [EditorEffect] {
        leave(.quit)
    }

    /// Ctrl-C: leaves at once (exit 130) when everything is saved, otherwise asks; a second
    /// Ctrl-C while any unsaved-changes question is open leaves without saving.
    mutating func interrupt() -> [EditorEffect] {
        if case .confirmLeaving = mode { return [.interrupt] }
        return leave(.interrupt)
    }

    /// Does what `leaving` asks when nothing unsaved would be lost, else asks first.
    private mutating func leave(_ leaving: Leaving) -> [EditorEffect] {
        guard hasWorkToKeep else { return proceed(leaving) }
        mode = .confirmLeaving(leaving)
        return []
    }

    /// The unsaved-changes question: y goes ahead without saving, s saves first, n or Esc
    /// stays (and Ctrl-C, handled before any mode, leaves).
    mutating func handleConfirmLeaving(_ key: Key, _ leaving: Leaving) -> [EditorEffect] {
        switch key {
        case .character("y"), .character("Y"):
            mode = .list
            return proceed(leaving)
        case .character("s"):
            mode = .list
            return save(then: leaving.afterSave)
        case .character("n"), .character("N"), .escape, .character("q"):
            mode = .list
        default:
            break
        }
        return []
    }

    private mutating func proceed(_ leaving: Leaving) -> [EditorEffect] {
        switch leaving {
        case .quit: return [.quit(printing: nil)]
        case .interrupt: return [.interrupt]
        case .open(let path):
            status = .info("Opening \(path)…")
            return [.open(path: path)]
        }
    }

    /// A save succeeded: the saved document is the new reference for "modified", and the
    /// status says so, adding that QEMU would reject it when it would.
    mutating func didSave(to path: String) -> [EditorEffect] {
        let saved = pendingSave?.document ?? document
        savedDocument = saved
        profilePath = path
        let report = saved.release.checker.check(saved.configuration, on: saved.host)
        status = .info("Saved \(path)" + (Rejection(report, version: saved.version).map { " (\($0.summary))" } ?? ""))
        let next = pendingSave?.then ?? .stay
        pendingSave = nil
        switch next {
        case .stay: return []
        case .quit(let printing): return [.quit(printing: printing)]
        case .interrupt: return [.interrupt]
        case .open(let path): return proceed(.open(path: path))
        }
    }

    /// An export was written; writing one QEMU would reject is allowed, but never silently.
    mutating func didExport(to path: String) -> [EditorEffect] {
        let rejection = Rejection(report, version: document.version)
        status = .info("Wrote the export to \(path)" + (rejection.map { " (\($0.summary))" } ?? ""))
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
        let opened = profile
        let before = History.File(path: profilePath, saved: savedDocument)
        if change("open \(name)", { $0 = opened }) {
            history.markLastAsOpen(before)
        }
        savedDocument = opened
        profilePath = path
        status = .info("Opened \(path)")
        return [.lookForRescue(profilePath: path)]
    }
}

extension Prompt.Purpose {
    /// Where the user goes back to after answering or cancelling.
    var returnMode: Mode {
        switch self {
        case .export(let view), .rehearse(let view): return .export(view)
        case .open, .save: return .list
        }
    }
}

extension Leaving {
    /// What a save asked for at the unsaved-changes question does once it succeeds.
    var afterSave: AfterSave {
        switch self {
        case .quit: return .quit(printing: nil)
        case .interrupt: return .interrupt
        case .open(let path): return .open(path: path)
        }
    }
}
