/// How setting values look in QMP and in profiles: JSON booleans, integers in bytes or units,
/// strings, `block-bitmap-mapping` as QMP's list of node objects and `cpr-exec-command` as a
/// list of strings.
enum ValueJSON {
    static func encode(_ value: Value) -> JSON {
        switch value {
        case .bool(let flag): return .bool(flag)
        case .number(let number): return .number(String(number))
        case .choice(let text), .text(let text): return .string(text)
        case .bitmapMapping(let nodes): return .array(nodes.map(encode))
        case .stringList(let words): return .array(words.map { .string($0) })
        }
    }

    private static func encode(_ node: BitmapNodeAlias) -> JSON {
        .object([
            JSONMember(key: "node-name", value: .string(node.nodeName)),
            JSONMember(key: "alias", value: .string(node.alias)),
            JSONMember(key: "bitmaps", value: .array(node.bitmaps.map(encode))),
        ])
    }

    private static func encode(_ bitmap: BitmapAlias) -> JSON {
        var members = [
            JSONMember(key: "name", value: .string(bitmap.name)),
            JSONMember(key: "alias", value: .string(bitmap.alias)),
        ]
        if let persistent = bitmap.persistent {
            members.append(JSONMember(key: "transform", value: .object([JSONMember(key: "persistent", value: .bool(persistent))])))
        }
        return .object(members)
    }

    /// Reads a value for `item` from JSON. Numbers may also be given as strings in QEMU's
    /// `-global` syntax (`"64M"`), which is friendlier in hand-written profiles.
    static func decode(
        _ json: JSON, for item: Item, context: String, version: QEMUVersion
    ) throws(ImportError) -> Value {
        func fail(_ expected: String) -> ImportError {
            ImportError("\(context): \(item.name) expects \(expected), got \(json.serialized())")
        }
        switch item.type {
        case .bool:
            guard let flag = json.boolValue else { throw fail("true or false") }
            return .bool(flag)
        case .uint8, .uint32, .uint64, .size:
            let maximum = item.type.maximum ?? UInt64.max
            if let number = json.uint64Value {
                guard number <= maximum else { throw fail("an integer 0..\(maximum) (\(item.type.displayName))") }
                return .number(number)
            }
            if let text = json.stringValue {
                switch ValueParser.parse(text, as: item.type, name: item.name, version: version) {
                case .success(let value): return value
                case .failure(let error): throw ImportError("\(context): \(error.message)")
                }
            }
            throw fail("an integer 0..\(maximum) (\(item.type.displayName))")
        case .enumeration(let choices):
            guard let text = json.stringValue, choices.contains(text) else {
                throw fail("one of " + choices.joined(separator: "|"))
            }
            return .choice(text)
        case .string:
            if json == .null { return .text("") }
            guard let text = json.stringValue else { throw fail("a string") }
            guard !text.unicodeScalars.contains("\0") else {
                throw ImportError("\(context): \(item.name) contains a NUL character (\\u0000), which QEMU refuses")
            }
            return .text(text)
        case .stringList:
            guard let words = json.arrayValue?.compactMap(\.stringValue), words.count == json.arrayValue?.count else {
                throw fail("a list of strings")
            }
            return .stringList(words)
        case .bitmapMapping:
            guard let nodes = json.arrayValue else { throw fail("a list of {node-name, alias, bitmaps}") }
            return .bitmapMapping(try nodes.map { (node) throws(ImportError) in try decodeNode(node, context: context) })
        }
    }

    private static func decodeNode(_ json: JSON, context: String) throws(ImportError) -> BitmapNodeAlias {
        guard json.members != nil, let nodeName = json["node-name"]?.stringValue,
            let alias = json["alias"]?.stringValue, let bitmaps = json["bitmaps"]?.arrayValue
        else {
            throw ImportError("\(context): block-bitmap-mapping entries need string node-name and alias and a bitmaps list, got \(json.serialized())")
        }
        let decoded = try bitmaps.map { (bitmap) throws(ImportError) -> BitmapAlias in
            guard bitmap.members != nil, let name = bitmap["name"]?.stringValue, let alias = bitmap["alias"]?.stringValue else {
                throw ImportError("\(context): block-bitmap-mapping bitmaps need string name and alias, got \(bitmap.serialized())")
            }
            var persistent: Bool?
            if let transform = bitmap["transform"] {
                guard let flag = transform["persistent"]?.boolValue else {
                    throw ImportError("\(context): block-bitmap-mapping transform expects {\"persistent\": bool}, got \(transform.serialized())")
                }
                persistent = flag
            }
            return BitmapAlias(name: name, alias: alias, persistent: persistent)
        }
        return BitmapNodeAlias(nodeName: nodeName, alias: alias, bitmaps: decoded)
    }
}
