import TestSupport
import MigrationCore
import Testing

@Suite struct ValueFormatterTests {
    private let compression = ValueType.enumeration(["none", "zlib", "zstd"])

    @Test func writesBoolsAndIntegersPlainly() {
        #expect(ValueFormatter.globalText(.bool(true), as: .bool) == "on")
        #expect(ValueFormatter.globalText(.bool(false), as: .bool) == "off")
        #expect(ValueFormatter.globalText(.number(8), as: .uint8) == "8")
        #expect(ValueFormatter.globalText(.number(0), as: .uint32) == "0")
        #expect(ValueFormatter.globalText(.number(1024), as: .uint64) == "1024")
        #expect(ValueFormatter.globalText(.number(.max), as: .uint64) == "18446744073709551615")
    }

    @Test(arguments: [
        (0, "0"), (1, "1"), (1000, "1000"), (1024, "1K"), (1536, "1536"), (1025, "1025"), (67_108_864, "64M"),
        (3 << 30, "3G"), (1 << 40, "1T"), (5 << 50, "5P"), (1 << 60, "1E"), (15 << 60, "15E"),
        (1023 << 50, "1023P"), (UInt64.max, "18446744073709551615"), (UInt64.max - 1023, "18014398509481983K"),
    ] as [(UInt64, String)])
    func writesSizesWithTheLargestExactSuffix(_ bytes: UInt64, _ expected: String) {
        #expect(ValueFormatter.globalText(.number(bytes), as: .size) == expected)
    }

    @Test func writesNamesAndStringsVerbatim() {
        #expect(ValueFormatter.globalText(.choice("zstd"), as: compression) == "zstd")
        #expect(ValueFormatter.globalText(.text(""), as: .string) == "")
        #expect(ValueFormatter.globalText(.text("a, b\nc"), as: .string) == "a, b\nc")
    }

    @Test func writesBitmapMappingAsQmpJson() {
        let mapping = Value.bitmapMapping([
            BitmapNodeAlias(nodeName: "drive0", alias: "n0", bitmaps: [
                BitmapAlias(name: "b0", alias: "a0"),
                BitmapAlias(name: "b1", alias: "a1", persistent: true),
            ]),
        ])
        #expect(ValueFormatter.globalText(mapping, as: .bitmapMapping) == #"""
            [{"node-name":"drive0","alias":"n0","bitmaps":[{"name":"b0","alias":"a0"},\#
            {"name":"b1","alias":"a1","transform":{"persistent":true}}]}]
            """#)
        #expect(ValueFormatter.displayText(mapping, as: .bitmapMapping) == "1 node, 2 bitmaps")
        #expect(ValueFormatter.displayText(.bitmapMapping([]), as: .bitmapMapping) == "none")
    }

    @Test(arguments: [
        (0, "0 B"), (1, "1 B"), (1000, "1000 B"), (1023, "1023 B"), (1024, "1 KiB"), (1025, "1025 B"),
        (1536, "1.5 KiB"), (1280, "1.25 KiB"), (1792, "1.75 KiB"), (1152, "1152 B"), (67_108_864, "64 MiB"),
        (1_610_612_736, "1.5 GiB"), (1_342_177_280, "1.25 GiB"), (1 << 60, "1 EiB"), (15 << 60, "15 EiB"),
        (UInt64.max, "18446744073709551615 B"), (3 << 40 | 1 << 38, "3.25 TiB"),
    ] as [(UInt64, String)])
    func displaysSizesInBinaryUnitsOnlyWhenExact(_ bytes: UInt64, _ expected: String) {
        #expect(ValueFormatter.displayText(.number(bytes), as: .size) == expected)
    }

    @Test func displaysOtherValuesCompactly() {
        #expect(ValueFormatter.displayText(.bool(true), as: .bool) == "on")
        #expect(ValueFormatter.displayText(.bool(false), as: .bool) == "off")
        #expect(ValueFormatter.displayText(.number(300), as: .uint32) == "300")
        #expect(ValueFormatter.displayText(.choice("zlib"), as: compression) == "zlib")
        #expect(ValueFormatter.displayText(.text(""), as: .string) == "\"\"")
        #expect(ValueFormatter.displayText(.text("tls0"), as: .string) == "tls0")
    }

    @Test func globalTextParsesBackToTheSameValue() {
        var random = SplitMix64(seed: 0xF0F0_2024)
        let enumNames = ["none", "zlib", "zstd", "qpl", "uadk", "a-b_c.d"]
        let cases: [(ValueType, (inout SplitMix64) -> Value)] = [
            (.bool, { .bool($0.next() & 1 == 1) }),
            (.uint8, { .number($0.next() % 256) }),
            (.uint32, { .number($0.next() & 0xFFFF_FFFF) }),
            (.uint64, { .number(Self.interestingNumber(&$0)) }),
            (.size, { .number(Self.interestingNumber(&$0)) }),
            (.enumeration(enumNames), { .choice(enumNames[Int($0.next() % UInt64(enumNames.count))]) }),
            (.string, { .text(Self.hostileText(&$0)) }),
        ]
        for (type, makeValue) in cases {
            for _ in 0..<3000 {
                let value = makeValue(&random)
                let text = ValueFormatter.globalText(value, as: type)
                #expect(ValueParser.parse(text, as: type, name: "p") == .success(value), "\(type) \(text)")
            }
        }
    }

    /// Numbers spread over every magnitude, many of them exact multiples of a binary unit.
    private static func interestingNumber(_ random: inout SplitMix64) -> UInt64 {
        switch random.next() % 4 {
        case 0: return random.next()
        case 1: return random.next() >> (random.next() % 64)
        case 2: return (random.next() % 4096) << (10 * (random.next() % 7))
        default: return [0, 1, 1023, 1024, 1025, UInt64.max, UInt64.max - 1, 1 << 63][Int(random.next() % 8)]
        }
    }

    private static func hostileText(_ random: inout SplitMix64) -> String {
        let pieces = ["a", "Z", "0", " ", ",", "=", "\n", "\t", "'", "\"", "\\", "$", "é", "😀", "\u{0}", "\u{301}"]
        let length = Int(random.next() % 12)
        return (0..<length).map { _ in pieces[Int(random.next() % UInt64(pieces.count))] }.joined()
    }
}
