// Why migedit reads and writes JSON itself. `JSONSerialization` is out: it reads numbers as
// `Double` (QMP sizes go up to `UInt64.max`) and writes dictionaries in hash order. Swift 6's
// `JSONDecoder`/`JSONEncoder` (swift-foundation, whose library the `migedit` binary loads anyway
// through swift-argument-parser) were measured against this file on 2026-12-02 (Swift 6.3.1,
// Linux, 2 cores shared with other builds, so medians and noisy):
//
// - Parse speed (`swift run -c release migedit-bench json`: a 9.1 kB document of QEMU 10.0's
//   query-migrate-parameters and query-migrate-capabilities replies, 5 of each, median of 7 runs
//   of 500 parses; ranges over two runs): `JSON(parsing:)` 145-181 µs, after two fixes made with
//   these measurements (each append copied its container's array; each string was copied byte by
//   byte) that took ~2.4x off. `JSONDecoder` into Codable structs (every parameter a typed
//   property, its best case) 423-503 µs; into a generic `[String: AnyJSON]` tree, what the profile
//   and QMP readers would need, 2340-2430 µs, because Codable cannot ask a value's kind and each
//   wrong guess throws.
// - Numbers: both read and write `UInt64.max` exactly. 2^64 (18446744073709551616), which QMP can
//   send, stays its literal text here; `JSONDecoder` refuses it as `UInt64` ("The given data was
//   not valid JSON."), rounds it as `Double`, and keeps it only as `Decimal`. It also reads `1e3`,
//   `1.0` and `-0` as `UInt64` where `uint64Value` says nil.
// - Key order: a profile is written "qemu", host, capabilities, parameters, properties, each in
//   catalog order. `JSONEncoder` keeps no order: without `.sortedKeys` even a struct's keys came
//   out in a different order in each of three runs (its objects are hash-seeded dictionaries);
//   `.sortedKeys` is stable but alphabetical ("qemu" last, items out of catalog order). Its
//   pretty form (`"key" : value`, `{\n\n  }` for an empty object, `\/` for `/`) would also
//   rewrite every saved profile.
// - Errors: every syntax error, a comment and a 513th level alike come back as "The given data
//   was not valid JSON." with no line, column or underlying error, so the profile loader could no
//   longer point at the mistake. It accepts a duplicate key (keeping the first), which QEMU's
//   parser refuses, and trailing commas in arrays and objects. Both skip a byte-order mark and
//   nest at most 512 deep.
// - Size and startup (`scripts/measure-json`, three runs of 31-51 launches each: these sources
//   against the core importing FoundationEssentials and decoding one Codable struct): +12.9 kB
//   on a 2.19 MB stripped binary (the unstripped 8.4 MB grows by 44-49 kB, mostly debug info); median
//   `migedit check --set multifd=on` 14.5/14.7, 10.3/10.6, 16.8/17.5 ms and `migedit check
//   PROFILE` 14.7/15.2, 10.7/10.9, 27.8/27.7 ms: a few tenths of a millisecond at most, under
//   this machine's run-to-run noise, since the library is loaded anyway.
//
// So this file stays: it wins on speed, exactness past `UInt64`, key order and error reporting,
// and loses only its ~500 lines and their tests. Keeping MigrationCore Foundation-free
// (the project's DESIGN.md) is not a reason on cost, which measures as next to nothing; it is one on
// behaviour, since the core then reads and writes the same bytes whichever Foundation a toolchain
// ships.

