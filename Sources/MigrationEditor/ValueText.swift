import MigrationCore

/// How values read in the list and the detail pane: compact, with their unit, and never rounded
/// (the formatter only uses a binary unit when the figure stays exact).
enum ValueText {
    /// `64 MiB`, `128 MiB/s`, `300 ms`, `50%`, `zstd`, `""`.
    static func display(_ value: Value, of item: Item) -> String {
        guard case .number(let number) = value else {
            return ValueFormatter.displayText(value, as: item.type)
        }
        switch item.unit {
        case "bytes": return ValueFormatter.displayText(value, as: .size)
        case "bytes/s": return ValueFormatter.displayText(value, as: .size) + "/s"
        case "%": return String(number) + "%"
        case let unit?: return String(number) + " " + unit
        case nil: return String(number)
        }
    }

    /// The item's default in `document` (its machine type's) as the detail pane states it.
    static func defaultText(of item: Item, in document: Profile) -> String {
        display(document.configuration.defaultValue(of: item.id), of: item)
    }
}
