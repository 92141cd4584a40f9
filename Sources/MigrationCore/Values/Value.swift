/// One setting's value. Numbers (integers and sizes alike) are stored as the unsigned 64-bit
/// quantity QEMU stores, so range checks compare exactly what QEMU would compare.
public enum Value: Hashable, Sendable {
    case bool(Bool)
    case number(UInt64)
    case choice(String)
    case text(String)
    case bitmapMapping([BitmapNodeAlias])
    case stringList([String])

    /// The boolean, or false for any other case; rules only ask this of boolean items.
    @inlinable public var isOn: Bool {
        if case .bool(let value) = self { return value }
        return false
    }

    /// The number, or 0 for any other case; rules only ask this of numeric items.
    @inlinable public var number: UInt64 {
        if case .number(let value) = self { return value }
        return 0
    }

    /// The string of a text or enum value, or "" otherwise.
    @inlinable public var string: String {
        switch self {
        case .text(let value), .choice(let value): return value
        default: return ""
        }
    }
}

/// The shape of a setting's values, mirroring the QOM property type behind `-global`
/// (or the QAPI type for settings that have no property).
public enum ValueType: Hashable, Sendable {
    case bool
    case uint8
    case uint32
    case uint64
    /// A byte count parsed with QEMU's size syntax (K/M/G/T/P/E suffixes, powers of 1024).
    case size
    case enumeration([String])
    case string
    /// `block-bitmap-mapping`: a QMP-only list of node and bitmap aliases.
    case bitmapMapping
    /// `cpr-exec-command`: a QMP-only list of strings (an argv).
    case stringList

    /// The largest value the C type can hold, for integer and size types.
    public var maximum: UInt64? {
        switch self {
        case .uint8: return UInt64(UInt8.max)
        case .uint32: return UInt64(UInt32.max)
        case .uint64, .size: return UInt64.max
        default: return nil
        }
    }

    /// How a `-global` value of the type is written: what the parse errors say a value
    /// "expects", and what the manual lists.
    public var syntax: String {
        switch self {
        case .bool: return "on|off|yes|no|true|false|y|n"
        case .uint8, .uint32, .uint64: return "an integer 0..\(maximum ?? UInt64.max)"
        case .size: return "a size in bytes with an optional K/M/G/T/P/E suffix"
        case .enumeration(let values): return "one of " + values.joined(separator: "|")
        case .string: return "any text"
        case .bitmapMapping, .stringList: return "a JSON list, through QMP or a profile (no -global form)"
        }
    }

    /// A short human name used in messages and the editor's detail pane.
    public var displayName: String {
        switch self {
        case .bool: return "bool"
        case .uint8: return "uint8"
        case .uint32: return "uint32"
        case .uint64: return "uint64"
        case .size: return "size"
        case .enumeration(let values): return "enum (" + values.joined(separator: "|") + ")"
        case .string: return "string"
        case .bitmapMapping: return "bitmap alias list"
        case .stringList: return "list of strings"
        }
    }
}

/// One entry of `block-bitmap-mapping`: which block node's bitmaps migrate, under which alias.
public struct BitmapNodeAlias: Hashable, Sendable {
    public var nodeName: String
    public var alias: String
    public var bitmaps: [BitmapAlias]

    public init(nodeName: String, alias: String, bitmaps: [BitmapAlias]) {
        self.nodeName = nodeName
        self.alias = alias
        self.bitmaps = bitmaps
    }
}

/// One bitmap inside a `BitmapNodeAlias`, with the optional `transform.persistent` override.
public struct BitmapAlias: Hashable, Sendable {
    public var name: String
    public var alias: String
    public var persistent: Bool?

    public init(name: String, alias: String, persistent: Bool? = nil) {
        self.name = name
        self.alias = alias
        self.persistent = persistent
    }
}
