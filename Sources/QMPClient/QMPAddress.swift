/// Where a QEMU serves QMP: a UNIX socket (`-qmp unix:PATH,server=on,wait=off`) or a TCP port on
/// the loopback (`-qmp tcp:127.0.0.1:PORT,server=on,wait=off`). QMP has no authentication, so
/// migedit refuses to reach it over a network.
public enum QMPAddress: Hashable, Sendable, CustomStringConvertible {
    case unix(path: String)
    case tcp(port: UInt16)

    /// Reads `unix:PATH`, a bare path, or `tcp:127.0.0.1:PORT` (`localhost` too).
    public init(parsing text: String) throws(QMPError) {
        if text.hasPrefix("tcp:") {
            let rest = text.dropFirst("tcp:".count)
            guard let colon = rest.lastIndex(of: ":"), let port = UInt16(rest[rest.index(after: colon)...]), port > 0 else {
                throw QMPError("\(text) is no QMP address: write tcp:127.0.0.1:PORT")
            }
            let host = rest[..<colon]
            guard host == "127.0.0.1" || host == "localhost" else {
                throw QMPError("\(text): migedit reaches QMP over TCP only on the loopback (tcp:127.0.0.1:PORT); QMP has no authentication")
            }
            self = .tcp(port: port)
            return
        }
        let path = text.hasPrefix("unix:") ? String(text.dropFirst("unix:".count)) : text
        guard !path.isEmpty else { throw QMPError("\(text) is no QMP address: write unix:PATH, PATH or tcp:127.0.0.1:PORT") }
        self = .unix(path: path)
    }

    /// `unix:/run/qemu/vm1.qmp` or `tcp:127.0.0.1:4444`, as QEMU's `-qmp` option writes it.
    public var description: String {
        switch self {
        case .unix(let path): return "unix:" + path
        case .tcp(let port): return "tcp:127.0.0.1:\(port)"
        }
    }
}
