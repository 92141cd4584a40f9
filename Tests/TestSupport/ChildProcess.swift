import Foundation
import Glibc
import CleanSpawn

/// Runs a program to completion with `posix_spawn`, the way tests must start processes here.
///
/// Swift Testing runs tests on worker threads whose signal mask blocks SIGINT, SIGTERM, SIGWINCH
/// and more, and children inherit it (the tmux server then ignores `kill-server`, the app under
/// test never sees a resize); `Foundation.Process` also hung. So the child gets an empty mask and
/// default dispositions, stdin from `/dev/null`, pipes for stdout and stderr, and a time limit.
public enum ChildProcess {
    public enum Status: Equatable, Sendable, CustomStringConvertible {
        case exited(Int32)
        case signalled(Int32)

        public var description: String {
            switch self {
            case .exited(let code): return "exit status \(code)"
            case .signalled(let signal): return "signal \(signal)"
            }
        }
    }

    public struct Output: Sendable {
        public var status: Status
        public var standardOutput: String
        public var standardError: String
        /// The raw bytes of standard output, for NUL-separated results.
        public var output: [UInt8]

        /// The exit status, or 128 + the signal that ended the process (as a shell reports it).
        public var exitCode: Int32 {
            switch status {
            case .exited(let code): return code
            case .signalled(let signal): return 128 + signal
            }
        }
    }

    public enum Failure: Error, CustomStringConvertible {
        case cannotStart([String], errno: Int32)
        case timedOut([String], seconds: Double)
        case productNotFound(String, searched: [String])

        public var description: String {
            switch self {
            case .cannotStart(let command, let code):
                return "cannot start \(command.joined(separator: " ")): \(String(cString: strerror(code)))"
            case .timedOut(let command, let seconds):
                return "\(command.joined(separator: " ")) did not finish within \(seconds) s; killed"
            case .productNotFound(let name, let searched):
                return "no built \(name) in: \(searched.joined(separator: ", "))"
            }
        }
    }

    /// Runs `command` (looked up in PATH) with exactly `environment`, or the test's own
    /// environment when nil. `newSession` detaches it from any controlling terminal, as under CI
    /// (`POSIX_SPAWN_SETSID`).
    /// Kills the child and throws after `timeout` seconds. Output is read until the child exits;
    /// grandchildren that keep the pipes open (the tmux server) do not hold up the call.
    public static func run(
        _ command: [String], input: [UInt8] = [], environment: [String: String]? = nil,
        newSession: Bool = false, timeout: Double = 20
    ) throws -> Output {
        let (pid, inputEnd, outputEnd, errorEnd) = try CleanSpawn.lock.withLock { _ in
            guard let inputPipe = CleanSpawn.makePipe() else { throw Failure.cannotStart(command, errno: errno) }
            guard let outputPipe = CleanSpawn.makePipe(), let errorPipe = CleanSpawn.makePipe() else {
                [inputPipe.read, inputPipe.write].forEach { close($0) }
                throw Failure.cannotStart(command, errno: errno)
            }
            let spawned = CleanSpawn.start(
                command, environment: environment ?? ProcessInfo.processInfo.environment,
                files: [0: .descriptor(inputPipe.read), 1: .descriptor(outputPipe.write), 2: .descriptor(errorPipe.write)],
                newSession: newSession)
            [inputPipe.read, outputPipe.write, errorPipe.write].forEach { close($0) }
            switch spawned {
            case .success(let pid): return (pid, inputPipe.write, outputPipe.read, errorPipe.read)
            case .failure(let error):
                [inputPipe.write, outputPipe.read, errorPipe.read].forEach { close($0) }
                throw Failure.cannotStart(command, errno: error.code)
            }
        }
        _ = input.withUnsafeBytes { write(inputEnd, $0.baseAddress, $0.count) }
        close(inputEnd)
        defer {
            close(outputEnd)
            close(errorEnd)
        }
        let deadline = ContinuousClock.now + .milliseconds(Int(timeout * 1000))
        var readers = [PipeReader(descriptor: outputEnd), PipeReader(descriptor: errorEnd)]
        var waitStatus: Int32 = 0
        while waitpid(pid, &waitStatus, WNOHANG) == 0 {
            guard ContinuousClock.now < deadline else {
                killTree(pid)
                waitpid(pid, &waitStatus, 0)
                throw Failure.timedOut(command, seconds: timeout)
            }
            _ = PipeReader.readAvailable(&readers, waitingMilliseconds: 20)
        }
        while ContinuousClock.now < deadline, PipeReader.readAvailable(&readers, waitingMilliseconds: 0) {}
        let signal = waitStatus & 0x7f
        return Output(
            status: signal == 0 ? .exited((waitStatus >> 8) & 0xff) : .signalled(signal),
            standardOutput: String(decoding: readers[0].data, as: UTF8.self),
            standardError: String(decoding: readers[1].data, as: UTF8.self), output: readers[0].data)
    }

