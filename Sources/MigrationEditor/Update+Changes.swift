import MigrationCore

extension EditorState {
    /// Makes a change to the document as one undoable step. Returns false (and records
    /// nothing) when the change leaves the document as it was.
    @discardableResult
    mutating func change(_ label: String, _ body: (inout Profile) -> Void) -> Bool {
        var changed = document
        body(&changed)
        guard changed != document else { return false }
        history.record(History.Entry(document: document, focus: focus, label: label))
        document = changed
        return true
    }

    /// Space and Right (`step` 1), Left (-1): flips a toggle or moves a choice (or host fact)
    /// to its next or previous value. Fields are typed, not cycled, so they get a hint instead.
    mutating func toggleFocused(by step: Int = 1) {
        let kind = EntryKind.of(focus, in: document)
        guard let next = kind.value(moving: step, in: document, subject: focus) else {
            status = .info(kind.spaceHint(focus))
            return
        }
        set(focus, to: next)
    }

    /// Enter: edits a numeric or text field in place; toggles and choices behave as with Space.
    mutating func activateFocused() {
        switch EntryKind.of(focus, in: document) {
        case .toggle, .choice: toggleFocused()
        case .field: startEditing()
        case .readOnly: status = .info(EntryKind.readOnlyNote(for: focus))
        }
    }

    /// `d`: puts the focused entry back to QEMU's default (or the standard host's fact).
    mutating func resetFocused() {
        let defaultText: String
        switch focus {
        case .item(let id): defaultText = ValueText.defaultText(of: document.item(id), in: document)
        case .host(let fact): defaultText = Host.standard.value(of: fact)
        }
        guard document.isChanged(focus) else {
            status = .info("\(focus.name) is already at its default (\(defaultText))")
            return
        }
        let subject = focus
        change("reset \(subject.name) to \(defaultText)") { document in
            switch subject {
            case .item(let id): document.configuration.reset(id)
            case .host(let fact): try? document.host.set(fact, to: Host.standard.value(of: fact))
            }
        }
    }

    /// Sets an entry to a value given as the text `Host.set` or the catalog understands.
    mutating func set(_ subject: Subject, to value: EntryValue) {
        change("\(subject.name) = \(value.label(for: subject))") { document in
            switch (subject, value) {
            case (.item(let id), .item(let newValue)): document.configuration[id] = newValue
            case (.host(let fact), .host(let text)): try? document.host.set(fact, to: text)
            default: break
            }
        }
    }

    mutating func undo() {
        guard let entry = history.undo(current: document, file: currentFile) else {
            status = .info("Nothing to undo")
            return
        }
        restore(entry)
        focusOn(entry.focus)
        status = .info("Undid: \(entry.label)")
    }

    mutating func redo() {
        guard let entry = history.redo(current: document, file: currentFile) else {
            status = .info("Nothing to redo")
            return
        }
        restore(entry)
        focusOn(entry.focus)
        status = .info("Redid: \(entry.label)")
    }

    private var currentFile: History.File { History.File(path: profilePath, saved: savedDocument) }

    /// Puts back the document of an undo or redo entry, and the file too when it was an open.
    private mutating func restore(_ entry: History.Entry) {
        document = entry.document
        if let file = entry.file {
            profilePath = file.path
            savedDocument = file.saved
        }
    }
}
