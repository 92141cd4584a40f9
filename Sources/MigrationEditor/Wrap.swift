/// Word wrapping for the detail pane and the full screens: breaks at spaces, and inside words
/// only when a single word is wider than the line.
enum Wrap {
    ///
    /// Works on UTF-8 bytes for speed (it runs for every line of the detail pane on every frame).
    /// Every character the editor shows is a single scalar one column wide, so a column is a
    /// byte that does not continue a multi-byte sequence.
    static func lines(_ text: String, width: Int) -> [String] {
        guard width > 0 else { return [] }
        var lines: [String] = []
        var text = text
        text.withUTF8 { bytes in
            func isColumn(_ offset: Int) -> Bool { bytes[offset] & 0xC0 != 0x80 }
            func line(_ start: Int, _ end: Int) -> String {
                String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
            }
            var lineStart = 0, lineEnd = 0, lineColumns = 0
            var index = 0
            while index < bytes.count {
                if bytes[index] == 0x20 {
                    index += 1
                    continue
                }
                var wordEnd = index, wordColumns = 0
                while wordEnd < bytes.count && bytes[wordEnd] != 0x20 {
                    if isColumn(wordEnd) { wordColumns += 1 }
                    wordEnd += 1
                }
                if lineColumns > 0 && lineColumns + 1 + wordColumns <= width {
                    lineEnd = wordEnd
                    lineColumns += 1 + wordColumns
                } else {
                    if lineColumns > 0 { lines.append(line(lineStart, lineEnd)) }
                    lineStart = index
                    while wordColumns > width {
                        var cut = lineStart, columns = 0
                        while columns < width || (cut < wordEnd && !isColumn(cut)) {
                            if isColumn(cut) { columns += 1 }
                            cut += 1
                        }
                        lines.append(line(lineStart, cut))
                        lineStart = cut
                        wordColumns -= width
                    }
                    lineEnd = wordEnd
                    lineColumns = wordColumns
                }
                index = wordEnd
            }
            if lineColumns > 0 || lines.isEmpty { lines.append(line(lineStart, lineEnd)) }
        }
        return lines
    }

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
}

extension Array where Element == StyledLine {
    /// Appends `text` wrapped to `width`, every line with the same role and indent.
    mutating func append(wrapping text: String, role: StyleRole = .normal, indent: Int = 0, width: Int) {
        for line in Wrap.lines(text, width: width - indent) {
            append(StyledLine(text: line, role: role, indent: indent))
        }
    }
}
