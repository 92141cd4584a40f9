import MigrationCore
import QEMURunner

extension QEMUBinary {
    /// The binary at `path` and the release migedit has for it. Commands that run a QEMU read
    /// the profile for the release the binary is, so an unusable binary (its message after
    /// `prefix`) or a release migedit has no profile for is bad input before anything else.
    static func probeRelease(_ path: String, prefix: String = "") throws -> (binary: QEMUBinary, version: QEMUVersion) {
        let binary: QEMUBinary
        do {
            binary = try QEMUBinary.probe(path)
        } catch {
            throw CLIFailure.badInput(prefix + error.message)
        }
        guard let version = QEMUVersion(parsing: binary.version) else {
            throw CLIFailure.badInput("migedit has no profile for QEMU \(binary.version) (known: \(QEMUVersion.list))")
        }
        return (binary, version)
    }
}
