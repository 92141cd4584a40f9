/// The QEMU releases migedit has profiles for. Point releases share their `X.Y` profile: the
/// migration options and checks did not change within a stable series.
public enum QEMUVersion: String, CaseIterable, Hashable, Sendable, Comparable, CustomStringConvertible {
    case v7_2 = "7.2"
    case v8_0 = "8.0"
    case v8_1 = "8.1"
    case v8_2 = "8.2"
    case v9_0 = "9.0"
    case v9_1 = "9.1"
    case v9_2 = "9.2"
    case v10_0 = "10.0"
    case v10_1 = "10.1"
    case v10_2 = "10.2"

    /// The version migedit assumes when none is named: the reference revision's release.
    public static let standard: QEMUVersion = .v9_0

    public static func < (lhs: QEMUVersion, rhs: QEMUVersion) -> Bool { lhs.index < rhs.index }

    /// The oldest release migedit has a profile for.
    public static let oldest = allCases.first!

    /// The newest release migedit has a profile for; everything that says "the newest" derives
    /// from it, so adding a release is adding its case (and its data).
    public static let newest = allCases.last!

    /// "oldest to newest" (e.g. "7.2 to 10.2"): the span of releases migedit knows, for help texts.
    public static var span: String { "\(oldest) to \(newest)" }

    /// The release's position among `allCases`, oldest first; per-release tables use it.
    /// (A scan of ten cases: cheaper than hashing, and it runs in every release comparison.)
    public var index: Int { QEMUVersion.ordered.firstIndex(of: self)! }

    private static let ordered = allCases

    public var description: String { rawValue }

    /// The profile for a version as users write it: `9.0`, `9.0.2`, `10.0.2+ds-2`, or QEMU's
    /// own `--version` banner (`QEMU emulator version 10.0.2 (Debian 1:10.0.2+ds-2…)`).
    public init?(parsing text: String) {
        var rest = Substring(text)
        let marker = "version "
        var index = text.startIndex
        while index < text.endIndex {
            if text[index...].hasPrefix(marker) {
                rest = text[text.index(index, offsetBy: marker.count)...]
                break
            }
            index = text.index(after: index)
        }
        let numbers = rest.prefix { $0.isNumber || $0 == "." }.split(separator: ".")
        guard numbers.count >= 2 else { return nil }
        self.init(rawValue: "\(numbers[0]).\(numbers[1])")
    }

    /// The known versions, for error messages.
    public static var list: String { allCases.map(\.rawValue).joined(separator: ", ") }
}

/// A span of releases, both ends included; an open end means "since the first / until the
/// last profile". Items and rules carry one, so one catalog describes every release.
public struct VersionRange: Hashable, Sendable {
    public let first: QEMUVersion
    public let last: QEMUVersion

    public init(_ first: QEMUVersion = .oldest, through last: QEMUVersion = .newest) {
        self.first = first
        self.last = last
    }

    public static let all = VersionRange()

    public static func since(_ version: QEMUVersion) -> VersionRange { VersionRange(version) }

    public static func until(_ version: QEMUVersion) -> VersionRange { VersionRange(through: version) }

    @inlinable public func contains(_ version: QEMUVersion) -> Bool { first <= version && version <= last }
}
