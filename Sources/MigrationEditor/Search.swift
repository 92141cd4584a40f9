import MigrationCore

/// The matches of one search, best first, and which one is current.
public struct SearchResults: Hashable, Sendable {
    public let query: String
    /// The release whose entries were searched.
    public let version: QEMUVersion
    public let matches: [Subject]
    /// The index in `matches` of the match shown.
    public internal(set) var current = 0

    init(query: String, version: QEMUVersion) {
        self.query = query
        self.version = version
        matches = SearchIndex.matches(for: query, in: version)
    }

    var currentMatch: Subject? { matches.isEmpty ? nil : matches[current] }

    mutating func step(by delta: Int) {
        guard !matches.isEmpty else { return }
        current = ((current + delta) % matches.count + matches.count) % matches.count
    }
}

/// The search prompt while it is open: the query being typed, its live results, and where the
/// user was before, so Esc can put everything back.
public struct SearchSession: Hashable, Sendable {
    /// The query typed so far.
    public internal(set) var field = TextField()
    /// Its matches, recomputed on every keystroke.
    public internal(set) var results: SearchResults
    let origin: Subject
    let originFilter: Filter

    init(origin: Subject, originFilter: Filter, version: QEMUVersion) {
        results = SearchResults(query: "", version: version)
        self.origin = origin
        self.originFilter = originFilter
    }
}

/// Multi-term search over one release's entries: their names (QAPI name, `-global` property, with or without
/// `migration.` and `x-`) and descriptions. Every term must match. An entry named exactly by the
/// query comes first, then entries whose names match every term, then those found through their
/// descriptions, each group in list order (so `block` finds `block` before `zero-blocks`).
/// Each release has its own index (see `Release`), built once: items it lacks are not found,
/// and a property it does not have is not searched.
struct SearchIndex: Sendable {
    /// An entry's searchable text, lower-cased once, as bytes for a fast substring scan.
    private struct Haystack: Sendable {
        let subject: Subject
        let exactNames: Set<String>
        let names: [UInt8]
        let description: [UInt8]
    }

    private let haystacks: [Haystack]

    /// The index of a release's entries, with that release's item views.
    init(catalog: Catalog, subjects: [Subject]) {
        haystacks = subjects.map { subject in
            switch subject {
            case .item(let id):
                let item = catalog.item(id) ?? id.item
                let names = [item.name, item.property.map { "migration." + $0 }].compactMap { $0 }
                let exact: [String?] = [item.name, "x-" + item.name, item.property, item.property.map { "migration." + $0 }]
                return Haystack(
                    subject: subject, exactNames: Set(exact.compactMap { $0 }),
                    names: Array(names.joined(separator: "\n").lowercased().utf8),
                    description: Array(item.summary.lowercased().utf8))
            case .host(let fact):
                return Haystack(
                    subject: subject, exactNames: [fact.rawValue, "host." + fact.rawValue],
                    names: Array(("host." + fact.rawValue).utf8),
                    description: Array(fact.summary.lowercased().utf8))
            }
        }
    }

    /// The matches in a release's entries, best first.
    static func matches(for query: String, in version: QEMUVersion) -> [Subject] {
        Release.for(version).searchIndex.matches(for: query)
    }

    func matches(for query: String) -> [Subject] {
        let terms = query.lowercased().split(whereSeparator: \.isWhitespace).map { Term(String($0)) }
        guard !terms.isEmpty else { return [] }
        let whole = terms.count == 1 ? query.lowercased().trimmingWhitespace : nil
        var exact: [Subject] = [], byName: [Subject] = [], byDescription: [Subject] = []
        for haystack in haystacks {
            if let whole, haystack.exactNames.contains(whole) {
                exact.append(haystack.subject)
            } else if terms.allSatisfy({ $0.occurs(in: haystack.names) }) {
                byName.append(haystack.subject)
            } else if terms.allSatisfy({ $0.occurs(in: haystack.names) || $0.occurs(in: haystack.description) }) {
                byDescription.append(haystack.subject)
            }
        }
        return exact + byName + byDescription
    }

    /// One search word. It also matches without an `x-` prefix, so `x-dirty-bitmaps` finds
    /// `dirty-bitmaps` just as `multifd` finds `x-multifd`.
    private struct Term {
        let bytes: [UInt8]
        let withoutPrefix: [UInt8]?

        init(_ text: String) {
            bytes = Array(text.utf8)
            withoutPrefix = text.hasPrefix("x-") && text.count > 2 ? Array(text.utf8.dropFirst(2)) : nil
        }

        func occurs(in text: [UInt8]) -> Bool {
            Term.find(bytes, in: text) || withoutPrefix.map { Term.find($0, in: text) } == true
        }

        private static func find(_ needle: [UInt8], in text: [UInt8]) -> Bool {
            guard needle.count <= text.count else { return false }
            guard let first = needle.first else { return true }
            var start = 0
            let last = text.count - needle.count
            while start <= last {
                if text[start] == first {
                    var offset = 1
                    while offset < needle.count && text[start + offset] == needle[offset] { offset += 1 }
                    if offset == needle.count { return true }
                }
                start += 1
            }
            return false
        }
    }
}

extension String {
    /// The text without leading and trailing whitespace.
    var trimmingWhitespace: String {
        guard let first = firstIndex(where: { !$0.isWhitespace }), let last = lastIndex(where: { !$0.isWhitespace })
        else { return "" }
        return String(self[first...last])
    }
}