/// A JSON document that keeps numbers as their literal text and objects in their written order.
///
/// QMP carries sizes up to `UInt64.max`, which a `Double` cannot hold exactly, and profiles are
/// diffed and committed, so output must be byte-for-byte deterministic; both rule out a
/// dictionary-and-Double representation (see the measurements above).
public indirect enum JSON: Hashable, Sendable {
    case null
    case bool(Bool)
    /// The literal text of a number, e.g. `18446744073709551615` or `-1.5e3`, so no precision is
    /// lost in either direction. It is written out verbatim, so it must be a valid JSON number.
    case number(String)
    case string(String)
    case array([JSON])
    /// Members in written order. The parser refuses a key written twice in one object (QEMU's
    /// parser does too); a value built in code with one finds the first with `self[key]`.
    case object([JSONMember])

    /// An exact integer number, the common case for QMP settings.
    public static func number(_ value: UInt64) -> JSON {
        .number(String(value))
    }

    /// The member named `key` (the first, for a value built with duplicates), or nil when there
    /// is none or this is not an object.
    public subscript(key: String) -> JSON? {
        members?.first { $0.key == key }?.value
    }

    /// The number as a UInt64 when it is written as a plain non-negative integer that fits
    /// (no sign, fraction or exponent), so that `1e3` or `-0` are never silently read as integers.
    public var uint64Value: UInt64? {
        guard case .number(let literal) = self,
              let first = literal.utf8.first,
              literal.utf8.allSatisfy({ (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }),
              first != UInt8(ascii: "0") || literal.utf8.count == 1
        else { return nil }
        return UInt64(literal)
    }

    public var boolValue: Bool? {
        if case .bool(let value) = self { return value }
        return nil
    }

    public var stringValue: String? {
        if case .string(let value) = self { return value }
        return nil
    }

    public var arrayValue: [JSON]? {
        if case .array(let value) = self { return value }
        return nil
    }

    public var members: [JSONMember]? {
        if case .object(let value) = self { return value }
        return nil
    }
}

/// One `"key": value` pair of a JSON object.
public struct JSONMember: Hashable, Sendable {
    public var key: String
    public var value: JSON

    public init(key: String, value: JSON) {
        self.key = key
        self.value = value
    }
}

/// Why a text is not strict JSON, with a 1-based line and column (counted in Unicode scalars)
/// so the user can find the spot in a hand-edited profile.
public struct JSONError: Error, Hashable, Sendable {
    public let message: String
    public let line: Int
    public let column: Int

    public init(message: String, line: Int, column: Int) {
        self.message = message
        self.line = line
        self.column = column
    }
}

// MARK: - Reading

extension JSON {
    /// Parses strict RFC 8259 JSON: no comments, trailing commas, leading zeros, lone surrogates
    /// or trailing text, because profiles must mean the same thing to every JSON tool that reads
    /// them. Nesting deeper than 512 containers is rejected with an error rather than risking the
    /// stack on a hostile file.
    /// Reads one JSON document. A leading byte-order mark (as some editors save) is skipped;
    /// an object with the same key twice is refused, as QEMU's own parser refuses it.
    public init(parsing text: String) throws(JSONError) {
        var bytes = Array(text.utf8)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        var parser = JSONParser(bytes: bytes)
        self = try parser.parseDocument()
    }
}

/// The reader behind `JSON(parsing:)`. It keeps open containers on an explicit stack, so the
/// nesting limit, not the thread's stack size, decides how deep a document may go.
private struct JSONParser {
    static let maximumDepth = 512

    private enum OpenContainer {
        case array([JSON])
        case object([JSONMember], pendingKey: String)
    }

    let bytes: [UInt8]
    private var index = 0

    init(bytes: [UInt8]) {
        self.bytes = bytes
    }

    private var current: UInt8? {
        index < bytes.count ? bytes[index] : nil
    }

    mutating func parseDocument() throws(JSONError) -> JSON {
        var open: [OpenContainer] = []
        var value: JSON
        parsing: while true {
            skipWhitespace()
            switch current {
            case UInt8(ascii: "["):
                try checkDepth(open.count)
                index += 1
                skipWhitespace()
                if current == UInt8(ascii: "]") {
                    index += 1
                    value = .array([])
                } else {
                    open.append(.array([]))
                    continue parsing
                }
            case UInt8(ascii: "{"):
                try checkDepth(open.count)
                index += 1
                skipWhitespace()
                if current == UInt8(ascii: "}") {
                    index += 1
                    value = .object([])
                } else {
                    open.append(.object([], pendingKey: try parseMemberKey()))
                    continue parsing
                }
            default:
                value = try parseScalar()
            }
            while !open.isEmpty {
                skipWhitespace()
                // `removeLast()` hands the container over, so the append below finds its array
                // uniquely referenced; binding a popped `let` first made every append copy it.
                switch open.removeLast() {
                case .array(var elements):
                    elements.append(value)
                    if current == UInt8(ascii: "]") {
                        index += 1
                        value = .array(elements)
                    } else if current == UInt8(ascii: ",") {
                        index += 1
                        try rejectTrailingComma(before: UInt8(ascii: "]"))
                        open.append(.array(elements))
                        continue parsing
                    } else {
                        throw unexpected(expecting: "',' or ']' after an array element")
                    }
                case .object(var members, let key):
                    if members.contains(where: { $0.key == key }) { throw error("duplicate key '\(key)'", at: index) }
                    members.append(JSONMember(key: key, value: value))
                    if current == UInt8(ascii: "}") {
                        index += 1
                        value = .object(members)
                    } else if current == UInt8(ascii: ",") {
                        index += 1
                        try rejectTrailingComma(before: UInt8(ascii: "}"))
                        open.append(.object(members, pendingKey: try parseMemberKey()))
                        continue parsing
                    } else {
                        throw unexpected(expecting: "',' or '}' after an object member")
                    }
                }
            }
            break
        }
        skipWhitespace()
        guard index == bytes.count else { throw unexpected(expecting: "the end of the document") }
        return value
    }

    private func checkDepth(_ depth: Int) throws(JSONError) {
        guard depth < Self.maximumDepth else {
            throw error("nesting deeper than \(Self.maximumDepth) arrays and objects", at: index)
        }
    }

    private mutating func rejectTrailingComma(before closer: UInt8) throws(JSONError) {
        let comma = index - 1
        skipWhitespace()
        if current == closer { throw error("trailing comma before '\(Character(Unicode.Scalar(closer)))'", at: comma) }
    }

    /// Reads `"key"` and the `:` after it, leaving the index at the member's value.
    private mutating func parseMemberKey() throws(JSONError) -> String {
        skipWhitespace()
        guard current == UInt8(ascii: "\"") else { throw unexpected(expecting: "a string key") }
        let key = try parseString()
        skipWhitespace()
        guard current == UInt8(ascii: ":") else { throw unexpected(expecting: "':' after an object key") }
        index += 1
        return key
    }

    private mutating func parseScalar() throws(JSONError) -> JSON {
        guard let byte = current else { throw unexpected(expecting: "a value") }
        switch byte {
        case UInt8(ascii: "\""):
            return .string(try parseString())
        case UInt8(ascii: "t"):
            try expectLiteral("true")
            return .bool(true)
        case UInt8(ascii: "f"):
            try expectLiteral("false")
            return .bool(false)
        case UInt8(ascii: "n"):
            try expectLiteral("null")
            return .null
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            return try parseNumber()
        default:
            throw unexpected(expecting: "a value")
        }
    }

    private mutating func expectLiteral(_ literal: String) throws(JSONError) {
        let expected = literal.utf8
        guard bytes.count - index >= expected.count,
              bytes[index..<index + expected.count].elementsEqual(expected) else {
            throw error("invalid literal; expected '\(literal)'", at: index)
        }
        index += expected.count
    }

    private mutating func parseNumber() throws(JSONError) -> JSON {
        let start = index
        if current == UInt8(ascii: "-") { index += 1 }
        guard let first = current, isDigit(first) else { throw unexpected(expecting: "a digit after '-'") }
        index += 1
        if first == UInt8(ascii: "0") {
            if let next = current, isDigit(next) { throw error("leading zeros are not allowed in numbers", at: start) }
        } else {
            skipDigits()
        }
        if current == UInt8(ascii: ".") {
            index += 1
            guard let digit = current, isDigit(digit) else { throw unexpected(expecting: "a digit after '.'") }
            skipDigits()
        }
        if current == UInt8(ascii: "e") || current == UInt8(ascii: "E") {
            index += 1
            if current == UInt8(ascii: "+") || current == UInt8(ascii: "-") { index += 1 }
            guard let digit = current, isDigit(digit) else { throw unexpected(expecting: "a digit in the exponent") }
            skipDigits()
        }
        return .number(String(decoding: bytes[start..<index], as: UTF8.self))
    }

    private mutating func skipDigits() {
        while let byte = current, isDigit(byte) { index += 1 }
    }

    private func isDigit(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
    }

    /// Reads a string starting at its opening quote. The input came from a Swift `String`, so
    /// it is valid UTF-8 and unescaped bytes can be copied as they are: a string without escapes
    /// (nearly every key and value QMP sends) becomes a `String` in one step.
    private mutating func parseString() throws(JSONError) -> String {
        let start = index
        index += 1
        while let byte = current, byte != UInt8(ascii: "\""), byte != UInt8(ascii: "\\"), byte >= 0x20 { index += 1 }
        if current == UInt8(ascii: "\"") {
            index += 1
            return String(decoding: bytes[start + 1..<index - 1], as: UTF8.self)
        }
        var text = Array(bytes[start + 1..<index])
        while let byte = current {
            switch byte {
            case UInt8(ascii: "\""):
                index += 1
                return String(decoding: text, as: UTF8.self)
            case UInt8(ascii: "\\"):
                try parseEscape(into: &text)
            case 0..<0x20:
                let code = hex(UInt32(byte), digits: 4).uppercased()
                throw error("control character U+\(code) must be escaped in a string", at: index)
            default:
                text.append(byte)
                index += 1
            }
        }
        throw error("unterminated string", at: start)
    }

    private mutating func parseEscape(into text: inout [UInt8]) throws(JSONError) {
        let start = index
        index += 1
        guard let letter = current else { throw error("unterminated string", at: start) }
        index += 1
        switch letter {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): text.append(letter)
        case UInt8(ascii: "b"): text.append(0x08)
        case UInt8(ascii: "f"): text.append(0x0C)
        case UInt8(ascii: "n"): text.append(0x0A)
        case UInt8(ascii: "r"): text.append(0x0D)
        case UInt8(ascii: "t"): text.append(0x09)
        case UInt8(ascii: "u"):
            let scalar = try parseUnicodeEscape(startingAt: start)
            UTF8.encode(scalar) { text.append($0) }
        default:
            throw error("invalid escape '\\\(describe(at: start + 1))' in a string", at: start)
        }
    }

    /// Reads the four hex digits after `\u`, and a second `\uXXXX` when the first is a high
    /// surrogate, since a Swift string (like valid UTF-8) cannot hold an unpaired surrogate.
    private mutating func parseUnicodeEscape(startingAt start: Int) throws(JSONError) -> Unicode.Scalar {
        let unit = try parseHexQuad()
        switch unit {
        case 0xD800...0xDBFF:
            guard current == UInt8(ascii: "\\"), index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "u") else {
                throw error("lone high surrogate \\u\(hex(unit, digits: 4)) in a string", at: start)
            }
            index += 2
            let low = try parseHexQuad()
            guard (0xDC00...0xDFFF).contains(low) else {
                throw error("high surrogate \\u\(hex(unit, digits: 4)) is not followed by a low surrogate", at: start)
            }
            return Unicode.Scalar(0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00))!
        case 0xDC00...0xDFFF:
            throw error("lone low surrogate \\u\(hex(unit, digits: 4)) in a string", at: start)
        default:
            return Unicode.Scalar(unit)!
        }
    }

    private mutating func parseHexQuad() throws(JSONError) -> UInt32 {
        var value: UInt32 = 0
        for _ in 0..<4 {
            guard let byte = current, let digit = hexDigitValue(byte) else {
                throw unexpected(expecting: "four hex digits after '\\u'")
            }
            value = value << 4 | digit
            index += 1
        }
        return value
    }

    private func hexDigitValue(_ byte: UInt8) -> UInt32? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return UInt32(byte - UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return UInt32(byte - UInt8(ascii: "a") + 10)
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return UInt32(byte - UInt8(ascii: "A") + 10)
        default: return nil
        }
    }

    /// RFC 8259 whitespace only: space, tab, line feed and carriage return.
    private mutating func skipWhitespace() {
        while let byte = current,
              byte == UInt8(ascii: " ") || byte == 0x09 || byte == 0x0A || byte == 0x0D {
            index += 1
        }
    }

    // MARK: Errors

    private func unexpected(expecting expected: String) -> JSONError {
        guard index < bytes.count else { return error("unexpected end of input; expected \(expected)", at: index) }
        if bytes[index] == UInt8(ascii: "/") { return error("comments are not allowed in JSON", at: index) }
        return error("unexpected '\(describe(at: index))'; expected \(expected)", at: index)
    }

    /// The character at `offset` for an error message, with invisible ones spelled as U+XXXX.
    private func describe(at offset: Int) -> String {
        guard offset < bytes.count else { return "" }
        let scalar = String(decoding: bytes[offset..<min(offset + 4, bytes.count)], as: UTF8.self)
            .unicodeScalars.first ?? "\u{FFFD}"
        switch scalar.properties.generalCategory {
        case .control, .format, .spaceSeparator, .lineSeparator, .paragraphSeparator,
             .nonspacingMark, .enclosingMark, .privateUse, .unassigned:
            return "U+" + hex(scalar.value, digits: 4).uppercased()
        default:
            return String(scalar)
        }
    }

    /// An error at a byte offset, located by 1-based line and Unicode-scalar column.
    private func error(_ message: String, at offset: Int) -> JSONError {
        var line = 1
        var column = 1
        for byte in bytes[..<min(offset, bytes.count)] {
            if byte == 0x0A {
                line += 1
                column = 1
            } else if byte & 0xC0 != 0x80 {
                column += 1
            }
        }
        return JSONError(message: message, line: line, column: column)
    }
}

