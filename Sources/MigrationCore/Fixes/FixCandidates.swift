/// The changes worth trying for one subject of a broken rule, nearest first. They come from the
/// item's type (and this release's choices) or the host fact's values, never from a list per
/// rule, so a new rule gets fixes without new code. The search validates each with the checker.
enum FixCandidates {
    /// The changes to try for `subject` to clear `rule`: the other state of a toggle; the other
    /// choices of an enum (the default first); for a number the nearest value above and below
    /// that clears the rule, then the default; for strings and lists the default (empty);
    /// for host facts the other values (the standard host's first). Defaults are the
    /// configuration's: its machine type's where it has one.
    static func changes(
        for subject: Subject, in configuration: Configuration, on host: Host, catalog: Catalog, clearing rule: Rule
    ) -> [Fix.Change] {
        switch subject {
        case .item(let id):
            guard let item = catalog.item(id) else { return [] }
            return values(for: item, in: configuration, on: host, clearing: rule).map { .setting(id, $0) }
        case .host(let fact):
            return hostValues(for: fact, on: host).map { .host(fact, $0) }
        }
    }

    private static func values(for item: Item, in configuration: Configuration, on host: Host, clearing rule: Rule) -> [Value] {
        let current = configuration[item.id]
        let defaultValue = configuration.defaultValue(of: item.id)
        var values: [Value]
        switch item.type {
        case .bool:
            return [.bool(!current.isOn)]
        case .enumeration(let choices):
            let all = choices.map { Value.choice($0) }
            values = all.filter { $0 == defaultValue } + all.filter { $0 != defaultValue }
        case .uint8, .uint32, .uint64, .size:
            var trial = configuration
            let numbers = nearestNumbers(around: current.number, upTo: item.type.maximum ?? .max) { number in
                trial[item.id] = .number(number)
                return !rule.isViolated(by: trial, on: host)
            }
            values = numbers.map { Value.number($0) } + [defaultValue]
        case .string, .bitmapMapping, .stringList:
            values = [defaultValue]
        }
        var unique: [Value] = []
        for value in values where value != current && !unique.contains(value) { unique.append(value) }
        return unique
    }

    private static func hostValues(for fact: HostFact, on host: Host) -> [String] {
        let current = host.value(of: fact)
        let standard = Host.standard.value(of: fact)
        let values: [String]
        switch fact {
        case .pageSize:
            values = [standard]
        case .compressionMethods:
            // A build with one more method: the one a refused multifd-compression choice needs.
            values = CompressionMethods.all.filter { !host.compressionMethods.contains($0.method) }
                .map { host.compressionMethods.union($0.method).text }
        default:
            let choices = fact.choices ?? []
            values = choices.filter { $0 == standard } + choices.filter { $0 != standard }
        }
        return values.filter { $0 != current }
    }

    /// The nearest numbers above and below `current` (within 0...maximum) that `clears`, nearer
    /// first. Each direction tries ±1 steps doubling until one clears, then bisects back to the
    /// boundary (exact for range checks), and the powers of two that way (for power-of-two
    /// checks); the nearer of the two wins.
    static func nearestNumbers(around current: UInt64, upTo maximum: UInt64, clears: (UInt64) -> Bool) -> [UInt64] {
        let above = [stepping(from: current, toward: maximum, clears), powerOfTwoUp(from: current, to: maximum, clears)]
            .compactMap { $0 }.min()
        let below = [stepping(from: current, toward: 0, clears), powerOfTwoDown(from: current, clears)].compactMap { $0 }.max()
        switch (above, below) {
        case let (above?, below?): return above - current <= current - below ? [above, below] : [below, above]
        case let (above?, nil): return [above]
        case let (nil, below?): return [below]
        case (nil, nil): return []
        }
    }

    /// A value towards `limit` that clears, the nearest to `current` when the clearing values
    /// form a range: probes at doubling distances until one clears, then bisects between it and
    /// the last failing probe.
    private static func stepping(from current: UInt64, toward limit: UInt64, _ clears: (UInt64) -> Bool) -> UInt64? {
        func distance(_ a: UInt64, _ b: UInt64) -> UInt64 { a > b ? a - b : b - a }
        let upward = limit > current
        var failing = current, step: UInt64 = 1
        while failing != limit {
            let probe = distance(failing, limit) <= step ? limit : upward ? failing + step : failing - step
            if clears(probe) {
                var failed = failing, cleared = probe
                while distance(failed, cleared) > 1 {
                    let middle = min(failed, cleared) + distance(failed, cleared) / 2
                    if clears(middle) { cleared = middle } else { failed = middle }
                }
                return cleared
            }
            failing = probe
            step = step > UInt64.max / 2 ? step : step * 2
        }
        return nil
    }

    private static func powerOfTwoUp(from current: UInt64, to maximum: UInt64, _ clears: (UInt64) -> Bool) -> UInt64? {
        guard current.leadingZeroBitCount > 0 else { return nil }
        var power: UInt64 = current == 0 ? 1 : 1 << UInt64(64 - current.leadingZeroBitCount)
        while power <= maximum {
            if clears(power) { return power }
            guard power.leadingZeroBitCount > 0 else { return nil }
            power <<= 1
        }
        return nil
    }

    private static func powerOfTwoDown(from current: UInt64, _ clears: (UInt64) -> Bool) -> UInt64? {
        guard current > 1 else { return nil }
        var power: UInt64 = 1 << UInt64(63 - (current - 1).leadingZeroBitCount)
        while power > 0 {
            if clears(power) { return power }
            power >>= 1
        }
        return nil
    }
}
