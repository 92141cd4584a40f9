/// A migration setting as QEMU defines it: its names, type, default, the `-global` property that
/// sets it (if any), and the releases that have it. Items are facts about QEMU, so they are
/// immutable values; `specialized(for:)` gives one release's view of an item.
public struct Item: Sendable {
    public let id: ItemID
    /// The QAPI name (`multifd`, `downtime-limit`) or, for compat properties, the property name.
    public let name: String
    public let kind: ItemKind
    /// The value type; for enums, the choices of the release this view describes.
    public private(set) var type: ValueType
    public let defaultValue: Value
    /// The `-global migration.<property>` name, or nil when QEMU offers no property
    /// (the item is then settable only through QMP or HMP).
    public private(set) var property: String?
    /// The unit of numeric values (`ms`, `bytes`, `bytes/s`, `MB/s`, `%`), for display.
    public let unit: String?
    /// The valid range as QEMU's checks enforce it, in words, for the detail pane.
    public let range: String?
    /// What the setting does and when to use it.
    public let summary: String
    /// QEMU marks it deprecated in this release (it warns, and a later release removes it).
    public private(set) var isDeprecated: Bool
    /// QEMU marks it unstable (`x-` QAPI names): it may change without notice.
    public let isUnstable: Bool
    /// The property exists only in QEMU builds for Linux hosts (`x-zero-copy-send`).
    public let propertyNeedsLinux: Bool
    /// The releases that have the item.
    public let versions: VersionRange
    /// The releases whose `-global` property sets it (within `versions`).
    public let propertyVersions: VersionRange
    /// The releases that mark it deprecated, if any.
    public let deprecatedVersions: VersionRange?
    /// For enums whose choices changed: each span of releases with its choices, oldest first.
    public let choiceHistory: [(versions: VersionRange, choices: [String])]

    init(
        _ id: ItemID, _ name: String, _ kind: ItemKind, _ type: ValueType, _ defaultValue: Value,
        property: String?, unit: String? = nil, range: String? = nil, summary: String,
        unstable: Bool = false, propertyNeedsLinux: Bool = false,
        versions: VersionRange = .all, propertyVersions: VersionRange? = nil,
        deprecated: VersionRange? = nil, choiceHistory: [(versions: VersionRange, choices: [String])] = []
    ) {
        self.id = id
        self.name = name
        self.kind = kind
        self.type = choiceHistory.last.map { .enumeration($0.choices) } ?? type
        self.defaultValue = defaultValue
        self.property = property
        self.unit = unit
        self.range = range
        self.summary = summary
        isUnstable = unstable
        self.propertyNeedsLinux = propertyNeedsLinux
        self.versions = versions
        self.propertyVersions = propertyVersions ?? versions
        deprecatedVersions = deprecated
        isDeprecated = deprecated?.contains(.newest) ?? false
        self.choiceHistory = choiceHistory
    }

    /// The item as `version` has it, or nil when that release does not have it.
    public func specialized(for version: QEMUVersion) -> Item? {
        guard versions.contains(version) else { return nil }
        var item = self
        if !propertyVersions.contains(version) { item.property = nil }
        item.isDeprecated = deprecatedVersions?.contains(version) ?? false
        if let choices = choiceHistory.first(where: { $0.versions.contains(version) })?.choices {
            item.type = .enumeration(choices)
        }
        return item
    }

    /// The `-global` property on a given host: nil when the item has none there.
    public func property(on host: Host) -> String? {
        if propertyNeedsLinux && host.os != .linux { return nil }
        return property
    }

    /// Whether QEMU's `query-migrate-*` replies always list the item: `block-bitmap-mapping` is
    /// left out until it is set and `cpr-exec-command` while it is empty.
    public var isAlwaysReportedByQuery: Bool { type != .bitmapMapping && type != .stringList }
}
