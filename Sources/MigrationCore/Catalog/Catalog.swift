/// All settings of one QEMU release, indexed by `ItemID.rawValue` and in catalog order
/// (capabilities, parameters, compat properties), with lookups by every name a user may type.
public struct Catalog: Sendable {
    /// The QEMU release this catalog describes.
    public let version: String
    public let items: [Item]
    private let byName: [String: ItemID]

    init(version: String, items: [Item]) {
        precondition(items.enumerated().allSatisfy { $0.offset == $0.element.id.rawValue })
        self.version = version
        self.items = items
        var names: [String: ItemID] = [:]
        for item in items {
            names[item.name] = item.id
            if let property = item.property { names[property] = item.id }
        }
        byName = names
    }

    /// QEMU 9.0.0: the reference revision plus the `zero-page-detection` parameter.
    public static let qemu90 = Catalog(
        version: "9.0", items: capabilities90 + parameters90 + properties90)

    /// The item a QAPI name or `-global` property name (`multifd`, `x-multifd`) refers to.
    public func item(named name: String) -> Item? {
        byName[name].map { items[$0.rawValue] }
    }

    /// Every name a user may type, for suggestions.
    public var allNames: [String] { byName.keys.sorted() }

    /// The item name closest to `name`, for "did you mean" hints.
    public func suggestion(for name: String) -> String? {
        closestName(to: name, among: allNames)
    }
}

/// The candidate nearest to `name` by edit distance, when it is near enough to be a plausible
/// typo: at most a third of the name's length away, and always within two edits.
public func closestName(to name: String, among candidates: [String]) -> String? {
    var best: (name: String, distance: Int)?
    for candidate in candidates {
        let distance = editDistance(name, candidate)
        if distance < (best?.distance ?? Int.max) { best = (candidate, distance) }
    }
    guard let best, best.distance <= max(2, name.count / 3), best.distance < name.count else { return nil }
    return best.name
}

/// Levenshtein distance over characters.
func editDistance(_ a: String, _ b: String) -> Int {
    let a = Array(a), b = Array(b)
    if a.isEmpty { return b.count }
    if b.isEmpty { return a.count }
    var previous = Array(0...b.count)
    var current = previous
    for i in 1...a.count {
        current[0] = i
        for j in 1...b.count {
            let cost = a[i - 1] == b[j - 1] ? 0 : 1
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
        }
        swap(&previous, &current)
    }
    return previous[b.count]
}
