import Glibc
import MigrationCore
import Testing
import TestSupport

private func parsed(_ text: String, _ type: ValueType, name: String = "p") -> Value? {
    try? ValueParser.parse(text, as: type, name: name).get()
}

private func rejection(_ text: String, _ type: ValueType, name: String = "p") -> ValueParseError? {
    if case .failure(let error) = ValueParser.parse(text, as: type, name: name) { return error }
    return nil
}

@Suite struct BoolParsingTests {
    @Test(arguments: ["on", "yes", "true", "y"])
    func acceptsTrueWords(_ text: String) {
        #expect(parsed(text, .bool) == .bool(true))
    }

    @Test(arguments: ["off", "no", "false", "n"])
    func acceptsFalseWords(_ text: String) {
        #expect(parsed(text, .bool) == .bool(false))
    }

    @Test(arguments: ["YES", "On", "TRUE", "N", "", " on", "on ", "1", "0", "enabled"])
    func rejectsEverythingElse(_ text: String) {
        #expect(rejection(text, .bool) == ValueParseError(
            message: "p: expects on|off|yes|no|true|false|y|n, got '\(text)'",
            qemuMessage: "Parameter 'p' expects 'on' or 'off'"))
    }

    @Test func messageNamesTheProperty() {
        #expect(rejection("YES", .bool, name: "x-xbzrle")?.message
            == "x-xbzrle: expects on|off|yes|no|true|false|y|n, got 'YES'")
    }
}

@Suite struct IntegerParsingTests {
    @Test(arguments: [
        ("0", 0), ("42", 42), ("+42", 42), ("  42", 42), ("\t\n7", 7), ("0x10", 16), ("0X1f", 31),
        ("010", 8), ("0377", 255), ("00", 0), ("-0", 0), ("-1", UInt64.max), ("- 1", nil),
        ("18446744073709551615", UInt64.max), ("0xffffffffffffffff", UInt64.max),
        ("-18446744073709551615", 1),
    ] as [(String, UInt64?)])
    func readsUInt64LikeStrtoull(_ text: String, _ expected: UInt64?) {
        #expect(parsed(text, .uint64) == expected.map(Value.number))
    }

    @Test(arguments: [
        "", " ", "+", "-", "--1", "+-1", "1 ", "1.0", "1.5", "1k", "1e3", "08", "09", "0x", "0xg", "abc",
        "0b101", "1_000", "18446744073709551616", "0x10000000000000000", "-18446744073709551616",
        "\u{663}", "１",
    ])
    func rejectsWhatQemuStrtou64Rejects(_ text: String) {
        #expect(rejection(text, .uint64) == ValueParseError(
            message: "p: expects an integer 0..18446744073709551615 (uint64), got '\(text)'",
            qemuMessage: "Parameter 'p' expects uint64"))
    }

    @Test func checksUInt8WidthAfterReadingUInt64() {
        #expect(parsed("255", .uint8) == .number(255))
        #expect(parsed("0xff", .uint8) == .number(255))
        #expect(rejection("300", .uint8, name: "x-compress-level") == ValueParseError(
            message: "x-compress-level: expects an integer 0..255 (uint8), got '300'",
            qemuMessage: "Parameter 'x-compress-level' expects uint8_t"))
        #expect(rejection("-1", .uint8)?.qemuMessage == "Parameter 'p' expects uint8_t")
        #expect(rejection("256", .uint8)?.qemuMessage == "Parameter 'p' expects uint8_t")
        #expect(rejection("x", .uint8)?.qemuMessage == "Parameter 'p' expects uint64")
    }

    @Test func checksUInt32WidthAfterReadingUInt64() {
        #expect(parsed("4294967295", .uint32) == .number(4_294_967_295))
        #expect(rejection("4294967296", .uint32) == ValueParseError(
            message: "p: expects an integer 0..4294967295 (uint32), got '4294967296'",
            qemuMessage: "Parameter 'p' expects uint32_t"))
        #expect(rejection("-1", .uint32)?.qemuMessage == "Parameter 'p' expects uint32_t")
    }

    /// Glibc's own strtoull is the oracle: QEMU's uint64 reader accepts exactly what it fully
    /// converts without ERANGE.
    @Test func agreesWithGlibcStrtoullOnRandomTexts() {
        let alphabet = Array(" \t\n+-0123789xXaAfFgk.")
        var random = SplitMix64(seed: 0x5EED_0001)
        for _ in 0..<20_000 {
            let length = Int(random.next() % 9)
            let text = String((0..<length).map { _ in alphabet[Int(random.next() % UInt64(alphabet.count))] })
            #expect(parsed(text, .uint64) == glibcStrtou64(text).map(Value.number), "\(text.debugDescription)")
        }
        for digits in 18...22 {
            for _ in 0..<200 {
                let text = String((0..<digits).map { _ in Character(String(random.next() % 10)) })
                #expect(parsed(text, .uint64) == glibcStrtou64(text).map(Value.number), "\(text)")
                #expect(parsed("-" + text, .uint64) == glibcStrtou64("-" + text).map(Value.number), "-\(text)")
            }
        }
    }

    private func glibcStrtou64(_ text: String) -> UInt64? {
        text.withCString { start in
            var end: UnsafeMutablePointer<CChar>?
            errno = 0
            let value = strtoull(start, &end, 0)
            guard errno == 0, let end, end != UnsafeMutablePointer(mutating: start), end.pointee == 0 else { return nil }
            return UInt64(value)
        }
    }
}

