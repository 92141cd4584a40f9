import MigrationCore
import SeededRandom

/// Strings chosen to break naive quoting: shell metacharacters, QEMU's comma, JSON escapes.
public let hostileStrings = [
    "", "plain", "two words", "it's", "\"quoted\"", "$(touch /tmp/migedit-pwned)", "`touch /tmp/migedit-pwned`",
    "a,b", "a,,b", "x=y", "line\nbreak", "tab\there", "semi;colon", "pipe|and&", "*glob?", "~home", "#hash",
    "back\\slash", "ünïcødé ✓", "-global", "--", "$HOME", "!bang", "{a,b}", "\u{1}ctl",
]

extension Configuration {
    /// A random configuration over the given items (one release's view of them), each set
    /// with probability 1/3.
    public static func random(using generator: inout SplitMix64, items: [Item]) -> Configuration {
        var configuration = Configuration()
        for item in items where Int.random(in: 0..<3, using: &generator) == 0 {
            configuration[item.id] = randomValue(for: item, using: &generator)
        }
        return configuration
    }

    public static func randomValue(for item: Item, using generator: inout SplitMix64) -> Value {
        switch item.type {
        case .bool: return .bool(Bool.random(using: &generator))
        case .uint8: return .number(UInt64.random(in: 0...255, using: &generator))
        case .uint32: return .number(UInt64.random(in: 0...UInt64(UInt32.max), using: &generator))
        case .uint64: return .number(generator.next() >> UInt64.random(in: 0...63, using: &generator))
        case .size:
            let base = UInt64.random(in: 0...4096, using: &generator)
            let shift = UInt64(10 * Int.random(in: 0...5, using: &generator))
            return .number(Bool.random(using: &generator) ? base << shift : generator.next() >> 3)
        case .enumeration(let choices): return .choice(choices.randomElement(using: &generator)!)
        case .string: return .text(hostileStrings.randomElement(using: &generator)!)
        case .stringList:
            return .stringList((0..<Int.random(in: 0...3, using: &generator)).map { _ in hostileStrings.randomElement(using: &generator)! })
        case .bitmapMapping:
            return .bitmapMapping([
                BitmapNodeAlias(
                    nodeName: "node\(generator.next() % 100)", alias: "alias-\(generator.next() % 100)",
                    bitmaps: [BitmapAlias(name: hostileStrings.randomElement(using: &generator)!, alias: "b0", persistent: Bool.random(using: &generator) ? true : nil)])
            ])
        }
    }
}

extension Configuration {
    /// A random configuration `checker` accepts on `host`: `random(using:items:)` with, while
    /// QEMU's first error remains, one of its settings (picked at random) put back to its
    /// default. Defaults are always accepted, so it ends; what survives stays random.
    public static func randomAccepted(using generator: inout SplitMix64, checker: Checker, host: Host) -> Configuration {
        let items = Catalog.for(checker.version).items
        var configuration = random(using: &generator, items: items)
        while let error = checker.check(configuration, on: host).firstError {
            let settings = error.subjects.compactMap { subject -> ItemID? in
                if case .item(let id) = subject, configuration.isChanged(id) { return id }
                return nil
            }
            guard let id = settings.randomElement(using: &generator) else { return Configuration() }
            configuration.reset(id)
        }
        return configuration
    }
}
