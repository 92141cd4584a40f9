// P19 (options.c:1233): block-bitmap-mapping is validated by QEMU's
// check_dirty_bitmap_mig_alias_map (migration/block-dirty-bitmap.c), which runs
// construct_alias_map twice — first name→alias over every node, then alias→name — and stops at
// the first problem. Per node: id_wellformed(alias), strlen(alias) <= UINT8_MAX,
// strlen(node_name) <= sizeof(node_name) - 1 = 31, duplicate key; per bitmap:
// strlen(alias) <= UINT8_MAX, strlen(name) <= BDRV_BITMAP_MAX_NAME_SIZE = 1023, duplicate key.
// Lengths are strlen(), i.e. UTF-8 bytes.
import Testing
@testable import MigrationCore

struct MappingCase: Sendable, CustomTestStringConvertible {
    let label: String
    let nodes: [BitmapNodeAlias]
    /// The detail after "Invalid mapping given for block-bitmap-mapping: ", or nil if valid.
    let detail: String?
    var testDescription: String { label }

    init(_ label: String, _ nodes: [BitmapNodeAlias], _ detail: String?) {
        self.label = label
        self.nodes = nodes
        self.detail = detail
    }
}

func node(_ name: String, _ alias: String, _ bitmaps: (String, String)...) -> BitmapNodeAlias {
    BitmapNodeAlias(nodeName: name, alias: alias, bitmaps: bitmaps.map { BitmapAlias(name: $0.0, alias: $0.1) })
}

func repeated(_ s: String, _ n: Int) -> String { String(repeating: s, count: n) }

@Suite("P19: block-bitmap-mapping (check_dirty_bitmap_mig_alias_map)")
struct BitmapMappingTests {
    static let a255 = "a" + repeated("b", 254)
    static let a256 = "a" + repeated("b", 255)
    static let n31 = repeated("n", 31)
    static let n32 = repeated("n", 32)
    static let e15a = repeated("é", 15) + "a"  // 31 bytes, 16 characters
    static let e16 = repeated("é", 16)  // 32 bytes, 16 characters
    static let b255 = repeated("x", 255)
    static let b256 = repeated("x", 256)
    static let eAlias256 = repeated("é", 128)  // 256 bytes, 128 characters
    static let name1023 = repeated("m", 1023)
    static let name1024 = repeated("m", 1024)
    static let eName1024 = repeated("é", 512)  // 1024 bytes, 512 characters

