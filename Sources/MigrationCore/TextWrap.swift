/// Word wrapping for terminal text (the editor's panes and `migedit explain`): breaks at spaces,
/// and inside words only when a single word is wider than the line.
public enum TextWrap {
    /// `text` as lines of at most `width` columns.
    ///
    /// Works on UTF-8 bytes for speed (it runs for every line of the detail pane on every frame).
    /// Every character the editor shows is a single scalar one column wide, so a column is a
    /// byte that does not continue a multi-byte sequence.
    public static func lines(_ text: String, width: Int) -> [String] {
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

}
