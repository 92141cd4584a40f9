import CleanSpawn
import Glibc
import MigrationCore
import QEMURunner

/// A QMP session with a running QEMU: connected, greeted, and out of capabilities negotiation,
/// so commands can be sent. Every command carries an id and its reply is matched by it;
/// asynchronous events that arrive in between are kept in `events`. Every read waits at most
/// `timeout` seconds, so a QEMU that hangs (or a socket that is not QMP) cannot hang migedit.
public final class QMPConnection {
    public let address: QMPAddress
    /// The greeting's `QMP` member (QEMU's version and the protocol capabilities it offers).
    public private(set) var greeting: JSON = .null
    /// The last `eventsKept` events QEMU sent while migedit waited for replies, oldest first.
    public private(set) var events: [JSON] = []
    /// How many events are kept: a long session on a QEMU with the `events` capability on
    /// must not grow without bound.
    public static let eventsKept = 100
    /// Seconds each read may wait.
    public let timeout: Double
    private var descriptor: Int32
    private var received: [UInt8] = []
    private var commandCount = 0

    /// Connects, reads the greeting and leaves negotiation with `qmp_capabilities`.
    public init(connectingTo address: QMPAddress, timeout: Double = 5) throws(QMPError) {
        self.address = address
        self.timeout = timeout
        descriptor = try QMPConnection.connect(to: address)
        let first: JSON
        do {
            first = try readMessage(
                waitingFor: "QMP greeting", notJSON: "is not a QMP socket: it sent",
                hint: " (is it a QMP socket? QEMU serves one client at a time)")
        } catch {
            close()
            throw error
        }
        guard let banner = first["QMP"] else {
            close()
            throw QMPError("\(address) is not a QMP socket: it greeted with \(first.serialized().prefix(120))")
        }
        greeting = banner
        let negotiation = try execute(QMPCommand(id: "migedit-negotiation", execute: "qmp_capabilities"))
        if let refusal = negotiation.errorDescription {
            close()
            throw QMPError("\(address) refused qmp_capabilities: \(refusal)")
        }
    }

    deinit { close() }

    /// Closes the socket; later commands fail as if QEMU had gone away.
    public func close() {
        if descriptor >= 0 { Glibc.close(descriptor) }
        descriptor = -1
    }

    /// Sends one command and waits for its reply. A refusal is a `.failed` reply, not an error.
    public func execute(_ command: QMPCommand) throws(QMPError) -> QMPReply {
        guard let reply = try executeAll([command])[command.id] else { throw wentAway() }
        return reply
    }

    /// Sends a command given as `{"execute": …, "arguments": …}` with a fresh id, and waits for
    /// its reply.
    public func execute(json command: JSON) throws(QMPError) -> QMPReply {
        commandCount += 1
        guard let identified = QMPCommand(id: "migedit-\(commandCount)", json: command.serialized()) else {
            throw QMPError("not a QMP command: \(command.serialized())")
        }
        return try execute(identified)
    }

    /// Sends every command at once, then reads until each has its reply (QEMU runs them in
    /// order); returns the replies by id.
    public func executeAll(_ commands: [QMPCommand]) throws(QMPError) -> [String: QMPReply] {
        try write(commands.map { $0.line + "\n" }.joined())
        var replies: [String: QMPReply] = [:]
        var waiting = Set(commands.map(\.id))
        while let id = waiting.first {
            let message = try readMessage(waitingFor: "reply to \(QMPConnection.name(of: commands.first { $0.id == id }) ?? id)")
            if message["event"] != nil {
                events.append(message)
                if events.count > QMPConnection.eventsKept { events.removeFirst(events.count - QMPConnection.eventsKept) }
            } else if let replyID = message["id"]?.stringValue, waiting.remove(replyID) != nil {
                replies[replyID] = QMPReply(message)
            }
        }
        return replies
    }

