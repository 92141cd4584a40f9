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

    /// The kind of item the section lists; nil for host facts.
    var kind: ItemKind? {
        switch self {
        case .capabilities: return .capability
        case .parameters: return .parameter
        case .properties: return .property
        case .host: return nil
        }
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

    /// Every entry of every release in list order. Each release's list keeps this order, so it
    /// tells which visible entry is nearest to one that is hidden or that a release lacks.
    private static let unionOrder: [Subject] = Section.allCases.flatMap { section -> [Subject] in
        switch section.kind {
        case let kind?: return ItemID.allCases.filter { $0.item.kind == kind }.map { .item($0) }
        case nil: return HostFact.allCases.map { .host($0) }
        }
    }

    /// The rows shown for a document: its release's entries, all of them or only the changed
    /// ones under their headings (sections with nothing changed are left out).
    static func rows(for document: Profile, filter: Filter) -> [Row] {
        let release = document.release
        guard filter == .changed else { return release.allRows }
        var rows: [Row] = []
        for (section, subjects) in zip(Section.allCases, release.sectionSubjects) {
            let changed = subjects.filter(document.isChanged)
            guard !changed.isEmpty else { continue }
            rows.append(.heading(section))
            rows += changed.map { .entry($0) }
        }
        return rows
    }

    /// The visible entry closest to `subject` in list order (the next one, else the previous),
    /// so the focus lands nearby when its own entry disappears from a filtered list or from the
    /// release just picked.
    static func nearest(to subject: Subject, in rows: [Row]) -> Subject? {
        let visible = Set(rows.compactMap(\.subject))
        guard let start = unionOrder.firstIndex(of: subject) else { return rows.lazy.compactMap(\.subject).first }
        return unionOrder[start...].first(where: visible.contains)
            ?? unionOrder[..<start].last(where: visible.contains)
    }
}