    /// Kills a timed-out child and everything it started, by pid: a QEMU under `migedit verify`
    /// runs in a process group of its own, so neither the child's pid nor its group reaches
    /// it. Each process is stopped as it is found, so none can start another while the tree is
    /// read, and then all are killed.
    static func killTree(_ root: pid_t) {
        var tree: [pid_t] = []
        var pending = [root]
        while let pid = pending.popLast() {
            Glibc.kill(pid, SIGSTOP)
            tree.append(pid)
            pending += children(of: pid).filter { !tree.contains($0) }
        }
        for pid in tree { Glibc.kill(pid, SIGKILL) }
    }

    /// The processes whose parent is `pid`.
    static func children(of pid: pid_t) -> [pid_t] {
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
        return entries.compactMap { entry -> pid_t? in
            guard let child = pid_t(entry), let fields = status(of: child), fields.count > 1 else { return nil }
            return pid_t(fields[1]) == pid ? child : nil
        }
    }

    /// The fields of `/proc/<pid>/stat` after the command name (state, ppid, …), or nil when
    /// there is no such process.
    public static func status(of pid: pid_t) -> [Substring]? {
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
            let close = stat.lastIndex(of: ")")
        else { return nil }
        return stat[stat.index(after: close)...].split(separator: " ")
    }

    /// The path of an executable built by SwiftPM, found next to the running test binary or in
    /// its parent directories up to `.build` (the test binary sits in `.build/<config>/` on
    /// Linux, deeper inside an `.xctest` bundle on macOS).
    public static func builtProduct(named name: String) throws -> String {
        var directory = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
            .standardizedFileURL
        var searched: [String] = []
        while directory.lastPathComponent != ".build", directory.path != "/" {
            let candidate = directory.appendingPathComponent(name).path
            searched.append(candidate)
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: candidate, isDirectory: &isDirectory),
                !isDirectory.boolValue, access(candidate, X_OK) == 0
            {
                return candidate
            }
            directory.deleteLastPathComponent()
        }
        throw Failure.productNotFound(name, searched: searched)
    }

    /// Runs `/bin/sh -c script` with a minimal environment.
    public static func shell(_ script: String, timeout: Double = 20) throws -> Output {
        try run(["/bin/sh", "-c", script], environment: ["PATH": "/usr/bin:/bin", "LC_ALL": "C"], timeout: timeout)
    }

    /// Collects one pipe's bytes without blocking past the caller's poll interval.
    private struct PipeReader {
        let descriptor: Int32
        var data: [UInt8] = []
        var isAtEnd = false

        /// Reads what is ready, waiting up to `waitingMilliseconds`; returns whether anything was.
        static func readAvailable(_ readers: inout [PipeReader], waitingMilliseconds: Int32) -> Bool {
            var polls = readers.filter { !$0.isAtEnd }.map {
                pollfd(fd: $0.descriptor, events: Int16(POLLIN), revents: 0)
            }
            guard !polls.isEmpty, poll(&polls, nfds_t(polls.count), waitingMilliseconds) > 0 else {
                return false
            }
            for entry in polls where entry.revents != 0 {
                guard let index = readers.firstIndex(where: { $0.descriptor == entry.fd }) else { continue }
                var buffer = [UInt8](repeating: 0, count: 65536)
                let count = read(entry.fd, &buffer, buffer.count)
                if count > 0 {
                    readers[index].data += buffer[0..<count]
                } else if count == 0 || errno != EINTR {
                    readers[index].isAtEnd = true
                }
            }
            return true
        }
    }
}