    static let cases: [MappingCase] = [
        // Valid mappings
        MappingCase("empty list", [], nil),
        MappingCase("one node, one bitmap", [node("node0", "alias0", ("bm0", "bma0"))], nil),
        MappingCase("alias with - . _ and digits", [node("n", "a-b.c_d9")], nil),
        MappingCase("single-letter alias", [node("n", "Z")], nil),
        MappingCase("node alias 255 bytes", [node("n", a255)], nil),
        MappingCase("node name 31 bytes", [node(n31, "a")], nil),
        MappingCase("node name 31 UTF-8 bytes", [node(e15a, "a")], nil),
        MappingCase("node name is not checked for form", [node("node with spaces!", "a")], nil),
        MappingCase("bitmap alias 255 bytes", [node("n", "a", ("bm", b255))], nil),
        MappingCase("bitmap alias is not checked for form", [node("n", "a", ("bm", "0 not an id!"))], nil),
        MappingCase("bitmap name 1023 bytes", [node("n", "a", (name1023, "x"))], nil),
        MappingCase("names are case-sensitive",
                    [node("n", "a", ("bm", "x"), ("BM", "X")), node("N", "A")], nil),
        MappingCase("same bitmap name and alias on different nodes",
                    [node("n1", "a1", ("bm", "x")), node("n2", "a2", ("bm", "x"))], nil),
        MappingCase("empty node name, empty bitmap name and alias", [node("", "a", ("", ""))], nil),
        MappingCase("node with no bitmaps", [node("n1", "a1"), node("n2", "a2", ("bm", "x"))], nil),

        // Node alias well-formedness (id_wellformed: ASCII letter, then alnum or -._)
        MappingCase("empty node alias", [node("n", "")], "The node alias '' is not well-formed"),
        MappingCase("alias starts with digit", [node("n", "0node")], "The node alias '0node' is not well-formed"),
        MappingCase("alias starts with underscore", [node("n", "_a")], "The node alias '_a' is not well-formed"),
        MappingCase("alias starts with dash", [node("n", "-a")], "The node alias '-a' is not well-formed"),
        MappingCase("alias contains space", [node("n", "a b")], "The node alias 'a b' is not well-formed"),
        MappingCase("alias contains slash", [node("n", "a/b")], "The node alias 'a/b' is not well-formed"),
        MappingCase("alias starts with non-ASCII letter", [node("n", "éa")], "The node alias 'éa' is not well-formed"),
        MappingCase("alias contains non-ASCII letter", [node("n", "aé")], "The node alias 'aé' is not well-formed"),
        MappingCase("alias contains colon", [node("n", "a:b")], "The node alias 'a:b' is not well-formed"),
        MappingCase("alias starts with '#'", [node("n", "#block123")],
                    "The node alias '#block123' is not well-formed"),

        // Lengths
        MappingCase("node alias 256 bytes", [node("n", a256)], "The node alias '\(a256)' is longer than 255 bytes"),
        MappingCase("node name 32 bytes", [node(n32, "a")], "The node name '\(n32)' is longer than 31 bytes"),
        MappingCase("node name 32 UTF-8 bytes (16 characters)", [node(e16, "a")],
                    "The node name '\(e16)' is longer than 31 bytes"),
        MappingCase("bitmap alias 256 bytes", [node("n", "a", ("bm", b256))],
                    "The bitmap alias '\(b256)' is longer than 255 bytes"),
        MappingCase("bitmap alias 256 UTF-8 bytes (128 characters)", [node("n", "a", ("bm", eAlias256))],
                    "The bitmap alias '\(eAlias256)' is longer than 255 bytes"),
        MappingCase("bitmap name 1024 bytes", [node("n", "a", (name1024, "x"))],
                    "The bitmap name '\(name1024)' is longer than 1023 bytes"),
        MappingCase("bitmap name 1024 UTF-8 bytes (512 characters)", [node("n", "a", (eName1024, "x"))],
                    "The bitmap name '\(eName1024)' is longer than 1023 bytes"),

        // Duplicates
        MappingCase("node name twice", [node("n1", "a1"), node("n1", "a2")], "The node name 'n1' is mapped twice"),
        MappingCase("same node twice: name reported, not alias", [node("n1", "a"), node("n1", "a")],
                    "The node name 'n1' is mapped twice"),
        MappingCase("node alias twice", [node("n1", "a"), node("n2", "a")], "The node alias 'a' is used twice"),
        MappingCase("bitmap name twice in a node", [node("n1", "a1", ("bm", "x"), ("bm", "y"))],
                    "The bitmap 'n1'/'bm' is mapped twice"),
        MappingCase("bitmap alias twice in a node", [node("n1", "a1", ("bm1", "x"), ("bm2", "x"))],
                    "The bitmap alias 'a1'/'x' is used twice"),

        // Order inside one node: alias form, alias length, name length, duplicate
        MappingCase("bad alias form beats alias length", [node("n", a256 + " ")],
                    "The node alias '\(a256) ' is not well-formed"),
        MappingCase("bad alias form beats node-name length", [node(n32, "1a")],
                    "The node alias '1a' is not well-formed"),
        MappingCase("alias length beats node-name length", [node(n32, a256)],
                    "The node alias '\(a256)' is longer than 255 bytes"),
        MappingCase("node-name length beats duplicate name", [node(n32, "a"), node(n32, "b")],
                    "The node name '\(n32)' is longer than 31 bytes"),
        MappingCase("second node: alias form checked before duplicate name", [node("n1", "a1"), node("n1", "2")],
                    "The node alias '2' is not well-formed"),
        MappingCase("duplicate node name beats that node's bitmaps",
                    [node("n1", "a1", ("bm", "x")), node("n1", "a2", ("bm", b256))],
                    "The node name 'n1' is mapped twice"),
        // Order inside one bitmap: alias length, name length, duplicate
        MappingCase("bitmap alias length beats bitmap name length", [node("n", "a", (name1024, b256))],
                    "The bitmap alias '\(b256)' is longer than 255 bytes"),
        MappingCase("bitmap name length beats duplicate bitmap name",
                    [node("n", "a", (name1024, "x"), (name1024, "y"))],
                    "The bitmap name '\(name1024)' is longer than 1023 bytes"),
        MappingCase("first bitmap problem in list order",
                    [node("n", "a", ("bm1", "x"), ("bm1", "y"), ("bm2", b256))],
                    "The bitmap 'n'/'bm1' is mapped twice"),

        // Across nodes: nodes in list order, each node with its bitmaps before the next node
        MappingCase("earlier node's bitmap beats later node's alias",
                    [node("n1", "a1", ("bm", b256)), node("n2", "1bad")],
                    "The bitmap alias '\(b256)' is longer than 255 bytes"),
        MappingCase("earlier node's alias beats later node's bitmap",
                    [node("n1", "bad alias"), node("n2", "a2", ("bm", b256))],
                    "The node alias 'bad alias' is not well-formed"),

        // Forward pass (name→alias) completes before the reverse pass (alias→name)
        MappingCase("duplicate name found after duplicate alias still wins",
                    [node("n1", "a"), node("n2", "a"), node("n1", "b")],
                    "The node name 'n1' is mapped twice"),
        MappingCase("later malformed alias beats earlier duplicate alias",
                    [node("n1", "a"), node("n2", "a"), node("n3", "bad alias")],
                    "The node alias 'bad alias' is not well-formed"),
        MappingCase("later long node name beats earlier duplicate alias",
                    [node("n1", "a"), node("n2", "a"), node(n32, "c")],
                    "The node name '\(n32)' is longer than 31 bytes"),
        MappingCase("later duplicate bitmap name beats earlier duplicate bitmap alias",
                    [node("n1", "a1", ("bm1", "x"), ("bm2", "x")), node("n2", "a2", ("c", "y"), ("c", "z"))],
                    "The bitmap 'n2'/'c' is mapped twice"),
        MappingCase("later long bitmap alias beats earlier duplicate node alias",
                    [node("n1", "a"), node("n2", "a"), node("n3", "c", ("bm", b256))],
                    "The bitmap alias '\(b256)' is longer than 255 bytes"),
        // Reverse pass: nodes in order, so an earlier node's duplicate bitmap alias is found
        // before a later node's duplicate node alias.
        MappingCase("reverse pass: earlier bitmap alias duplicate beats later node alias duplicate",
                    [node("n1", "a", ("bm1", "x"), ("bm2", "x")), node("n2", "a")],
                    "The bitmap alias 'a'/'x' is used twice"),
        MappingCase("reverse pass: earlier node alias duplicate beats later bitmap alias duplicate",
                    [node("n1", "a"), node("n2", "a"), node("n3", "c", ("bm1", "x"), ("bm2", "x"))],
                    "The node alias 'a' is used twice"),
        MappingCase("reverse pass: bitmap alias reported with the node alias",
                    [node("n1", "a1"), node("n2", "Alias2", ("p", "same"), ("q", "same"))],
                    "The bitmap alias 'Alias2'/'same' is used twice"),
    ]

