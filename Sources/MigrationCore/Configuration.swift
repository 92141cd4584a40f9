/// The values of every migration setting, indexed by `ItemID`. Starts at QEMU's defaults;
/// a setting "is set" when its value differs from its default, which is what exports emit.
///
/// Beside the values it keeps one unsigned "scalar" per item, which is all QEMU's checks need:
/// a boolean as 0/1, a number as itself, an enum as its choice index (0 = QEMU's neutral first
/// choice), a string as 0 when empty. Rules read scalars only, so a full check touches no
/// reference-counted storage and stays near a microsecond.
public struct Configuration: Hashable, Sendable {
    public private(set) var values: [Value]
    @usableFromInline private(set) var scalars: [UInt64]

    /// QEMU's defaults (the same in every release that has a setting).
    public init() {
        values = Catalog.definitions.map(\.defaultValue)
        scalars = Catalog.definitions.map { Configuration.scalar(of: $0.defaultValue, type: $0.type) }
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
        values[id.rawValue] != id.item.defaultValue
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
        self[id] = id.item.defaultValue
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

    public static func == (lhs: Configuration, rhs: Configuration) -> Bool { lhs.values == rhs.values }

    public func hash(into hasher: inout Hasher) { hasher.combine(values) }
}
