import MigrationCore
import QEMURunner

/// Why a binary has no release migedit can use: it does not run as QEMU, or it is a release
/// migedit has no profile for. One sentence, without the `migedit: ` prefix.
struct ReleaseProbeError: Error {
    let message: String
}

extension QEMUBinary {
    /// The binary at `path` and the release migedit has for it; an unusable binary's message
    /// comes after `prefix`. The editor's rehearsal shows the error in its pane, the commands
    /// through `probeRelease`.
    static func release(of path: String, prefix: String = "") throws(ReleaseProbeError) -> (binary: QEMUBinary, version: QEMUVersion) {
        let binary: QEMUBinary
        do {
            binary = try QEMUBinary.probe(path)
        } catch {
            throw ReleaseProbeError(message: prefix + error.message)
        }
        guard let version = QEMUVersion(parsing: binary.version) else {
            throw ReleaseProbeError(message: "migedit has no profile for QEMU \(binary.version) (known: \(QEMUVersion.list))")
        }
        return (binary, version)
    }

    /// `release(of:prefix:)` for the commands that run a QEMU: they read the profile for the
    /// release the binary is, so an unusable binary or a release migedit has no profile for is
    /// bad input before anything else.
    static func probeRelease(_ path: String, prefix: String = "") throws -> (binary: QEMUBinary, version: QEMUVersion) {
        do {
            return try release(of: path, prefix: prefix)
        } catch {
            throw CLIFailure.badInput(error.message)
        }
    }
}
