import CleanSpawn
import Glibc
import MigrationCore
import QEMURunner

/// One of the two QEMUs of a rehearsal: started in a process group of its own (so `stop()`, a
/// dropped reference or a signal ending migedit kills it by pid), with its QMP socket and
/// stderr log in the rehearsal's scratch directory.
final class RehearsalSide {
    /// `source` or `destination`, for messages.
    let role: String
    let process: BackgroundProcess
    let log: String
    let socket: String
    /// The `-global`-only properties QEMU was started with (`-global migration.…`).
    let properties: [(id: ItemID, value: Value)]
    private var live: LiveQEMU?
    /// Seconds a reply may take: QEMU answers at once unless its main loop is stuck, which a
    /// rehearsal reports as such rather than waiting long.
    static let replyTimeout = 2.0

    init(role: String, command: [String], properties profile: Profile?, in directory: ScratchDirectory) throws(QMPError) {
        self.role = role
        log = directory.path(role + ".log")
        socket = directory.path(role + ".qmp")
        var globals: [String] = []
        var properties: [(id: ItemID, value: Value)] = []
        if let profile {
            let catalog = Catalog.for(profile.version)
            for id in profile.configuration.changedItems {
                guard let item = catalog.item(id), item.kind == .property, let property = item.property(on: profile.host) else { continue }
                let value = profile.configuration[id]
                globals += ["-global", Exporter.globalArgument(id, value, property: property)]
                properties.append((id, value))
            }
        }
        self.properties = properties
        do {
            process = try BackgroundProcess(command + globals + ["-qmp", "unix:\(socket),server=on,wait=off"], errorLog: log)
        } catch {
            throw QMPError(error.description)
        }
    }

    /// Waits until QMP answers (the socket file appears before QEMU listens on it); throws
    /// when QEMU exits first or `deadline` passes.
    func connect(by deadline: Double) throws(QMPError) -> LiveQEMU {
        while true {
            if let live { return live }
            live = try? LiveQEMU(attachingTo: "unix:" + socket, timeout: RehearsalSide.replyTimeout)
            guard live == nil else { continue }
            guard process.isRunning, ChildProcess.monotonicSeconds() < deadline else {
                throw QMPError("the \(role) QEMU did not serve QMP" + (lastMessage.map { ": " + $0 } ?? ""))
            }
            usleep(2000)
        }
    }

    /// Runs one QMP command.
    func run(_ command: String, _ arguments: [JSONMember] = []) throws(QMPError) -> QMPReply {
        guard let live else { throw QMPError("the \(role) QEMU is not connected") }
        return try live.connection.execute(json: .object([
            JSONMember(key: "execute", value: .string(command)), JSONMember(key: "arguments", value: .object(arguments)),
        ]))
    }

    /// `query-migrate`'s reply (an empty object when it failed).
    func queryMigrate() throws(QMPError) -> JSON {
        try run("query-migrate").value ?? .object([])
    }

    /// The last line QEMU wrote on stderr, without the program-name prefix QEMU puts there.
    var lastMessage: String? {
        guard let file = fopen(log, "r") else { return nil }
        defer { fclose(file) }
        var last: String?
        var buffer = [CChar](repeating: 0, count: 4096)
        while fgets(&buffer, Int32(buffer.count), file) != nil {
            let line = String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
            let trimmed = line.split(whereSeparator: { $0.isNewline }).first.map(String.init) ?? ""
            if !trimmed.isEmpty { last = trimmed }
        }
        guard let last, let colon = last.firstRange(of: ": "), last[..<colon.lowerBound].hasPrefix("qemu-system") else {
            return last
        }
        return String(last[colon.upperBound...])
    }

    func stop() {
        live?.connection.close()
        process.stop()
    }
}
