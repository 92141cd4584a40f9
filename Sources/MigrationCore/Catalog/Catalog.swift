/// The settings of one QEMU release, in catalog order (capabilities, parameters, compat
/// properties), with lookups by every name a user may type.
public struct Catalog: Sendable {
    /// The release this catalog describes.
    public let version: QEMUVersion
    /// The release's items, in catalog order.
    public let items: [Item]
    private let byID: [Item?]
    private let byName: [String: ItemID]

    init(version: QEMUVersion) {
        self.version = version
        let specialized = Catalog.definitions.map { $0.specialized(for: version) }
        byID = specialized
        items = specialized.compactMap { $0 }
        var names: [String: ItemID] = [:]
        for item in items {
            names[item.name] = item.id
            if let property = item.property { names[property] = item.id }
        }
        byName = names
    }

    /// Every item of every release, as the newest release that has it defines it, in `ItemID`
    /// order (so indexable by `ItemID.rawValue`): the definitions' own order in their files does
    /// not matter, and a test checks that every id has exactly one.
    static let definitions: [Item] = (capabilities + parameters + properties).sorted { $0.id.rawValue < $1.id.rawValue }

    private static let catalogs = PerRelease { Catalog(version: $0) }

    /// The catalog of a release, built on first use.
    public static func `for`(_ version: QEMUVersion) -> Catalog {
        catalogs[version]
    }

    /// QEMU 9.0.0: the reference revision plus the `zero-page-detection` parameter.
    public static var qemu90: Catalog { .for(.v9_0) }

    /// This release's view of an item, or nil when the release does not have it.
    public func item(_ id: ItemID) -> Item? { byID[id.rawValue] }

    public func contains(_ id: ItemID) -> Bool { byID[id.rawValue] != nil }

    /// The item a QAPI name or `-global` property name (`multifd`, `x-multifd`) refers to.
    public func item(named name: String) -> Item? {
        byName[name].flatMap { byID[$0.rawValue] }
    }

    /// Every name a user may type, for suggestions.
    public var allNames: [String] { byName.keys.sorted() }

    /// The item name closest to `name`, for "did you mean" hints.
    public func suggestion(for name: String) -> String? {
        closestName(to: name, among: allNames)
    }

    /// Why `name` is not in this release when another release has it ("removed in 9.1",
    /// "added in 8.1"), or nil when no release knows the name.
    public func absence(of name: String) -> String? {
        guard let definition = Catalog.definitions.first(where: { $0.name == name || $0.property == name }) else {
            return nil
        }
        if !definition.versions.contains(version) {
            return version < definition.versions.first
                ? "\(definition.name) is new in QEMU \(definition.versions.first)"
                : "\(definition.name) was removed after QEMU \(definition.versions.last)"
        }
        if definition.property == name, definition.name != name {
            return "\(definition.name) has no -global property in QEMU \(version)"
                + (definition.propertyVersions.first > version ? " (it has one from \(definition.propertyVersions.first))" : "")
        }
        return nil
    }
}
