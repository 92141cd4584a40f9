/// Text made safe for man(7) input: backslashes, hyphens (so options render as ASCII minus signs
/// that can be copied and searched) and control characters at a line start are escaped, and
/// non-ASCII characters are written as `\[uXXXX]` so any groff renders them without preconv.
enum Roff {
    static func escape(_ text: String) -> String {
        var escaped = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": escaped += "\\e"
            case "-": escaped += "\\-"
            case _ where scalar.value > 0x7F:
                let hex = String(scalar.value, radix: 16, uppercase: true)
                escaped += "\\[u" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex + "]"
            default: escaped.unicodeScalars.append(scalar)
            }
        }
        if escaped.hasPrefix(".") || escaped.hasPrefix("'") { escaped = "\\&" + escaped }
        return escaped
    }

    static func bold(_ text: String) -> String { "\\fB" + escape(text) + "\\fR" }

    static func italic(_ text: String) -> String { "\\fI" + escape(text) + "\\fR" }

    /// A request line such as `.SH "HOST FACTS"`.
    static func request(_ name: String, _ argument: String) -> String {
        ".\(name) \"\(escape(argument).replacing("\"", with: "\\(dq"))\""
    }
}