// MARK: - Writing

extension JSON {
    /// The document as text: compact (`{"a":[1,true]}`) for QMP and command lines, or pretty
    /// (2-space indent, `"key": value`) for profiles people read and diff. The same value
    /// always gives the same bytes; non-ASCII text stays UTF-8 and only `"`, `\` and control
    /// characters are escaped.
    public func serialized(pretty: Bool = false) -> String {
        var output: [UInt8] = []
        write(to: &output, pretty: pretty, indent: 0)
        return String(decoding: output, as: UTF8.self)
    }

    private func write(to output: inout [UInt8], pretty: Bool, indent: Int) {
        switch self {
        case .null:
            output.append(contentsOf: "null".utf8)
        case .bool(let value):
            output.append(contentsOf: (value ? "true" : "false").utf8)
        case .number(let literal):
            output.append(contentsOf: literal.utf8)
        case .string(let text):
            Self.writeString(text, to: &output)
        case .array(let elements):
            Self.writeContainer(elements, open: "[", close: "]", to: &output, pretty: pretty, indent: indent) {
                element, output, indent in element.write(to: &output, pretty: pretty, indent: indent)
            }
        case .object(let members):
            Self.writeContainer(members, open: "{", close: "}", to: &output, pretty: pretty, indent: indent) {
                member, output, indent in
                Self.writeString(member.key, to: &output)
                output.append(UInt8(ascii: ":"))
                if pretty { output.append(UInt8(ascii: " ")) }
                member.value.write(to: &output, pretty: pretty, indent: indent)
            }
        }
    }

