/// Text made safe for XML, SVG and HTML: rule messages and names go into both character data
/// and attribute values, and QEMU's messages hold quotes.
enum XMLText {
    /// `text` with the five special characters escaped and the control characters XML 1.0
    /// forbids dropped; a line break is kept as one (tooltips show it).
    static func escape(_ text: String) -> String {
        var escaped = ""
        escaped.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": escaped += "&amp;"
            case "<": escaped += "&lt;"
            case ">": escaped += "&gt;"
            case "\"": escaped += "&quot;"
            case "'": escaped += "&#39;"
            case "\n": escaped += "&#10;"
            case "\t": escaped += " "
            default:
                if scalar.value >= 0x20 && !(0xFFFE...0xFFFF).contains(scalar.value) { escaped.unicodeScalars.append(scalar) }
            }
        }
        return escaped
    }
}
