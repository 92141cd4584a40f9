import MigrationCore

/// That QEMU would refuse a document, and why, for the messages that must not let a rejected
/// configuration pass unnoticed: the status after a save or an export, and the export screen.
struct Rejection: Hashable, Sendable {
    let version: QEMUVersion
    /// The error QEMU itself would print.
    let firstError: Diagnostic
    let errorCount: Int

    /// Nil when QEMU `version` accepts what `report` describes.
    init?(_ report: Report, version: QEMUVersion) {
        guard let firstError = report.firstError else { return nil }
        self.version = version
        self.firstError = firstError
        errorCount = report.errors.count
    }

    /// "QEMU 9.0 would reject it: 2 errors", to follow a file name.
    var summary: String {
        "QEMU \(version) would reject it: \(errorCount) error\(errorCount == 1 ? "" : "s")"
    }

    /// "✗ QEMU 9.0 rejects this configuration: <QEMU's message>", the export screen's first line.
    var headline: String {
        "\(Marker.error) QEMU \(version) rejects this configuration: \(firstError.message)"
    }
}
