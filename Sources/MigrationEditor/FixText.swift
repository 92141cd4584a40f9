import MigrationCore

/// How the editor words a fix: `fix: set xbzrle-cache-size = 4 KiB` under a problem, with
/// values as the list shows them, and host facts as what the fix `needs`, since they describe
/// the machine rather than settings the user owns. The key that applies it, when one does, is
/// named in the prefix (`fix (f): …`) so the line itself says how to use it.
enum FixText {
    /// The line under a problem; `key` is the key that applies this fix, if any.
    static func line(_ fix: Fix, in document: Profile, key: String? = nil) -> String {
        let keyText = key.map { " (\($0))" } ?? ""
        let settings = fix.settings.map { id, value in
            let item = document.item(id)
            let text = ValueText.display(value, of: item)
            return item.type == .bool ? "\(item.name) \(text)" : "\(item.name) = \(text)"
        }
        let host = fix.hostFactWords.map { "\($0.name)=\($0.value)" }
        let hostText = "host " + host.joined(separator: ", ")
        guard !settings.isEmpty else { return "needs\(keyText): " + hostText }
        return "fix\(keyText): set " + settings.joined(separator: ", ") + (host.isEmpty ? "" : "; needs: " + hostText)
    }

    /// The undo entry's label: `fix: xbzrle-cache-size = 4096`, in the command line's words.
    static func label(_ fix: Fix, version: QEMUVersion) -> String {
        let settings = fix.settingWords(for: version).map { "\($0.name) = \($0.value)" }
        let host = fix.hostFactWords.map { "host \($0.name)=\($0.value)" }
        return "fix: " + (settings + host).joined(separator: ", ")
    }
}
