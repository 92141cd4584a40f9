import MigrationCore
@testable import MigrationEditor

/// Key sequences as tests and golden scenarios type them.
enum Keys {
    /// Each character of `text` as a key press.
    static func type(_ text: String) -> [Key] { text.map { .character($0) } }

    /// `/query` then Enter: jumps to the best match.
    static func find(_ query: String) -> [Key] { [.character("/")] + type(query) + [.enter] }

    /// Jumps to `name`, opens its field, erases the old text and types `text` (no commit).
    static func edit(_ name: String, to text: String) -> [Key] {
        find(name) + [.enter, .control("u")] + type(text)
    }

    /// As `edit`, then Enter.
    static func set(_ name: String, to text: String) -> [Key] { edit(name, to: text) + [.enter] }

    /// Jumps to `name` and presses Space.
    static func toggle(_ name: String) -> [Key] { find(name) + [.character(" ")] }

    /// How a key sequence reads in a golden file's header: runs of characters as words.
    static func describe(_ keys: [Key]) -> String {
        var words: [String] = []
        var run = ""
        func flush() {
            if !run.isEmpty { words.append(run) }
            run = ""
        }
        for key in keys {
            if case .character(let character) = key, character != " " {
                run.append(character)
                continue
            }
            flush()
            switch key {
            case .character: words.append("␣")
            case .control(let character): words.append("^" + character.uppercased())
            case .enter: words.append("⏎")
            case .escape: words.append("Esc")
            case .tab: words.append("Tab")
            case .backTab: words.append("BackTab")
            case .backspace: words.append("⌫")
            case .delete: words.append("Del")
            case .up: words.append("↑")
            case .down: words.append("↓")
            case .left: words.append("←")
            case .right: words.append("→")
            case .pageUp: words.append("PgUp")
            case .pageDown: words.append("PgDn")
            case .home: words.append("Home")
            case .end: words.append("End")
            case .function(let number): words.append("F\(number)")
            case .resize(let size): words.append("resize \(size.columns)x\(size.rows)")
            }
        }
        flush()
        return words.joined(separator: " ")
    }
}

extension EditorState {
    static let standardSize = Size(columns: 80, rows: 24)

    /// A fresh editor on the default configuration, for QEMU 9.0 unless told otherwise.
    static func fresh(size: Size = standardSize, profilePath: String? = nil, version: QEMUVersion = .standard) -> EditorState {
        EditorState(version: version, profilePath: profilePath, size: size)
    }

    /// Presses every key in turn and returns all effects they produced.
    @discardableResult
    mutating func press(_ keys: [Key]) -> [EditorEffect] {
        keys.flatMap { update(&self, .key($0)) }
    }

    @discardableResult
    mutating func press(_ keys: Key...) -> [EditorEffect] { press(keys) }

    /// The current value of a setting, by name (of any release).
    subscript(name: String) -> Value {
        document.configuration[itemID(name)]
    }
}

/// A setting of any release by its QAPI or property name.
func itemID(_ name: String) -> ItemID {
    ItemID.allCases.first { $0.item.name == name || $0.item.property == name }!
}

/// A subject by name: `host.<fact>` or a setting name (of any release).
func subject(_ name: String) -> Subject {
    if name.hasPrefix("host."), let fact = HostFact(rawValue: String(name.dropFirst(5))) { return .host(fact) }
    return .item(itemID(name))
}
