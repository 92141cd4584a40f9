/// The values of every migration setting, indexed by `ItemID`. Starts at QEMU's defaults (or a
/// machine type's, see `MachineType.defaults(in:)`); a setting "is set" when its value differs
/// from its default, which is what exports emit, so a fragment never resets what the machine
/// type set.
///
/// Beside the values it keeps one unsigned "scalar" per item, which is all QEMU's checks need:
/// a boolean as 0/1, a number as itself, an enum as its choice index (0 = QEMU's neutral first
/// choice), a string as 0 when empty. Rules read scalars only, so a full check touches no
/// reference-counted storage and stays near a microsecond.
public struct Configuration: Hashable, Sendable {
    public private(set) var values: [Value]
    /// The value each setting has when nothing sets it: the catalog's, or a machine type's.
    public private(set) var defaults: [Value]
    @usableFromInline private(set) var scalars: [UInt64]

    /// QEMU's defaults (the same in every release that has a setting).
    public init() {
        self.init(defaults: Catalog.definitions.map(\.defaultValue))
    }

    /// Every setting at `defaults` (one value per `ItemID`, in order).
    init(defaults: [Value]) {
        values = defaults
        self.defaults = defaults
        scalars = zip(defaults, Catalog.definitions).map { Configuration.scalar(of: $0, type: $1.type) }
    }

    public subscript(id: ItemID) -> Value {
        get { values[id.rawValue] }
        set {
            values[id.rawValue] = newValue
            scalars[id.rawValue] = Configuration.scalar(of: newValue, type: id.item.type)
        }
    }

    /// Whether a capability or boolean setting is on.
    @inlinable public func isOn(_ id: ItemID) -> Bool { scalars[id.rawValue] != 0 }

    /// A numeric setting's value.
    @inlinable public func number(_ id: ItemID) -> UInt64 { scalars[id.rawValue] }

    /// Whether an enum is off its first choice or a string is non-empty (multifd-compression
    /// other than none, tls-creds set).
    @inlinable public func isNonNeutral(_ id: ItemID) -> Bool { scalars[id.rawValue] != 0 }

    /// The items whose value differs from QEMU's default, in catalog order.
    public var changedItems: [ItemID] {
        ItemID.allCases.filter { isChanged($0) }
    }

    public func isChanged(_ id: ItemID) -> Bool {
        values[id.rawValue] != defaults[id.rawValue]
    }

    /// The value `id` has when nothing sets it.
    public func defaultValue(of id: ItemID) -> Value { defaults[id.rawValue] }

    /// Takes `base`'s defaults, moving every unchanged setting to its new default and keeping
    /// the changed ones: what switching the machine type or release does to a profile.
    public mutating func rebase(onto base: Configuration) {
        for id in ItemID.allCases where !isChanged(id) { self[id] = base.defaults[id.rawValue] }
        defaults = base.defaults
    }

    /// The changed values a switch to `version` cannot keep, in catalog order: settings that
    /// release lacks, and enum choices it does not offer (multifd-compression=qpl before 9.1,
    /// mode=cpr-transfer before 10.0).
    public func valuesLost(movingTo version: QEMUVersion) -> [ItemID] {
        let catalog = Catalog.for(version)
        return changedItems.filter { id in
            guard let item = catalog.item(id) else { return true }
            if case .enumeration(let choices) = item.type, case .choice(let choice) = self[id] {
                return !choices.contains(choice)
            }
            return false
        }
    }

    /// Puts one item back to its default.
    public mutating func reset(_ id: ItemID) {
        self[id] = defaults[id.rawValue]
    }

    static func scalar(of value: Value, type: ValueType) -> UInt64 {
        switch value {
        case .bool(let flag): return flag ? 1 : 0
        case .number(let number): return number
        case .choice(let choice):
            if case .enumeration(let choices) = type, let index = choices.firstIndex(of: choice) {
                return UInt64(index)
            }
            return 0
        case .text(let text): return text.isEmpty ? 0 : 1
        case .bitmapMapping(let nodes): return UInt64(nodes.count)
        case .stringList(let words): return UInt64(words.count)
        }
    }

    public static func == (lhs: Configuration, rhs: Configuration) -> Bool {
        lhs.values == rhs.values && lhs.defaults == rhs.defaults
    }

    public func hash(into hasher: inout Hasher) { hasher.combine(values) }
}
