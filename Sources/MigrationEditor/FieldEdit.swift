import MigrationCore

/// A numeric or text field being edited in place. The document is untouched until Enter
/// commits a parsable value, so Esc restores simply by leaving.
public struct FieldEdit: Hashable, Sendable {
    /// The setting or host fact being edited.
    public let subject: Subject
    /// The text typed so far.
    public internal(set) var field: TextField
    /// What the current text means, recomputed on every keystroke.
    public internal(set) var feedback: Feedback
    /// Enter was pressed on text that does not parse; the status row says it was refused.
    public internal(set) var rejected = false

    /// The live verdict on the text being typed.
    public enum Feedback: Hashable, Sendable {
        /// The text is not a value of the field's type; the message says what is expected.
        case invalid(String)
        /// The text parses. `document` is the document it would make and `findings` the
        /// current-rule violations that would then involve the field (errors and warnings).
        case valid(Profile, findings: [Diagnostic])
    }

    init(subject: Subject, text: String, in document: Profile) {
        self.subject = subject
        field = TextField(text, selected: true)
        feedback = FieldEdit.feedback(for: text, subject: subject, in: document)
    }

    mutating func retype(in document: Profile) {
        feedback = FieldEdit.feedback(for: field.text, subject: subject, in: document)
    }

    /// Parses the text as the document's release would and checks the document it would make.
    static func feedback(for text: String, subject: Subject, in document: Profile) -> Feedback {
        var trial = document
        switch subject {
        case .item(let id):
            let item = document.item(id)
            switch ValueParser.parse(text, as: item.type, name: item.name, version: document.version) {
            case .failure(let error): return .invalid(error.message)
            case .success(let value): trial.configuration[id] = value
            }
        case .host(let fact):
            do {
                try trial.host.set(fact, to: text)
            } catch {
                return .invalid(error.message)
            }
        }
        let report = document.release.checker.check(trial.configuration, on: trial.host)
        return .valid(trial, findings: report.diagnostics(involving: subject))
    }
}
