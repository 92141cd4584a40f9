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
}