    private static func connect(to address: QMPAddress) throws(QMPError) -> Int32 {
        let family = address.isUnix ? AF_UNIX : AF_INET
        let descriptor = socket(family, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard descriptor >= 0 else { throw QMPError("cannot create a socket for \(address): \(lastError())") }
        let result: Int32
        switch address {
        case .unix(let path):
            var location = sockaddr_un()
            location.sun_family = sa_family_t(AF_UNIX)
            let bytes = Array(path.utf8)
            guard bytes.count < MemoryLayout.size(ofValue: location.sun_path) else {
                Glibc.close(descriptor)
                throw QMPError("\(address): the socket path is longer than a UNIX socket address can hold")
            }
            withUnsafeMutableBytes(of: &location.sun_path) { raw in
                raw.copyBytes(from: bytes)
                raw[bytes.count] = 0
            }
            result = withUnsafePointer(to: &location) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                    Glibc.connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_un>.size))
                }
            }
        case .tcp(let port):
            var location = sockaddr_in()
            location.sin_family = sa_family_t(AF_INET)
            location.sin_port = port.bigEndian
            location.sin_addr.s_addr = UInt32(0x7F00_0001).bigEndian
            result = withUnsafePointer(to: &location) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                    Glibc.connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
                }
            }
        }
        guard result == 0 else {
            let why = lastError()
            Glibc.close(descriptor)
            throw QMPError("cannot connect to QMP at \(address): \(why)")
        }
        return descriptor
    }

    private func write(_ text: String) throws(QMPError) {
        var bytes = Array(text.utf8)[...]
        while !bytes.isEmpty {
            guard descriptor >= 0 else { throw wentAway() }
            let count = bytes.withUnsafeBytes { send(descriptor, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            if count > 0 {
                bytes = bytes.dropFirst(count)
            } else if errno != EINTR {
                throw wentAway()
            }
        }
    }

    /// The next complete line QEMU sent, as JSON, waiting at most `timeout` for it.
    private func readMessage(
        waitingFor what: @autoclosure () -> String, notJSON: String = "sent a reply that is not JSON", hint: String = ""
    ) throws(QMPError) -> JSON {
        let deadline = ChildProcess.monotonicSeconds() + timeout
        while true {
            if let newline = received.firstIndex(of: UInt8(ascii: "\n")) {
                let end = newline > 0 && received[newline - 1] == UInt8(ascii: "\r") ? newline - 1 : newline
                let line = String(decoding: received[..<end], as: UTF8.self)
                received.removeSubrange(...newline)
                guard line.contains(where: { !$0.isWhitespace }) else { continue }
                do {
                    return try JSON(parsing: line)
                } catch {
                    throw QMPError("\(address) \(notJSON): \(line.prefix(120))")
                }
            }
            guard descriptor >= 0 else { throw wentAway() }
            let remaining = deadline - ChildProcess.monotonicSeconds()
            guard remaining > 0 else { throw QMPError("\(address) sent no \(what()) within \(seconds(timeout)) s\(hint)") }
            var ready = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
            let polled = poll(&ready, 1, Int32(min(remaining, 3600) * 1000) + 1)
            if polled < 0 && errno != EINTR { throw wentAway() }
            guard polled > 0 else { continue }
            var chunk = [UInt8](repeating: 0, count: 65536)
            let count = chunk.withUnsafeMutableBytes { recv(descriptor, $0.baseAddress, $0.count, 0) }
            if count > 0 {
                received += chunk[..<count]
            } else if count == 0 || errno != EINTR {
                close()
                throw wentAway()
            }
        }
    }

    /// The command name of a command line, for messages.
    private static func name(of command: QMPCommand?) -> String? {
        command.flatMap { try? JSON(parsing: $0.line) }?["execute"]?.stringValue
    }

    private func wentAway() -> QMPError {
        QMPError("QEMU at \(address) went away (the QMP connection closed)")
    }

    private func seconds(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(value)
    }
}

extension QMPAddress {
    var isUnix: Bool {
        if case .unix = self { return true }
        return false
    }
}

private func lastError() -> String { String(cString: strerror(errno)) }
