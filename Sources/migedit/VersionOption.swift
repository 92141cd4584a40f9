import ArgumentParser
import MigrationCore

/// `--qemu VERSION`: the QEMU release to check against. An unknown version is bad input.
struct VersionOption: ParsableArguments {
    @Option(
        name: .customLong("qemu"),
        help: ArgumentHelp(
            "The QEMU release: \(QEMUVersion.list) (default \(QEMUVersion.standard), or the profile's).",
            valueName: "VERSION"),
        completion: Completions.releases,
        transform: { text in
            guard let version = QEMUVersion(parsing: text) else {
                throw ValidationError("unknown QEMU release '\(text)'; known: \(QEMUVersion.list)")
            }
            return version
        })
    var qemu: QEMUVersion?

    /// Bad input when `--qemu` names a release other than `actual`, the one `target` is
    /// (`reported` as QEMU spells it): a command must not check one release and act on another.
    func requireMatch(_ actual: QEMUVersion, target: String, reported: String) throws {
        if let qemu, qemu != actual {
            throw CLIFailure.badInput("--qemu \(qemu) does not match \(target), which is QEMU \(reported)")
        }
    }
}
