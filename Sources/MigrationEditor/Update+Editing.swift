import MigrationCore

extension EditorState {
    /// Opens the focused field for typing, prefilled with its current value as `-global`
    /// would spell it (`64M`), selected with the cursor at the end: typing replaces it, a
    /// movement key keeps it for amending.
    mutating func startEditing() {
        let text: String
        switch focus {
        case .item(let id): text = ValueFormatter.globalText(document.configuration[id], as: document.item(id).type)
        case .host(let fact): text = document.host.value(of: fact)
        }
        pane = .list
        mode = .editing(FieldEdit(subject: focus, text: text, in: document))
    }

    /// Keys while a field is open: Enter commits a parsable value, Esc restores, everything
    /// else edits the text and refreshes the feedback.
    mutating func handleEditing(_ key: Key, _ edit: FieldEdit) -> [EditorEffect] {
        var edit = edit
        edit.rejected = false
        switch key {
        case .escape:
            mode = .list
            status = .info("Edit cancelled; \(edit.subject.name) stays \(document.displayValue(of: edit.subject))")
        case .enter:
            guard case .valid(let trial, _) = edit.feedback else {
                edit.rejected = true
                mode = .editing(edit)
                return []
            }
            mode = .list
            let label = "\(edit.subject.name) = \(trial.displayValue(of: edit.subject))"
            if !change(label, { $0 = trial }) {
                status = .info("\(edit.subject.name) unchanged")
            }
        default:
            if edit.field.handle(key) { edit.retype(in: document) }
            mode = .editing(edit)
        }
        return []
    }
}
