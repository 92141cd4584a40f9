/// The multifd compression methods that exist only when QEMU was built with their library.
/// QEMU's `MultiFDCompression` enum leaves such a value out of the build entirely, so a QEMU
/// without it refuses the value as it parses it: a build fact, not a rule about settings.
public struct CompressionMethods: OptionSet, Hashable, Sendable {
    public let rawValue: UInt8

    public init(rawValue: UInt8) {
        self.rawValue = rawValue
    }

    public static let zstd = CompressionMethods(rawValue: 1 << 0)
    public static let qatzip = CompressionMethods(rawValue: 1 << 1)
    public static let qpl = CompressionMethods(rawValue: 1 << 2)
    public static let uadk = CompressionMethods(rawValue: 1 << 3)

    /// Each optional method with its `multifd-compression` spelling, in the order QEMU lists them.
    public static let all: [(name: String, method: CompressionMethods)] = [
        ("zstd", .zstd), ("qatzip", .qatzip), ("qpl", .qpl), ("uadk", .uadk),
    ]

    /// The spellings of the optional methods.
    public static var names: [String] { all.map(\.name) }

    /// The methods every build has: asking for them needs no library.
    static let builtIn: Set<String> = ["none", "zlib"]

    /// The method a `multifd-compression` choice needs, or nil for a built-in choice.
    public static func method(named name: String) -> CompressionMethods? {
        all.first { $0.name == name }?.method
    }

    /// Reads `zstd,qpl` (built-in names are allowed and ignored), or `none`/empty for no method.
    public init?(text: String) {
        self = []
        guard !text.isEmpty else { return }
        for word in text.split(separator: ",", omittingEmptySubsequences: false) {
            let name = String(word)
            if let method = CompressionMethods.method(named: name) {
                insert(method)
            } else if !CompressionMethods.builtIn.contains(name) {
                return nil
            }
        }
    }

    /// `zstd,qpl` in QEMU's order, or `none`.
    public var text: String {
        let names = CompressionMethods.all.filter { contains($0.method) }.map(\.name)
        return names.isEmpty ? "none" : names.joined(separator: ",")
    }

    /// Whether a build with these methods accepts the choice of `multifd-compression` whose
    /// index in the catalog's full choice list is `index` (the configuration's scalar).
    @inlinable func accepts(choiceIndex index: UInt64) -> Bool {
        let needed = CompressionMethods.neededByChoice
        return index >= needed.count || isSuperset(of: needed[Int(index)])
    }

    /// For each choice of `multifd-compression` (all releases' list, by index): what it needs.
    @usableFromInline static let neededByChoice: [CompressionMethods] = {
        guard case .enumeration(let choices) = ItemID.multifdCompression.item.type else { return [] }
        return choices.map { method(named: $0) ?? [] }
    }()
}
