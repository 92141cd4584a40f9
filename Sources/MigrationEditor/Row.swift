import MigrationCore

/// The list's four sections, in the order they appear.
enum Section: CaseIterable, Hashable, Sendable {
    case capabilities, parameters, properties, host

    var title: String {
        switch self {
        case .capabilities: return "Capabilities"
        case .parameters: return "Parameters"
        case .properties: return "Compatibility properties"
        case .host: return "Host facts"
        }
    }

    /// The entries of the section, in catalog order.
    var subjects: [Subject] {
        switch self {
        case .capabilities: return Section.items(of: .capability)
        case .parameters: return Section.items(of: .parameter)
        case .properties: return Section.items(of: .property)
        case .host: return HostFact.allCases.map { .host($0) }
        }
    }

    private static func items(of kind: ItemKind) -> [Subject] {
        ItemID.allCases.filter { $0.item.kind == kind }.map { .item($0) }
    }
}

/// One line of the list: a section heading or an entry.
enum Row: Hashable, Sendable {
    case heading(Section)
    case entry(Subject)

    /// The entry's subject; nil for headings.
    var subject: Subject? {
        if case .entry(let subject) = self { return subject }
        return nil
    }

    /// Every entry in list order, for search and for finding the nearest visible entry.
    static let allSubjects: [Subject] = Section.allCases.flatMap(\.subjects)

    private static let allRows: [Row] = Section.allCases.flatMap { section in
        [Row.heading(section)] + section.subjects.map { Row.entry($0) }
    }

    /// The rows shown for a document: everything, or only changed entries under their headings
    /// (sections with nothing changed are left out).
    static func rows(for document: Document, filter: Filter) -> [Row] {
        guard filter == .changed else { return allRows }
        var rows: [Row] = []
        for section in Section.allCases {
            let changed = section.subjects.filter(document.isChanged)
            guard !changed.isEmpty else { continue }
            rows.append(.heading(section))
            rows += changed.map { .entry($0) }
        }
        return rows
    }

    /// The visible entry closest to `subject` in list order (the next one, else the previous),
    /// so the focus lands nearby when its own entry disappears from a filtered list.
    static func nearest(to subject: Subject, in rows: [Row]) -> Subject? {
        let visible = Set(rows.compactMap(\.subject))
        guard let start = allSubjects.firstIndex(of: subject) else { return rows.lazy.compactMap(\.subject).first }
        return allSubjects[start...].first(where: visible.contains)
            ?? allSubjects[..<start].last(where: visible.contains)
    }
}
