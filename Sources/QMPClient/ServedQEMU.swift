import CleanSpawn
import Glibc

/// A QEMU started to be attached to: a small TCG guest (no disks, no display) serving QMP on a
/// UNIX socket in a private `ScratchDirectory`, as operators run one. The tests and the benchmark
/// run `pull`, `apply` and the live editor against it; `stop()` (or dropping it) kills it by pid
/// and removes the directory.
public final class ServedQEMU {
    /// `-M q35 -m 128` and a rehearsal's TCG guest without devices or display: a real machine
    /// with guest RAM, so a migration has something to send, yet quick to start.
    public static let machineArguments = ["-M", "q35"] + Rehearsal.machineArguments + ["-m", "128"]

    public let process: BackgroundProcess
    private let scratch: ScratchDirectory
    /// The private directory holding the QMP socket, QEMU's stderr and any other socket a test
    /// wants (an incoming migration's).
    public var directory: String { scratch.path }
    public let socketPath: String
    private let errorLog: String
    /// The `--qmp` argument that reaches it.
    public var address: String { "unix:" + socketPath }

    /// Starts `binary` with `machineArguments`, `-qmp unix:…,server=on,wait=off` and `arguments`,
    /// and waits up to `timeout` seconds until QMP answers there (the socket file appears before
    /// QEMU listens on it). Throws (having killed it) when QEMU exits first or never answers.
    public init(binary: String, arguments: [String] = [], timeout: Double = 10) throws(QMPError) {
        do {
            scratch = try ScratchDirectory(prefix: "migedit-qmp")
        } catch {
            throw QMPError("cannot create a directory for QEMU's socket")
        }
        socketPath = scratch.path("qmp.sock")
        errorLog = scratch.path("stderr")
        let command = [binary] + ServedQEMU.machineArguments + ["-qmp", "unix:\(socketPath),server=on,wait=off"] + arguments
        do {
            process = try BackgroundProcess(command, errorLog: errorLog)
        } catch {
            scratch.remove()
            throw QMPError(error.description)
        }
        let deadline = ChildProcess.monotonicSeconds() + timeout
        while (try? QMPConnection(connectingTo: .unix(path: socketPath), timeout: timeout)) == nil {
            guard process.isRunning, ChildProcess.monotonicSeconds() < deadline else {
                let said = standardError.split(separator: "\n").first.map { ": \($0)" } ?? ""
                stop()
                throw QMPError("\(binary) did not serve QMP\(said)")
            }
            usleep(5000)
        }
    }

    /// What QEMU printed on stderr so far.
    public var standardError: String {
        guard let file = fopen(errorLog, "r") else { return "" }
        defer { fclose(file) }
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            let count = fread(&buffer, 1, buffer.count, file)
            guard count > 0 else { break }
            bytes += buffer[..<count]
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Kills QEMU (by pid, with everything it started) and removes the directory.
    public func stop() {
        process.stop()
        scratch.remove()
    }

    deinit { stop() }
}