@Suite struct SizeParsingTests {
    private static let kibibyte: UInt64 = 1 << 10
    private static let exbibyte: UInt64 = 1 << 60
    private static let manyNines = String(repeating: "9", count: 50)
    private static let manyZeros = String(repeating: "0", count: 350)

    @Test(arguments: [
        ("0", 0), ("1", 1), ("1b", 1), ("1B", 1), ("1k", 1024), ("1K", 1024), ("64M", 67_108_864),
        ("1g", 1 << 30), ("1T", 1 << 40), ("1p", 1 << 50), ("1e", exbibyte), ("1E", exbibyte),
        ("010", 10), ("010k", 10240), ("0x10", 16), ("0X10", 16), ("0x1E", 30), ("0x1b", 27), (" 0x10", 16),
        ("+0x10", 16), (" 1", 1), ("\t\n1k", 1024), ("+1", 1), ("15E", 17_293_822_569_102_704_640),
        ("18446744073709551615", UInt64.max), ("0xffffffffffffffff", UInt64.max), ("16383P", 16383 << 50),
    ] as [(String, UInt64)])
    func readsWholeSizes(_ text: String, _ expected: UInt64) {
        #expect(parsed(text, .size) == .number(expected))
    }

    @Test(arguments: [
        ("1.5G", 1_610_612_736), ("1.1k", 1126), ("0.5k", 512), (".5k", 512), (" .5k", 512), ("+.5k", 512),
        ("1.k", 1024), ("0.5E", exbibyte / 2), ("1.5e", exbibyte + exbibyte / 2), ("1.9999k", 2048),
        ("1.\(manyNines)k", 2048), ("1.\(manyZeros)1k", 1024), ("1.00000000000000000001k", 1024),
        ("12.345M", UInt64(12.345 * 1_048_576 + 0.5)), ("0.0009765625k", 1), ("0.00048828125k", 1),
        ("0.00048828124k", 0),
    ] as [(String, UInt64)])
    func readsFractionsAsExactFixedPointRoundedHalfUp(_ text: String, _ expected: UInt64) {
        #expect(parsed(text, .size) == .number(expected))
    }

    /// A fraction that is zero, empty, or rounds to a whole number needs no suffix in QEMU.
    @Test(arguments: [("1.0", 1), ("1.0B", 1), ("1.", 1), ("1.b", 1), ("0.000", 0), ("1.\(manyNines)", 2)]
        as [(String, UInt64)])
    func toleratesWholeFractionsWithoutSuffix(_ text: String, _ expected: UInt64) {
        #expect(parsed(text, .size) == .number(expected))
    }

