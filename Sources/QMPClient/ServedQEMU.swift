import CleanSpawn
import Glibc

/// A QEMU started to be attached to: a small TCG guest (no disks, no display) serving QMP on a
/// UNIX socket in a private directory, as operators run one. The tests and the benchmark run
/// `pull`, `apply` and the live editor against it; `stop()` (or dropping it) kills it by pid
/// and removes the directory.
public final class ServedQEMU {
    /// `-M q35 -accel tcg -m 128 -nodefaults -display none`: a real machine with guest RAM, so
    /// a migration has something to send, yet quick to start.
    public static let machineArguments = ["-M", "q35", "-accel", "tcg", "-m", "128", "-nodefaults", "-display", "none"]

    public let process: BackgroundProcess
    /// The private directory holding the QMP socket, QEMU's stderr and any other socket a test
    /// wants (an incoming migration's).
    public let directory: String
    public var socketPath: String { directory + "/qmp.sock" }
    /// The `--qmp` argument that reaches it.
    public var address: String { "unix:" + socketPath }

    /// Starts `binary` with `machineArguments`, `-qmp unix:…,server=on,wait=off` and `arguments`,
    /// and waits up to `timeout` seconds until QMP answers there (the socket file appears before
    /// QEMU listens on it). Throws (having killed it) when QEMU exits first or never answers.
    public init(binary: String, arguments: [String] = [], timeout: Double = 10) throws(QMPError) {
        var template = Array("/tmp/migedit-qmp-XXXXXX".utf8CString)
        guard let made = mkdtemp(&template) else { throw QMPError("cannot create a directory for QEMU's socket") }
        directory = String(cString: made)
        let command = [binary] + ServedQEMU.machineArguments
            + ["-qmp", "unix:\(directory)/qmp.sock,server=on,wait=off"] + arguments
        do {
            process = try BackgroundProcess(command, errorLog: directory + "/stderr")
        } catch {
            ServedQEMU.remove(directory)
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
        guard let file = fopen(directory + "/stderr", "r") else { return "" }
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
        ServedQEMU.remove(directory)
    }

    deinit { stop() }

    private static func remove(_ directory: String) {
        guard let entries = opendir(directory) else { return }
        while let entry = readdir(entries) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
            if name != "." && name != ".." { unlink(directory + "/" + name) }
        }
        closedir(entries)
        rmdir(directory)
    }
}
