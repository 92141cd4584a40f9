import MigrationCore

/// A new value for an entry: a setting's value, or a host fact's text.
enum EntryValue: Hashable, Sendable {
    case item(Value)
    case host(String)

    /// How the value reads in undo labels and the status row.
    func label(for subject: Subject) -> String {
        switch (self, subject) {
        case (.item(let value), .item(let id)): return ValueText.display(value, of: id.item)
        case (.host(let text), _): return text
        default: return ""
        }
    }
}

/// How the user changes an entry: toggles and choices with Space, fields by typing, and the
/// JSON lists (`block-bitmap-mapping`, `cpr-exec-command`) not at all (see `readOnlyNote`).
enum EntryKind: Hashable, Sendable {
    case toggle
    case choice([String])
    case field
    case readOnly

    /// How an entry is changed in the document's release (whose choices a choice cycles through).
    static func of(_ subject: Subject, in document: Profile) -> EntryKind {
        switch subject {
        case .item(let id):
            switch document.item(id).type {
            case .bool: return .toggle
            case .enumeration(let choices): return .choice(choices)
            case .bitmapMapping, .stringList: return .readOnly
            case .uint8, .uint32, .uint64, .size, .string: return .field
            }
        case .host(let fact):
            return fact.choices.map { .choice($0) } ?? .field
        }
    }

    /// The value `step` places along the entry's values, wrapping around (Space and Right: 1,
    /// Left: -1), or nil for fields and read-only entries. A toggle has two values, so any
    /// step flips it.
    func value(moving step: Int, in document: Profile, subject: Subject) -> EntryValue? {
        switch (self, subject) {
        case (.toggle, .item(let id)):
            return .item(.bool(!document.configuration.isOn(id)))
        case (.choice(let choices), .item(let id)):
            return .item(.choice(EntryKind.choice(moving: step, from: document.configuration[id].string, in: choices)))
        case (.choice(let choices), .host(let fact)):
            return .host(EntryKind.choice(moving: step, from: document.host.value(of: fact), in: choices))
        default:
            return nil
        }
    }

    /// A value not among the choices counts as sitting just before the first.
    private static func choice(moving step: Int, from current: String, in choices: [String]) -> String {
        let index = choices.firstIndex(of: current) ?? (step > 0 ? -1 : 0)
        return choices[((index + step) % choices.count + choices.count) % choices.count]
    }

    /// Whether a digit typed on the entry starts editing it with that digit: numeric fields.
    static func takesDigits(_ subject: Subject, in document: Profile) -> Bool {
        switch subject {
        case .item(let id):
            switch document.item(id).type {
            case .uint8, .uint32, .uint64, .size: return true
            default: return false
            }
        case .host(let fact): return fact == .pageSize
        }
    }

    /// Why Space did nothing.
    func spaceHint(_ subject: Subject) -> String {
        self == .readOnly ? EntryKind.readOnlyNote(for: subject) : "Space and ←→ change toggles and choices; press Enter to type a value for \(subject.name)"
    }

    /// The editor does not edit `block-bitmap-mapping` or `cpr-exec-command`: they are JSON
    /// lists that a one-line field would make unreadable, and a profile or QMP states them far
    /// better.
    static func readOnlyNote(for subject: Subject) -> String {
        "\(subject.name) is a JSON list: set it in a profile (o opens one) or through QMP; d clears it"
    }
}