    @Test(arguments: [
        "", " ", " \t ", "crap", "inf", "NaN", "infinity", "1KB", "1KiB", "1kk", "0x10k", "0x1.8k", "0x18M",
        "0x1p3", "1.5", "1.1B", "1.9999999b", "1.00001B", "1.00000000000000000001B", "1.\(manyZeros)1B", "1e3",
        "1.5e1k", "1.5E+0k", "1.5E999", "1 ", "1k ", " 1 ", "0b1000", "123-45", "0x", "0.NaN", "1..5k",
        "1.5.k", ".k", ".", "..5k", "1,5k", "1_000", "-1k", "-1.5", "-1.5k", "-2M", "-.1k", " -.5e",
        "99999999999999999999k", "100000Pjunk", "0x10000000000000000k", "- 1", "--1", "+-1", "1 k",
    ])
    func rejectsSyntaxErrors(_ text: String) {
        #expect(rejection(text, .size) == ValueParseError(
            message: "p: expects a size in bytes with an optional K/M/G/T/P/E suffix, got '\(text)'",
            qemuMessage: "Parameter 'p' expects a non-negative number below 2^64"))
    }

    @Test(arguments: [
        "16E", "20E", "17179869184G", "16384P", "18446744073709551616", "0x10000000000000000", "-1", "-0",
        " -1", " -0", "-.5", " -.0", "-99999999999999999999", "15.\(manyNines)E",
        "18446744073709551615.\(manyNines)", "-.\(manyZeros)1",
    ])
    func rejectsOutOfRangeValues(_ text: String) {
        #expect(rejection(text, .size) == ValueParseError(
            message: "p: expects a non-negative size below 2^64 bytes (16 EiB), got '\(text)'",
            qemuMessage: "Value '\(text)' is out of range for parameter 'p'"))
    }

    @Test func messagesNameTheProperty() {
        #expect(rejection("1KB", .size, name: "xbzrle-cache-size")?.message
            == "xbzrle-cache-size: expects a size in bytes with an optional K/M/G/T/P/E suffix, got '1KB'")
        #expect(rejection("16E", .size, name: "xbzrle-cache-size")?.qemuMessage
            == "Value '16E' is out of range for parameter 'xbzrle-cache-size'")
    }

    @Test func exposesQemusHint() {
        #expect(ValueParser.sizeHint == """
            Optional suffix k, M, G, T, P or E means kilo-, mega-, giga-, tera-, peta-
            and exabytes, respectively.
            """)
    }
}

@Suite struct OtherTypeParsingTests {
    private let compression = ValueType.enumeration(["none", "zlib", "zstd"])

    @Test func matchesEnumerationNamesExactly() {
        #expect(parsed("zstd", compression) == .choice("zstd"))
        #expect(rejection("ZLIB", compression, name: "multifd-compression") == ValueParseError(
            message: "multifd-compression: expects one of none|zlib|zstd, got 'ZLIB'",
            qemuMessage: "Parameter 'multifd-compression' does not accept value 'ZLIB'"))
        #expect(rejection(" none", compression) != nil)
        #expect(rejection("", compression) != nil)
    }

    @Test(arguments: ["", "tls0", "a,b c", "line1\nline2", " padded ", "quote'\"", "ünïcødé 😀"])
    func keepsStringsVerbatim(_ text: String) {
        #expect(parsed(text, .string) == .text(text))
    }

    @Test func refusesBitmapMappingAsGlobal() {
        #expect(rejection("[]", .bitmapMapping, name: "block-bitmap-mapping") == ValueParseError(
            message: "block-bitmap-mapping: has no -global form; set it through QMP (a JSON list) or a profile",
            qemuMessage: "Property 'migration.block-bitmap-mapping' not found"))
    }
}

/// The size syntax QEMU changed in 8.0 and 8.1 (qemu-versions.md §8.4, checked against the 7.2
/// and 10.0 binaries).
struct SizeSyntaxByVersionTests {
    @Test(arguments: [
        (".5k", QEMUVersion.v7_2, nil), (".5k", .v8_0, nil), (".5k", .v8_1, 512), (".5k", .v9_0, 512),
        ("0x10k", .v7_2, 16384), ("0x10k", .v8_0, nil), ("0x10k", .v10_0, nil),
        ("0x10", .v7_2, 16), ("1.5G", .v7_2, 1_610_612_736), ("010", .v7_2, 10), ("64M", .v8_0, 67_108_864),
    ] as [(String, QEMUVersion, UInt64?)])
    func sizesByVersion(text: String, version: QEMUVersion, expected: UInt64?) {
        let result = ValueParser.parse(text, as: .size, name: "xbzrle-cache-size", version: version)
        switch (result, expected) {
        case (.success(let value), let expected?): #expect(value == .number(expected))
        case (.failure(let error), nil):
            #expect(error.qemuMessage == "Parameter 'xbzrle-cache-size' expects a non-negative number below 2^64")
        default: Issue.record("\(text) on \(version): \(result)")
        }
    }

    @Test(arguments: ["-1", "-0", " -1"])
    func negativeSizesAreSyntaxErrorsBefore81AndOutOfRangeAfter(text: String) {
        for version in [QEMUVersion.v7_2, .v8_0] {
            guard case .failure(let error) = ValueParser.parse(text, as: .size, name: "announce-step", version: version) else {
                Issue.record("accepted \(text) on \(version)")
                continue
            }
            #expect(error.qemuMessage == "Parameter 'announce-step' expects a non-negative number below 2^64")
        }
        guard case .failure(let error) = ValueParser.parse(text, as: .size, name: "announce-step", version: .v8_1) else {
            Issue.record("accepted \(text) on 8.1")
            return
        }
        #expect(error.qemuMessage == "Value '\(text)' is out of range for parameter 'announce-step'")
    }
}
