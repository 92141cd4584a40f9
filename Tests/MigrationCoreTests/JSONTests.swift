import MigrationCore
import Testing

private func parseError(_ text: String) -> JSONError? {
    do {
        _ = try JSON(parsing: text)
        return nil
    } catch {
        return error
    }
}

@Suite struct JSONTests {
    @Test func parsesEveryKindOfValue() throws {
        let document = try JSON(parsing: #" { "a" : [1, -2.5e+3, true, false, null, "x"], "b": {} , "c": [] } "#)
        #expect(document == .object([
            JSONMember(key: "a", value: .array([
                .number("1"), .number("-2.5e+3"), .bool(true), .bool(false), .null, .string("x"),
            ])),
            JSONMember(key: "b", value: .object([])),
            JSONMember(key: "c", value: .array([])),
        ]))
    }

    @Test func writesCompactAndPrettyForms() throws {
        let document = JSON.object([
            JSONMember(key: "a", value: .array([.number(1), .bool(true)])),
            JSONMember(key: "b", value: .object([JSONMember(key: "c", value: .null)])),
            JSONMember(key: "d", value: .array([])),
            JSONMember(key: "e", value: .object([])),
        ])
        #expect(document.serialized() == #"{"a":[1,true],"b":{"c":null},"d":[],"e":{}}"#)
        #expect(document.serialized(pretty: true) == """
            {
              "a": [
                1,
                true
              ],
              "b": {
                "c": null
              },
              "d": [],
              "e": {}
            }
            """)
        #expect(try JSON(parsing: document.serialized(pretty: true)) == document)
        #expect(JSON.string("x").serialized(pretty: true) == #""x""#)
    }

    @Test func keepsCanonicalTextByteForByte() throws {
        let text = #"[{"k":"v","n":-0.5E-7,"big":18446744073709551616,"u":"é😀"},[[]],{}]"#
        #expect(try JSON(parsing: text).serialized() == text)
    }

    @Test func keepsUInt64MaxExact() throws {
        let document = try JSON(parsing: #"{"max":18446744073709551615,"over":18446744073709551616}"#)
        #expect(document["max"]?.uint64Value == UInt64.max)
        #expect(document["over"] == .number("18446744073709551616"))
        #expect(document["over"]?.uint64Value == nil)
        #expect(JSON.number(UInt64.max).serialized() == "18446744073709551615")
        #expect(JSON.number(UInt64.max).uint64Value == UInt64.max)
    }

    @Test(arguments: ["1.0", "1e3", "-0", "-1", "0.5", "1E0"])
    func readsOnlyPlainIntegersAsUInt64(_ literal: String) throws {
        #expect(try JSON(parsing: literal).uint64Value == nil)
    }

    @Test func readsPlainIntegersAsUInt64() throws {
        #expect(try JSON(parsing: "0").uint64Value == 0)
        #expect(try JSON(parsing: "4096").uint64Value == 4096)
        #expect(JSON.number("007").uint64Value == nil)
        #expect(JSON.string("1").uint64Value == nil)
    }

    @Test func offersTypedAccessors() throws {
        let document = try JSON(parsing: #"{"k":1,"j":2,"s":"t","b":false,"a":[null]}"#)
        #expect(document["k"] == .number("1"))
        #expect(document["missing"] == nil)
        #expect(document["s"]?.stringValue == "t")
        #expect(document["b"]?.boolValue == false)
        #expect(document["a"]?.arrayValue == [.null])
        #expect(document.members?.count == 5)
        #expect(JSON.null.boolValue == nil)
        #expect(JSON.bool(true).stringValue == nil)
        #expect(JSON.string("x").arrayValue == nil)
        #expect(JSON.array([]).members == nil)
        #expect(JSON.array([])["k"] == nil)
    }

    @Test func decodesEscapesAndSurrogatePairs() throws {
        let document = try JSON(parsing: #""\"\\\/\b\f\n\r\t\u0041\u00e9\u0000\uD83D\uDE00\ud83d\ude00""#)
        #expect(document == .string("\"\\/\u{8}\u{C}\n\r\tAé\u{0}😀😀"))
    }

    @Test(arguments: [
        "", "\"", "\\", "\n\r\t\u{8}\u{C}", "\u{0}", "\u{1}\u{1F}\u{7F}", "😀", "e\u{301}", "\u{2028}\u{2029}",
        "a\"b\\c", "</script>", "\\u0041", "'single'", "日本語", "\u{FEFF}",
    ])
    func roundTripsHostileStrings(_ text: String) throws {
        let document = JSON.object([JSONMember(key: text, value: .array([.string(text)]))])
        #expect(try JSON(parsing: document.serialized()) == document)
        #expect(try JSON(parsing: document.serialized(pretty: true)) == document)
    }

    @Test func escapesOnlyWhatMustBeEscaped() {
        #expect(JSON.string("\"\\\n\r\t\u{8}\u{C}\u{0}\u{1F}\u{7F}/é😀").serialized()
            == #""\"\\\n\r\t\b\f\u0000\u001f"# + "\u{7F}/é😀\"")
    }

    @Test(arguments: [
        ("", "unexpected end of input; expected a value"),
        ("  \n ", "unexpected end of input; expected a value"),
        ("[1,]", "trailing comma before ']'"),
        (#"{"a":1,}"#, "trailing comma before '}'"),
        ("[1 , \n ]", "trailing comma before ']'"),
        ("// c\n1", "comments are not allowed in JSON"),
        ("/* c */ 1", "comments are not allowed in JSON"),
        ("[1] // c", "comments are not allowed in JSON"),
        ("01", "leading zeros are not allowed in numbers"),
        ("-01", "leading zeros are not allowed in numbers"),
        ("1.", "unexpected end of input; expected a digit after '.'"),
        ("1.e3", "unexpected 'e'; expected a digit after '.'"),
        (".5", "unexpected '.'; expected a value"),
        ("+1", "unexpected '+'; expected a value"),
        ("1e", "unexpected end of input; expected a digit in the exponent"),
        ("1e+", "unexpected end of input; expected a digit in the exponent"),
        ("-", "unexpected end of input; expected a digit after '-'"),
        ("-a", "unexpected 'a'; expected a digit after '-'"),
        ("NaN", "unexpected 'N'; expected a value"),
        ("Infinity", "unexpected 'I'; expected a value"),
        ("tru", "invalid literal; expected 'true'"),
        ("nul", "invalid literal; expected 'null'"),
        ("True", "unexpected 'T'; expected a value"),
        ("'a'", "unexpected '''; expected a value"),
        (#""abc"#, "unterminated string"),
        (#""abc\"#, "unterminated string"),
        ("\"a\nb\"", "control character U+000A must be escaped in a string"),
        ("\"a\u{0}b\"", "control character U+0000 must be escaped in a string"),
        (#""\x""#, #"invalid escape '\x' in a string"#),
        (#""\u12""#, #"unexpected '"'; expected four hex digits after '\u'"#),
        (#""\uD800""#, #"lone high surrogate \ud800 in a string"#),
        (#""\uDC00""#, #"lone low surrogate \udc00 in a string"#),
        (#""\uD800\u0041""#, #"high surrogate \ud800 is not followed by a low surrogate"#),
        (#""\uD800x""#, #"lone high surrogate \ud800 in a string"#),
        ("[1 2]", "unexpected '2'; expected ',' or ']' after an array element"),
        (#"{"a" 1}"#, "unexpected '1'; expected ':' after an object key"),
        ("{a:1}", "unexpected 'a'; expected a string key"),
        (#"{"a":1 "b":2}"#, #"unexpected '"'; expected ',' or '}' after an object member"#),
        ("[1]x", "unexpected 'x'; expected the end of the document"),
        ("1 2", "unexpected '2'; expected the end of the document"),
        ("[", "unexpected end of input; expected a value"),
        ("{", "unexpected end of input; expected a string key"),
        ("[1", "unexpected end of input; expected ',' or ']' after an array element"),
        (#"{"a":"#, "unexpected end of input; expected a value"),
        ("[\u{FEFF}1]", "unexpected 'U+FEFF'; expected a value"),
        ("\u{A0}1", "unexpected 'U+00A0'; expected a value"),
        ("[1,\u{C}2]", "unexpected 'U+000C'; expected a value"),
        ("\u{301}", "unexpected 'U+0301'; expected a value"),
    ] as [(String, String)])
    func rejectsNonStrictJson(_ text: String, _ message: String) {
        #expect(parseError(text)?.message == message)
    }

    @Test func locatesErrorsByLineAndColumn() {
        #expect(parseError("[1,\n  x]") == JSONError(message: "unexpected 'x'; expected a value", line: 2, column: 3))
        #expect(parseError("[\"é😀\", x]") == JSONError(message: "unexpected 'x'; expected a value", line: 1, column: 8))
        #expect(parseError("01")?.column == 1)
    }

    @Test func limitsNestingTo512() throws {
        let deepest = String(repeating: "[", count: 512) + String(repeating: "]", count: 512)
        var value = try JSON(parsing: deepest)
        var depth = 0
        while let inner = value.arrayValue {
            depth += 1
            value = inner.first ?? .null
        }
        #expect(depth == 512)
        let tooDeep = String(repeating: "[", count: 513) + String(repeating: "]", count: 513)
        #expect(parseError(tooDeep) == JSONError(
            message: "nesting deeper than 512 arrays and objects", line: 1, column: 513))
        #expect(parseError(String(repeating: #"{"a":"#, count: 100_000))?.message
            == "nesting deeper than 512 arrays and objects")
        #expect(parseError(String(repeating: "[", count: 1_000_000))?.message
            == "nesting deeper than 512 arrays and objects")
    }

    @Test func roundTripsDeeplyNestedDocuments() throws {
        var document = JSON.string("core")
        for level in 0..<512 {
            document = level.isMultiple(of: 2) ? .array([document, .null]) : .object([JSONMember(key: "k", value: document)])
        }
        #expect(try JSON(parsing: document.serialized()) == document)
        #expect(try JSON(parsing: document.serialized(pretty: true)) == document)
    }

    @Test func aDuplicateKeyIsRefusedAsQEMURefusesIt() {
        #expect(throws: JSONError.self) { try JSON(parsing: #"{"a": 1, "b": {"c": 1, "c": 2}}"#) }
        #expect(throws: ImportError.self) { try Profile(json: #"{"qemu": "9.0", "qemu": "10.0"}"#) }
        #expect(throws: ImportError.self) { try Profile(json: #"{"parameters": {"multifd-channels": 4, "multifd-channels": 5}}"#) }
        #expect((try? JSON(parsing: #"[{"a": 1}, {"a": 2}]"#)) != nil, "the same key in two objects is fine")
    }

    @Test func aByteOrderMarkIsSkipped() throws {
        #expect(try JSON(parsing: "\u{FEFF}{\"qemu\": \"10.0\"}")["qemu"] == .string("10.0"))
        #expect(try Profile(json: "\u{FEFF}{\"qemu\": \"10.0\"}").version == .v10_0)
        #expect(throws: JSONError.self, "only at the start") { try JSON(parsing: "[1, \u{FEFF}2]") }
    }

    @Test func aStringWithNULIsRefusedAsQEMURefusesIt() {
        #expect(throws: ImportError.self) { try Profile(json: #"{"parameters": {"tls-creds": "a\u0000b"}}"#) }
        #expect((try? Profile(json: #"{"parameters": {"tls-creds": "a\u0001b"}}"#)) != nil)
    }
}
