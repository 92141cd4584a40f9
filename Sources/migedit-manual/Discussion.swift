/// A command's discussion text, read the way `--help` lays it out: paragraphs (one unindented
/// line each, or several joined), indented lines kept as they are, and titled blocks (a line
/// ending in `:` with indented lines under it), which the manual makes sections.
enum DiscussionPart: Equatable {
    case paragraph(String)
    case literal([String])
    case titled(String, [String])

    static func parts(of text: String) -> [DiscussionPart] {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var parts: [DiscussionPart] = []
        var index = 0
        /// The indented lines from `index` on, blank lines between them included, with the
        /// two-column indent they all share removed.
        func indentedBlock() -> [String] {
            var block: [String] = []
            while index < lines.count {
                let line = lines[index]
                if isIndented(line) {
                    block.append(String(line.dropFirst(2)))
                } else if line.isEmpty, lines[(index + 1)...].first(where: { !$0.isEmpty }).map(isIndented) == true {
                    block.append("")
                } else {
                    break
                }
                index += 1
            }
            return block
        }
        while index < lines.count {
            let line = lines[index]
            if line.isEmpty {
                index += 1
            } else if isIndented(line) {
                parts.append(.literal(indentedBlock()))
            } else if line.hasSuffix(":"), index + 1 < lines.count, isIndented(lines[index + 1]) {
                index += 1
                parts.append(.titled(String(line.dropLast()), indentedBlock()))
            } else {
                var words: [String] = []
                while index < lines.count, !lines[index].isEmpty, !isIndented(lines[index]) {
                    words.append(lines[index])
                    index += 1
                }
                parts.append(.paragraph(words.joined(separator: " ")))
            }
        }
        return parts
    }

    private static func isIndented(_ line: String) -> Bool { line.hasPrefix("  ") }
}
