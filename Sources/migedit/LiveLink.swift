import MigrationCore
import MigrationEditor
import QMPClient

/// The editor's connection to the QEMU it is attached to: performs the live effects and
/// answers with the actions `update` expects. A QEMU that went away is connected to again by
/// the next read (`r`), never by an apply, whose plan was made against the QEMU that is gone.
final class LiveLink {
    let address: String
    let timeout: Double
    private var qemu: LiveQEMU?
    /// The target as first read, for the editor to attach to.
    var target: LiveTarget?

    init(address: String, timeout: Double = 5) {
        self.address = address
        self.timeout = timeout
    }

    func read(host: Host) -> EditorAction {
        do throws(QMPError) {
            let qemu: LiveQEMU
            if let connected = self.qemu {
                qemu = connected
            } else {
                qemu = try LiveQEMU(attachingTo: address, timeout: timeout)
                self.qemu = qemu
            }
            return .liveRead(try qemu.snapshot(host: host))
        } catch {
            qemu = nil
            return .liveFailed(reason: error.message)
        }
    }

    func apply(_ plan: ApplyPlan, wanted: Profile) -> EditorAction {
        guard let qemu else { return .liveFailed(reason: "QEMU at \(address) is not connected; r connects again") }
        do {
            return .liveApplied(try qemu.apply(plan, wanted: wanted.configuration, host: wanted.host), wanted: wanted)
        } catch {
            self.qemu = nil
            return .liveFailed(reason: error.message)
        }
    }
}
