/// Every release's checks in the order QEMU runs them: the value parse, `migrate_params_check`,
/// then `migrate_caps_check` (with the deprecation warnings where QEMU prints them). `RuleID`
/// is that order; the rules are defined by family in the files beside this one. The order is
/// what makes `Report.firstError` equal QEMU's message.
public enum RuleBook {
    /// All rules of all releases, in QEMU's order (variants of one id oldest first).
    public static let all: [Rule] = {
        let definitions =
            [multifdCompressionNeedsBuildSupport] + parameterRanges
            + [blockBitmapMapping, zeroCopyParameters, mappedRamParameters] + buildRules + postcopyRules
            + [snapshotHostKernel, snapshotGuestMemory] + snapshotConflicts + streamRules
        return RuleID.allCases.flatMap { id in
            definitions.filter { $0.identity == id }.sorted { $0.versions.first < $1.versions.first }
        }
    }()

    private static let byVersion = PerRelease { version in all.filter { $0.applies(to: version) } }

    /// The checks one release runs, in its order (picked out on first use).
    public static func rules(for version: QEMUVersion) -> [Rule] {
        byVersion[version]
    }

    /// QEMU 9.0's checks.
    public static var qemu90: [Rule] { rules(for: .v9_0) }

    /// The rule with this id in a release.
    public static func rule(withID id: String, in version: QEMUVersion = .standard) -> Rule? {
        rules(for: version).first { $0.id == id }
    }

    /// The rules of a release that read an item, in QEMU's order.
    public static func rules(involving item: ItemID, in version: QEMUVersion = .standard) -> [Rule] {
        rules(for: version).filter { $0.subjects.contains(.item(item)) }
    }

    /// The rules of a release that read a host fact, in QEMU's order.
    public static func rules(involving fact: HostFact, in version: QEMUVersion = .standard) -> [Rule] {
        rules(for: version).filter { $0.subjects.contains(.host(fact)) }
    }
}
