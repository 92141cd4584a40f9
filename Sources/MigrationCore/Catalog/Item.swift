/// A migration setting as QEMU defines it: its names, type, default and the `-global`
/// property that sets it, if any. Items are facts about QEMU, so they are immutable values.
public struct Item: Sendable {
    public let id: ItemID
    /// The QAPI name (`multifd`, `downtime-limit`) or, for compat properties, the property name.
    public let name: String
    public let kind: ItemKind
    public let type: ValueType
    public let defaultValue: Value
    /// The `-global migration.<property>` name, or nil when QEMU offers no property
    /// (the item is then settable only through QMP or HMP).
    public let property: String?
    /// The unit of numeric values (`ms`, `bytes`, `bytes/s`, `MB/s`, `%`), for display.
    public let unit: String?
    /// The valid range as QEMU's checks enforce it, in words, for the detail pane.
    public let range: String?
    /// What the setting does and when to use it.
    public let summary: String
    /// QEMU marks it deprecated (it warns, and a later release removes it).
    public let isDeprecated: Bool
    /// QEMU marks it unstable (`x-` QAPI names): it may change without notice.
    public let isUnstable: Bool
    /// The property exists only in QEMU builds for Linux hosts (`x-zero-copy-send`).
    public let propertyNeedsLinux: Bool

    init(
        _ id: ItemID, _ name: String, _ kind: ItemKind, _ type: ValueType, _ defaultValue: Value,
        property: String?, unit: String? = nil, range: String? = nil, summary: String,
        deprecated: Bool = false, unstable: Bool = false, propertyNeedsLinux: Bool = false
    ) {
        self.id = id
        self.name = name
        self.kind = kind
        self.type = type
        self.defaultValue = defaultValue
        self.property = property
        self.unit = unit
        self.range = range
        self.summary = summary
        isDeprecated = deprecated
        isUnstable = unstable
        self.propertyNeedsLinux = propertyNeedsLinux
    }

    /// The `-global` property on a given host: nil when the item has none there.
    public func property(on host: Host) -> String? {
        if propertyNeedsLinux && host.os != .linux { return nil }
        return property
    }

    /// The underscore name QEMU's range messages use (`multifd_channels`).
    public var cName: String { String(name.map { $0 == "-" ? "_" : $0 }) }
}
