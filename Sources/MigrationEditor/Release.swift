import MigrationCore

/// What the editor needs of one QEMU release, worked out once per release and shared by every
/// state: its catalog and checker, its entries per section, its list rows and its search index.
/// Per-keystroke work looks these up instead of filtering the catalog again.
final class Release: Sendable {
    let version: QEMUVersion
    let catalog: Catalog
    let checker: Checker
    /// The entries of each section, in `Section.allCases` order.
    let sectionSubjects: [[Subject]]
    /// Every entry in list order.
    let subjects: [Subject]
    /// The list with every section shown.
    let allRows: [Row]
    let searchIndex: SearchIndex

    private init(_ version: QEMUVersion) {
        self.version = version
        let catalog = Catalog.for(version)
        self.catalog = catalog
        checker = Checker.for(version)
        sectionSubjects = Section.allCases.map { section in
            switch section.kind {
            case let kind?: return catalog.items.filter { $0.kind == kind }.map { .item($0.id) }
            case nil: return HostFact.allCases.map { .host($0) }
            }
        }
        subjects = sectionSubjects.flatMap { $0 }
        allRows = zip(Section.allCases, sectionSubjects).flatMap { section, subjects in
            [Row.heading(section)] + subjects.map { Row.entry($0) }
        }
        searchIndex = SearchIndex(catalog: catalog, subjects: subjects)
    }

    private static let all = PerRelease { Release($0) }

    /// The release's data, built the first time the editor shows that release: opening a 9.0
    /// profile builds 9.0's only, and the version picker builds the others as it visits them.
    static func `for`(_ version: QEMUVersion) -> Release { all[version] }

    /// This release's view of an item: its choices, its `-global` property (if it has one
    /// here) and whether it is deprecated here. Falls back to the union definition for items
    /// the release does not have, which the editor never shows.
    func item(_ id: ItemID) -> Item { catalog.item(id) ?? id.item }
}

extension Profile {
    /// The data of the release the document is for.
    var release: Release { Release.for(version) }

    /// The document's release's view of an item.
    func item(_ id: ItemID) -> Item { release.item(id) }
}

/// A short, factual note per release for the version picker: where it ships and what changed
/// in migration. The notes name only settings whose catalog entries say the same (tests check).
enum ReleaseNotes {
    static func hint(for version: QEMUVersion) -> String {
        switch version {
        case .v7_2: return "Debian 12 · has x-postcopy-preempt-break-huge"
        case .v8_0: return "adds x-preempt-pre-7-2"
        case .v8_1: return "adds switchover-ack, dirty-limit"
        case .v8_2: return "Ubuntu 24.04 · deprecates compress, block"
        case .v9_0: return "reference · RHEL 9 · adds mapped-ram"
        case .v9_1: return "RHEL 9 · removes compress, block"
        case .v9_2: return "adds multifd qatzip · deprecates zero-blocks"
        case .v10_0: return "Debian 13 · adds cpr-transfer, send-switchover-start"
        case .v10_1: return "postcopy-blocktime gets a -global property"
        case .v10_2: return "adds cpr-exec"
        }
    }
}
