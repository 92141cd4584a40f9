import MigrationCore
import MigrationEditor
import QMPClient

/// The editor's rehearsal (`r` on the export screen): the document on both sides, an idle
/// 128 MiB guest, 30 s to complete, reported as the actions `update` expects.
enum EditorRehearsal {
    static let timeout = 30.0

    static func run(_ profile: Profile, binary: String, progress: (String) -> Void) -> EditorAction {
        progress("starting two QEMUs of \(binary)")
        let rehearsal: Rehearsal
        do {
            rehearsal = try Rehearsal(binary: binary, machine: profile.host.machine ?? "q35")
        } catch {
            return .rehearsalFailed(reason: "no usable QEMU: " + error.message)
        }
        defer { rehearsal.stop() }
        var document = profile
        let version = rehearsal.snapshot.version
        let lost = document.configuration.valuesLost(movingTo: version)
        guard lost.isEmpty else {
            return .rehearsalFailed(reason: "\(binary) is QEMU \(rehearsal.snapshot.qemuVersion), which has no "
                + lost.map(\.item.name).joined(separator: ", "))
        }
        document.version = version
        return .rehearsed(rehearsal.run(source: document, destination: document, timeout: timeout, progress: progress))
    }
}
