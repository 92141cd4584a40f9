/// P19: `block-bitmap-mapping` must be a valid alias map in both directions
/// (QEMU's `check_dirty_bitmap_mig_alias_map`, which builds the name→alias map and then the
/// alias→name map and stops at the first problem).
extension RuleBook {
    static let blockBitmapMapping = Rule(
        .blockBitmapMappingValid, .parameters, "P19", subjects: [.item(.blockBitmapMapping)], trigger: .blockBitmapMapping,
        message: "Invalid mapping given for block-bitmap-mapping: ",
        explanation: "The destination finds each bitmap by the aliases in the stream, so every "
            + "node alias must be a well-formed QEMU id and every name or alias must be unique "
            + "and short enough for the stream's length-prefixed strings; otherwise bitmaps would "
            + "land on the wrong node or not at all.",
        detail: { configuration, _ in bitmapMappingProblem(configuration[.blockBitmapMapping]) ?? "" }
    ) { configuration, _ in
        configuration.number(.blockBitmapMapping) > 0 && bitmapMappingProblem(configuration[.blockBitmapMapping]) != nil
    }

    /// QEMU's limits: node names fit `BlockDriverState.node_name[32]`, aliases travel as
    /// one-byte-length strings, bitmap names are at most `BDRV_BITMAP_MAX_NAME_SIZE`.
    static let maxNodeNameBytes = 31
    static let maxAliasBytes = 255
    static let maxBitmapNameBytes = 1023

    /// The first problem QEMU reports for a mapping, or nil when it is valid.
    static func bitmapMappingProblem(_ value: Value) -> String? {
        guard case .bitmapMapping(let nodes) = value, !nodes.isEmpty else { return nil }
        return aliasMapProblem(nodes, nameToAlias: true) ?? aliasMapProblem(nodes, nameToAlias: false)
    }

    private static func aliasMapProblem(_ nodes: [BitmapNodeAlias], nameToAlias: Bool) -> String? {
        var seenNodes = Set<String>()
        for node in nodes {
            if !isWellFormedID(node.alias) {
                return "The node alias '\(node.alias)' is not well-formed"
            }
            if node.alias.utf8.count > maxAliasBytes {
                return "The node alias '\(node.alias)' is longer than \(maxAliasBytes) bytes"
            }
            if node.nodeName.utf8.count > maxNodeNameBytes {
                return "The node name '\(node.nodeName)' is longer than \(maxNodeNameBytes) bytes"
            }
            let nodeKey = nameToAlias ? node.nodeName : node.alias
            if !seenNodes.insert(nodeKey).inserted {
                return nameToAlias
                    ? "The node name '\(node.nodeName)' is mapped twice"
                    : "The node alias '\(node.alias)' is used twice"
            }
            var seenBitmaps = Set<String>()
            for bitmap in node.bitmaps {
                if bitmap.alias.utf8.count > maxAliasBytes {
                    return "The bitmap alias '\(bitmap.alias)' is longer than \(maxAliasBytes) bytes"
                }
                if bitmap.name.utf8.count > maxBitmapNameBytes {
                    return "The bitmap name '\(bitmap.name)' is longer than \(maxBitmapNameBytes) bytes"
                }
                let bitmapKey = nameToAlias ? bitmap.name : bitmap.alias
                if !seenBitmaps.insert(bitmapKey).inserted {
                    return nameToAlias
                        ? "The bitmap '\(node.nodeName)'/'\(bitmap.name)' is mapped twice"
                        : "The bitmap alias '\(node.alias)'/'\(bitmap.alias)' is used twice"
                }
            }
        }
        return nil
    }

    /// QEMU's `id_wellformed`: an ASCII letter, then letters, digits, `-`, `.` or `_`.
    static func isWellFormedID(_ id: String) -> Bool {
        let bytes = Array(id.utf8)
        guard let first = bytes.first, isASCIILetter(first) else { return false }
        return bytes.dropFirst().allSatisfy {
            isASCIILetter($0) || (0x30...0x39).contains($0) || $0 == 0x2D || $0 == 0x2E || $0 == 0x5F
        }
    }

    private static func isASCIILetter(_ byte: UInt8) -> Bool {
        (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte)
    }
}
