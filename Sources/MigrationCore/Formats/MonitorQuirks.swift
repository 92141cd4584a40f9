/// A setting QEMU's monitor accepts but never applies in some releases: the QMP command answers
/// `{"return": {}}` (HMP prints nothing, as it calls the same code) and QEMU keeps the old
/// value. Nothing in QEMU's answer warns the user, so exports name each one.
public struct IgnoredMonitorSetting: Sendable {
    public let id: ItemID
    /// The releases whose monitor ignores it.
    public let versions: VersionRange
}

/// What QEMU's monitor does differently from what its commands promise, per release. The test
/// suite sets every parameter and capability of real QEMUs over QMP and HMP and reads each back,
/// so these tables are measured, not assumed: every ignored setting must keep its old value
/// there, every refused value must be refused, and everything else must read back as set.
public enum MonitorQuirks {
    /// QEMU before 9.0 had no code copying the multifd compression levels from
    /// `migrate-set-parameters` into the live parameters (nor into the copy its range check
    /// reads, so out-of-range levels were not refused either). Fixed by commit b4014a2bf5
    /// "migration: Properly apply migration compression level parameters", first in 9.0.0.
    public static let ignoredSettings: [IgnoredMonitorSetting] = [
        IgnoredMonitorSetting(id: .multifdZlibLevel, versions: .until(.v8_2)),
        IgnoredMonitorSetting(id: .multifdZstdLevel, versions: .until(.v8_2)),
    ]

    /// The parameters HMP's `migrate_set_parameter` refuses above `hmpSizeLimit` with "Invalid
    /// size", in every release, although QMP and `-global` take any 64-bit value: HMP parses
    /// them as sizes and then checks them against INT64_MAX.
    public static let hmpSizeLimited: [ItemID] = [.maxBandwidth, .availSwitchoverBandwidth, .xbzrleCacheSize]

    /// The largest value HMP takes for the `hmpSizeLimited` parameters.
    public static let hmpSizeLimit = UInt64(Int64.max)

    /// Why HMP would refuse this value of a parameter, as an export note; nil when it takes it.
    public static func hmpRefusal(_ id: ItemID, _ value: Value) -> String? {
        guard hmpSizeLimited.contains(id), case .number(let number) = value, number > hmpSizeLimit else { return nil }
        return "\(id.item.name)=\(number) is above \(hmpSizeLimit), the most HMP's migrate_set_parameter takes; use --format qmp"
    }

    /// Whether `version`'s monitor accepts a change of `id` without applying it.
    public static func ignores(_ id: ItemID, in version: QEMUVersion) -> Bool {
        ignoredSettings.contains { $0.id == id && $0.versions.contains(version) }
    }

    /// A note for each changed setting the format's command would not apply in the catalog's
    /// release, naming the `-global` option that does; none for formats that are not monitor
    /// commands.
    static func notes(for configuration: Configuration, host: Host, catalog: Catalog, format: ExportFormat) -> [String] {
        configuration.changedItems.compactMap { note(setting: $0, to: configuration[$0], host: host, catalog: catalog, format: format) }
    }

    /// The note for setting `id` to `value` with the format's command when the catalog's
    /// release would not apply it; nil when it would, or the format is no monitor command.
    public static func note(setting id: ItemID, to value: Value, host: Host, catalog: Catalog, format: ExportFormat) -> String? {
        guard format == .qmp || format == .hmp, ignores(id, in: catalog.version), let item = catalog.item(id) else { return nil }
        let setting = "\(item.name)=" + ValueFormatter.globalText(value, as: item.type)
        let ignored = "\(setting) is accepted but not applied by QEMU \(catalog.version)'s \(command(for: item.kind, format))"
        guard let property = item.property(on: host) else { return ignored + "; no other way sets it in this release" }
        return ignored + "; pass it as -global " + Exporter.globalArgument(id, value, property: property)
    }

    /// The monitor command that sets an item of `kind` in `format`.
    static func command(for kind: ItemKind, _ format: ExportFormat) -> String {
        switch (kind, format) {
        case (.capability, .hmp): return "migrate_set_capability"
        case (.capability, _): return "migrate-set-capabilities"
        case (_, .hmp): return "migrate_set_parameter"
        default: return "migrate-set-parameters"
        }
    }
}
