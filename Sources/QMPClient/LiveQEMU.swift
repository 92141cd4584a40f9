import MigrationCore
import QEMURunner

/// A running QEMU migedit is attached to over QMP: reads its settings as a `LiveSnapshot` and
/// applies an `ApplyPlan` to it, one command at a time so nothing follows a refusal.
public final class LiveQEMU {
    public let connection: QMPConnection

    /// Connects to `address` (`unix:PATH`, a path, or `tcp:127.0.0.1:PORT`).
    public init(attachingTo address: String, timeout: Double = 5) throws(QMPError) {
        connection = try QMPConnection(connectingTo: QMPAddress(parsing: address), timeout: timeout)
    }

    public var address: QMPAddress { connection.address }

    /// QEMU's settings and the host facts it reports, over `host` for the facts QMP cannot tell.
    public func snapshot(host: Host = .standard) throws(QMPError) -> LiveSnapshot {
        let commands = LiveSnapshot.queries.compactMap { QMPCommand(id: $0.id, json: $0.command.serialized()) }
        let replies = try connection.executeAll(commands)
        var returned: [String: JSON] = [:]
        for (id, command) in LiveSnapshot.queries {
            let name = command["execute"]?.stringValue ?? id
            switch replies[id] {
            case .returned(let value)?: returned[id] = value
            case .failed(_, let description)?: throw QMPError("QEMU at \(address) refused \(name): \(description)")
            case nil: throw QMPError("QEMU at \(address) did not answer \(name)")
            }
        }
        do {
            return try LiveSnapshot(replies: returned, host: host)
        } catch {
            throw QMPError("QEMU at \(address): \(error.message)")
        }
    }

    /// Sends the plan's commands in order, stopping at the first QEMU refuses, then reads
    /// everything back and compares it with `wanted`.
    public func apply(_ plan: ApplyPlan, wanted: Configuration, host: Host) throws(QMPError) -> LiveApplyOutcome {
        var accepted = 0
        var refusal: String?
        for command in plan.commands {
            if let description = try connection.execute(json: command).errorDescription {
                refusal = description
                break
            }
            accepted += 1
        }
        return LiveApplyOutcome(accepted: accepted, refusal: refusal, readBack: try snapshot(host: host), wanted: wanted)
    }
}
