/// A set of rule positions (indices into `Checker.rules`) in two machine words, so the checker
/// and the what-if query can collect violations without allocating.
public struct RuleSet: Hashable, Sendable, Sequence {
    @usableFromInline var low: UInt64 = 0
    @usableFromInline var high: UInt64 = 0

    public static let capacity = 128

    public init() {}

    @inlinable public mutating func insert(_ index: Int) {
        if index < 64 { low |= 1 << UInt64(index) } else { high |= 1 << UInt64(index - 64) }
    }

    @inlinable public func contains(_ index: Int) -> Bool {
        index < 64 ? low & (1 << UInt64(index)) != 0 : high & (1 << UInt64(index - 64)) != 0
    }

    @inlinable public var isEmpty: Bool { low == 0 && high == 0 }

    @inlinable public var count: Int { low.nonzeroBitCount + high.nonzeroBitCount }

    @inlinable public func subtracting(_ other: RuleSet) -> RuleSet {
        var result = self
        result.low &= ~other.low
        result.high &= ~other.high
        return result
    }

    @inlinable public func intersection(_ other: RuleSet) -> RuleSet {
        var result = self
        result.low &= other.low
        result.high &= other.high
        return result
    }

    /// The positions in ascending (QEMU) order.
    public func makeIterator() -> Iterator { Iterator(low: low, high: high) }

    /// Walks the set bits low to high without allocating.
    public struct Iterator: IteratorProtocol {
        var low: UInt64
        var high: UInt64

        public mutating func next() -> Int? {
            if low != 0 {
                let index = low.trailingZeroBitCount
                low &= low - 1
                return index
            }
            if high != 0 {
                let index = high.trailingZeroBitCount
                high &= high - 1
                return 64 + index
            }
            return nil
        }
    }
}