    /// For the rule-coverage test.
    static var mappingTrips: [RuleTrip] {
        cases.compactMap { c in
            c.detail.map { detail in
                RuleTrip("P19 \(c.label)", .parameters, QemuText.p19 + detail,
                         on(set: [.blockBitmapMapping: .bitmapMapping(c.nodes)]))
            }
        }
    }

    @Test("block-bitmap-mapping verdicts", arguments: cases)
    func mapping(_ c: MappingCase) {
        let report = on(set: [.blockBitmapMapping: .bitmapMapping(c.nodes)]).report()
        if let detail = c.detail {
            let expected = QemuText.p19 + detail
            #expect(report.firstError?.message == expected)
            #expect(report.diagnostics.map(\.message) == [expected])
            #expect(report.startupLines == [expected])
        } else {
            #expect(report.isAccepted, "\(report.firstError?.message ?? "")")
            #expect(report.diagnostics.isEmpty)
        }
    }

    @Test("A mapping problem is reported once, however many problems there are")
    func onlyFirstProblem() {
        let nodes = [node("n1", "1"), node(Self.n32, Self.a256), node("n1", "a", ("bm", Self.b256))]
        let report = on(set: [.blockBitmapMapping: .bitmapMapping(nodes)]).report()
        #expect(report.diagnostics.map(\.message) == [QemuText.p19 + "The node alias '1' is not well-formed"])
    }

    @Test("The persistent transform does not affect validation")
    func persistentIgnored() {
        let nodes = [BitmapNodeAlias(nodeName: "n", alias: "a", bitmaps: [
            BitmapAlias(name: "bm", alias: "x", persistent: true),
            BitmapAlias(name: "bm2", alias: "x", persistent: false),
        ])]
        let report = on(set: [.blockBitmapMapping: .bitmapMapping(nodes)]).report()
        #expect(report.firstError?.message == QemuText.p19 + "The bitmap alias 'a'/'x' is used twice")
    }
}
