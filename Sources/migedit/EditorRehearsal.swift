import MigrationCore
import MigrationEditor
import QEMURunner
import QMPClient

/// The editor's rehearsal (`r` on the export screen): the document on both sides, an idle
/// 128 MiB guest, 30 s to complete, reported as the actions `update` expects.
enum EditorRehearsal {
    static let timeout = 30.0

    static func run(_ profile: Profile, binary: String, progress: (String) -> Void) -> EditorAction {
        // The binary's release first: the profile moves to it, and its -global properties go on
        // the command lines of QEMUs started for that release.
        let qemu: QEMUBinary, version: QEMUVersion
        do {
            (qemu, version) = try QEMUBinary.release(of: binary, prefix: "no usable QEMU: ")
        } catch {
            return .rehearsalFailed(reason: error.message)
        }
        var document = profile
        let lost = document.configuration.valuesLost(movingTo: version)
        guard lost.isEmpty else {
            return .rehearsalFailed(reason: "\(binary) is QEMU \(qemu.version), which has no "
                + lost.map(\.item.name).joined(separator: ", "))
        }
        document.version = version
        progress("starting two QEMUs of \(binary)")
        let rehearsal: Rehearsal
        do {
            rehearsal = try Rehearsal(binary: binary, machine: profile.host.machine ?? "q35", properties: (document, document))
        } catch {
            return .rehearsalFailed(reason: "no usable QEMU: " + error.message)
        }
        defer { rehearsal.stop() }
        return .rehearsed(rehearsal.run(source: document, destination: document, timeout: timeout, progress: progress))
    }
}