    private static func writeContainer<Element>(
        _ elements: [Element], open: Unicode.Scalar, close: Unicode.Scalar,
        to output: inout [UInt8], pretty: Bool, indent: Int,
        writeElement: (Element, inout [UInt8], Int) -> Void
    ) {
        output.append(UInt8(ascii: open))
        for (position, element) in elements.enumerated() {
            if position > 0 { output.append(UInt8(ascii: ",")) }
            if pretty { newline(to: &output, indent: indent + 2) }
            writeElement(element, &output, indent + 2)
        }
        if pretty, !elements.isEmpty { newline(to: &output, indent: indent) }
        output.append(UInt8(ascii: close))
    }

    private static func newline(to output: inout [UInt8], indent: Int) {
        output.append(0x0A)
        output.append(contentsOf: repeatElement(UInt8(ascii: " "), count: indent))
    }

    private static func writeString(_ text: String, to output: inout [UInt8]) {
        output.append(UInt8(ascii: "\""))
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\""): output.append(contentsOf: #"\""#.utf8)
            case UInt8(ascii: "\\"): output.append(contentsOf: #"\\"#.utf8)
            case 0x0A: output.append(contentsOf: #"\n"#.utf8)
            case 0x0D: output.append(contentsOf: #"\r"#.utf8)
            case 0x09: output.append(contentsOf: #"\t"#.utf8)
            case 0x08: output.append(contentsOf: #"\b"#.utf8)
            case 0x0C: output.append(contentsOf: #"\f"#.utf8)
            case 0..<0x20: output.append(contentsOf: (#"\u"# + hex(UInt32(byte), digits: 4)).utf8)
            default: output.append(byte)
            }
        }
        output.append(UInt8(ascii: "\""))
    }
}

/// `value` in lowercase hex, zero-padded to `digits`.
private func hex(_ value: UInt32, digits: Int) -> String {
    let text = String(value, radix: 16)
    return String(repeating: "0", count: max(0, digits - text.count)) + text
}
