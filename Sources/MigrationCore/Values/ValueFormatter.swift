/// Turns values back into text: the exact form QEMU reads, and a short form people read.
public enum ValueFormatter {
    /// The text to put after `=` in `-global migration.PROP=` (and in HMP for non-size types):
    /// parses back to the same Value with ValueParser.
    ///
    /// Sizes use the largest binary suffix that divides them exactly (`67108864` → `64M`) so the
    /// exported command line stays readable without ever rounding. Lists (a bitmap mapping, the
    /// cpr-exec argv) have no `-global` form; they come out as the compact QMP JSON list, the
    /// only form QEMU accepts.
    public static func globalText(_ value: Value, as type: ValueType) -> String {
        switch value {
        case .bool(let isOn):
            return isOn ? "on" : "off"
        case .number(let number):
            return type == .size ? sizeGlobalText(number) : String(number)
        case .choice(let text), .text(let text):
            return text
        case .bitmapMapping, .stringList:
            return ValueJSON.encode(value).serialized()
        }
    }

    /// A compact human form for the editor list, e.g. sizes "64 MiB", "1.5 GiB" only when exact,
    /// else bytes "1000 B"; bools "on"/"off"; strings quoted only when empty (`""`).
    ///
    /// A size is shown in a binary unit only when it is a whole number of quarters of that unit,
    /// so the shown figure is never rounded and never needs more than two decimals.
    public static func displayText(_ value: Value, as type: ValueType) -> String {
        switch value {
        case .bool(let isOn):
            return isOn ? "on" : "off"
        case .number(let number):
            return type == .size ? sizeDisplayText(number) : String(number)
        case .choice(let text):
            return text
        case .text(let text):
            return text.isEmpty ? "\"\"" : text
        case .bitmapMapping(let nodes):
            return bitmapMappingSummary(nodes)
        case .stringList(let words):
            return words.isEmpty ? "none" : words.map(ShellWords.quote).joined(separator: " ")
        }
    }

    private static let suffixes: [(shift: UInt64, letter: String, unit: String)] = [
        (60, "E", "EiB"), (50, "P", "PiB"), (40, "T", "TiB"),
        (30, "G", "GiB"), (20, "M", "MiB"), (10, "K", "KiB"),
    ]

    private static func sizeGlobalText(_ bytes: UInt64) -> String {
        for suffix in suffixes where bytes != 0 && bytes % (1 << suffix.shift) == 0 {
            return String(bytes >> suffix.shift) + suffix.letter
        }
        return String(bytes)
    }

    private static func sizeDisplayText(_ bytes: UInt64) -> String {
        for suffix in suffixes {
            let unit: UInt64 = 1 << suffix.shift
            guard bytes >= unit, bytes % (unit / 4) == 0 else { continue }
            let quarters = (bytes % unit) / (unit / 4)
            let decimals = ["", ".25", ".5", ".75"][Int(quarters)]
            return String(bytes >> suffix.shift) + decimals + " " + suffix.unit
        }
        return String(bytes) + " B"
    }

    private static func bitmapMappingSummary(_ nodes: [BitmapNodeAlias]) -> String {
        guard !nodes.isEmpty else { return "none" }
        let bitmaps = nodes.reduce(0) { $0 + $1.bitmaps.count }
        let nodeWord = nodes.count == 1 ? "node" : "nodes"
        let bitmapWord = bitmaps == 1 ? "bitmap" : "bitmaps"
        return "\(nodes.count) \(nodeWord), \(bitmaps) \(bitmapWord)"
    }
}
