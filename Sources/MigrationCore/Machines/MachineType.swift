/// A versioned x86 PC machine type (`pc-q35-8.2`, `pc-i440fx-7.2`). QEMU keeps one per past
/// release so a guest keeps the hardware, and the migration stream, of the release it started
/// on: each applies compat properties to the migration object (see `MachineCompat`).
public struct MachineType: Hashable, Sendable, Comparable, CustomStringConvertible {
    /// The two PC chipsets; the raw value is the type name's prefix.
    public enum Family: String, CaseIterable, Hashable, Sendable {
        case q35 = "pc-q35"
        case i440fx = "pc-i440fx"

        /// The unversioned name QEMU resolves to the release's newest type of the family.
        public var alias: String {
            switch self {
            case .q35: return "q35"
            case .i440fx: return "pc"
            }
        }
    }

    public let family: Family
    public let version: MachineVersion

    public init(_ family: Family, _ version: MachineVersion) {
        self.family = family
        self.version = version
    }

    /// The name `-M` takes.
    public var name: String { "\(family.rawValue)-\(version)" }

    public var description: String { name }

    /// Newest first within a family, q35 before i440fx: the order of the editor's picker.
    public static func < (lhs: MachineType, rhs: MachineType) -> Bool {
        lhs.family == rhs.family ? lhs.version > rhs.version : lhs.family == .q35
    }

    /// The type a `-M` name stands for: a versioned name, or `q35`/`pc` for the newest.
    public init?(name: String, in release: QEMUVersion) {
        if let family = Family.allCases.first(where: { $0.alias == name }) {
            self.init(family, MachineVersion(release))
            return
        }
        guard let found = MachineType.available(in: release).first(where: { $0.name == name }) else { return nil }
        self = found
    }

    /// Every versioned q35 and i440fx type `release` registers, in `<` order.
    public static func available(in release: QEMUVersion) -> [MachineType] {
        Family.allCases.flatMap { family in
            MachineVersion.history.reversed().filter { version in
                version <= MachineVersion(release) && version >= oldest(family, in: release)
                    && (version.micro == 0 || family == .q35)
            }.map { MachineType(family, $0) }
        }
    }

    /// The oldest type of a family a release registers. 8.2 removed i440fx 1.4 to 1.7, 9.1
    /// i440fx 2.0 to 2.3 (hw/i386/pc_piix.c at those tags); from 10.1 `MACHINE_VER_DELETION`
    /// (include/hw/boards.h) skips types more than six years old at startup, so 10.1 starts at
    /// 4.2 and 10.2 at 5.0 although their sources still define older ones.
    static func oldest(_ family: Family, in release: QEMUVersion) -> MachineVersion {
        switch (release, family) {
        case (.v10_2, _): return MachineVersion(5, 0)
        case (.v10_1, _): return MachineVersion(4, 2)
        case (_, .q35): return MachineVersion(2, 4)
        case (.v7_2, .i440fx), (.v8_0, .i440fx), (.v8_1, .i440fx): return MachineVersion(1, 4)
        case (.v8_2, .i440fx), (.v9_0, .i440fx): return MachineVersion(2, 0)
        case (_, .i440fx): return MachineVersion(2, 4)
        }
    }

    /// The `-M` names a release accepts, aliases first, for messages.
    public static func names(in release: QEMUVersion) -> [String] {
        Family.allCases.map(\.alias) + available(in: release).map(\.name)
    }
}

/// A machine type's version: the QEMU release it reproduces (`8.2`, and q35's one bug-fix
/// type `4.0.1`).
public struct MachineVersion: Hashable, Sendable, Comparable, CustomStringConvertible {
    public let major: Int
    public let minor: Int
    public let micro: Int

    public init(_ major: Int, _ minor: Int, _ micro: Int = 0) {
        self.major = major
        self.minor = minor
        self.micro = micro
    }

    /// The version of the types a release adds (`pc-q35-9.0` for QEMU 9.0).
    public init(_ release: QEMUVersion) {
        let parts = release.rawValue.split(separator: ".").compactMap { Int($0) }
        self.init(parts[0], parts[1])
    }

    public static func < (lhs: MachineVersion, rhs: MachineVersion) -> Bool {
        (lhs.major, lhs.minor, lhs.micro) < (rhs.major, rhs.minor, rhs.micro)
    }

    public var description: String { micro == 0 ? "\(major).\(minor)" : "\(major).\(minor).\(micro)" }

    /// Every version PC machine types have had since 1.4, oldest first.
    static let history: [MachineVersion] =
        (4...7).map { MachineVersion(1, $0) } + (0...12).map { MachineVersion(2, $0) }
        + [MachineVersion(3, 0), MachineVersion(3, 1), MachineVersion(4, 0), MachineVersion(4, 0, 1), MachineVersion(4, 1), MachineVersion(4, 2)]
        + (5...9).flatMap { major in (0...2).map { MachineVersion(major, $0) } }
        + (0...2).map { MachineVersion(10, $0) }
}

extension MachineType {
    /// Why QEMU calls this type deprecated on `release`, as it prints it after
    /// `Machine type '…' is deprecated: `; nil when it does not. Up to 9.0 pc_piix.c marks the
    /// oldest i440fx types by hand (1.7 and older, from 8.2 2.3 and older); from 9.1
    /// `MACHINE_VER_DEPRECATION` (include/hw/boards.h) marks every type three or more years
    /// (releases) older than the release.
    public func deprecation(in release: QEMUVersion) -> String? {
        let current = MachineVersion(release)
        if release >= .v9_1 {
            let age = current.major - version.major
            guard age > 3 || (age == 3 && current.minor >= version.minor) else { return nil }
            return "machines more than 3 years old are subject to deletion after 6 years"
        }
        let newestDeprecated = release >= .v8_2 ? MachineVersion(2, 3) : MachineVersion(1, 7)
        guard family == .i440fx, version <= newestDeprecated else { return nil }
        return "old and unattended - use a newer version instead"
    }

    /// The warning QEMU prints at startup for a deprecated type (without `<prog>: warning: `).
    public func deprecationWarning(in release: QEMUVersion) -> String? {
        deprecation(in: release).map { "Machine type '\(name)' is deprecated: \($0)" }
    }
}
