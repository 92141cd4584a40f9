extension Fix {
    /// One change as a name and a value the way the command line spells them: a setting's
    /// value in QEMU's `-global` syntax, a host fact's as `--host` takes it. The CLI joins them
    /// with `=` after `--set` or `--host`; the editor labels its undo entries with them, so
    /// both name a fix the same way.
    public struct Words: Hashable, Sendable {
        public let name: String
        public let value: String
    }

    /// The settings the fix changes, in words, with the value types of `version`'s catalog.
    public func settingWords(for version: QEMUVersion) -> [Words] {
        let catalog = Catalog.for(version)
        return settings.map { id, value in
            Words(name: id.item.name, value: ValueFormatter.globalText(value, as: (catalog.item(id) ?? id.item).type))
        }
    }

    /// The host facts the fix needs, in words.
    public var hostFactWords: [Words] {
        hostFacts.map { Words(name: $0.fact.rawValue, value: $0.value) }
    }
}
