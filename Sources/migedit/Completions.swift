import ArgumentParser
import MigrationCore

/// What Tab offers where a shell cannot know the words: setting names and then their values,
/// host facts and then theirs, and everything `explain` takes. Shells ask by running
/// `migedit ---completion …` on each Tab, so these read only the release the command line names
/// (`--qemu`, else the default) and build nothing for the others.
enum Completions {
    /// `--set`: `NAME=` for every setting of the release (a `-global` property name too once
    /// the typed text matches one); after `NAME=`, the choices of an enum and on/off for a boolean.
    static let settings = CompletionKind.custom { words, _, prefix in
        let catalog = Catalog.for(release(in: words))
        guard let (name, value) = split(prefix) else {
            let properties = prefix.isEmpty ? [] : catalog.items.compactMap(\.property)
            return matching(Set(catalog.items.map(\.name) + properties).sorted().map { $0 + "=" }, prefix)
        }
        guard let item = catalog.item(named: name) else { return [] }
        return matching(values(of: item.type).map { "\(name)=\($0)" }, "\(name)=\(value)")
    }

    /// `--host`: `FACT=` for every host fact; after `FACT=`, its choices, the default for a
    /// number, and for compression-methods one more method after each comma (none after none).
    static let hostFacts = CompletionKind.custom { _, _, prefix in
        guard let (name, value) = split(prefix) else {
            return matching(HostFact.allCases.map { $0.rawValue + "=" }, prefix)
        }
        guard let fact = HostFact(rawValue: name) else { return [] }
        let candidates: [String]
        switch fact {
        case .compressionMethods:
            let listed = value.split(separator: ",", omittingEmptySubsequences: false).dropLast().map(String.init)
            let start = listed.map { $0 + "," }.joined()
            let methods = listed.contains("none") ? [] : CompressionMethods.names.filter { !listed.contains($0) }
            candidates = (listed.isEmpty ? ["none"] : []).map { start + $0 } + methods.map { start + $0 }
        default:
            candidates = fact.choices ?? [Host.standard.value(of: fact)]
        }
        return matching(candidates.map { "\(name)=\($0)" }, prefix)
    }

    /// `explain`: every rule id of the release, every setting name (QAPI and `-global`) and
    /// every host fact.
    static let explainable = CompletionKind.custom { words, _, prefix in
        let version = release(in: words)
        let names = RuleBook.rules(for: version).map(\.id) + Catalog.for(version).allNames
            + HostFact.allCases.map(\.rawValue)
        return matching(Set(names).sorted(), prefix)
    }

    /// The QEMU releases, for `--qemu`.
    static let releases = CompletionKind.list(QEMUVersion.allCases.map(\.rawValue))

    /// Profiles are JSON files.
    static let profiles = CompletionKind.file(extensions: ["json"])

    /// The release a command line names with `--qemu VERSION` or `--qemu=VERSION` (the last
    /// one wins, as when parsing), else the default.
    static func release(in words: [String]) -> QEMUVersion {
        var named: String?
        for (index, word) in words.enumerated() {
            if word == "--qemu", index + 1 < words.count {
                named = words[index + 1]
            } else if word.hasPrefix("--qemu=") {
                named = String(word.dropFirst("--qemu=".count))
            }
        }
        return named.flatMap(QEMUVersion.init(parsing:)) ?? .standard
    }

    /// What an `--set` or `--host` word has on each side of its first `=`; nil before it.
    private static func split(_ word: String) -> (String, String)? {
        guard let equals = word.firstIndex(of: "=") else { return nil }
        return (String(word[..<equals]), String(word[word.index(after: equals)...]))
    }

    /// The values worth offering for a type: the spellings QEMU prints for booleans, the
    /// release's choices for enums, nothing for numbers and text.
    private static func values(of type: ValueType) -> [String] {
        switch type {
        case .bool: return ["on", "off"]
        case .enumeration(let choices): return choices
        default: return []
        }
    }

    private static func matching(_ candidates: [String], _ prefix: String) -> [String] {
        candidates.filter { $0.hasPrefix(prefix) }
    }
}
