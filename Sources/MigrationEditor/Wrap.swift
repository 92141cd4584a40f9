import MigrationCore

/// Fitting text to the editor's columns (wrapping itself is `TextWrap`, shared with `explain`).
enum Wrap {
    /// `text` cut to `width` columns, ending in `…` when it had to be cut.
    static func truncated(_ text: String, width: Int) -> String {
        guard width > 0 else { return "" }
        guard text.count > width else { return text }
        return String(text.prefix(width - 1)) + "…"
    }
}

/// A line of text with one style role, as the detail pane and full screens lay them out.
struct StyledLine: Hashable, Sendable {
    var text: String
    var role: StyleRole
    /// Columns of indentation before the text.
    var indent = 0
    /// A line that must stay whole (a line of an export): never wrapped, cut at the screen's
    /// edge with a marker and scrolled sideways instead, so a line copied off the screen is
    /// never half of one line joined with the next.
    var isWhole = false
}

extension Array where Element == StyledLine {
    /// Appends `text` wrapped to `width`, every line with the same role and indent.
    mutating func append(wrapping text: String, role: StyleRole = .normal, indent: Int = 0, width: Int) {
        for line in TextWrap.lines(text, width: width - indent) {
            append(StyledLine(text: line, role: role, indent: indent))
        }
    }
}
