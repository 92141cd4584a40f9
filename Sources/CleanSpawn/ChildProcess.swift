import Glibc

/// Runs one program to its end: the one way migedit, its tests and its benchmark run programs.
/// It starts the child with `CleanSpawn` (an empty signal mask), writes `input` to its stdin as
/// the child reads it and then closes it, drains stdout and stderr with `poll()` until the child
/// exits, and bounds every wait by `timeout`. On timeout it kills the child and everything the
/// child started (its process tree, found by pid, and its process group when it has its own)
/// and reaps it before throwing. It never leaves a process of its own behind, not even when this
/// process is ended by a signal while the child runs (see `OrphanGuard`), and a grandchild that
/// keeps the pipes open (a tmux server) does not hold up the call.
public enum ChildProcess {
    /// How the child ended.
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

    /// What a finished child left behind.
    public struct Output: Sendable {
        public var status: Status
        /// The raw bytes of stdout and stderr.
        public var output: [UInt8]
        public var error: [UInt8]

        public var standardOutput: String { String(decoding: output, as: UTF8.self) }
        public var standardError: String { String(decoding: error, as: UTF8.self) }

        /// The exit status, or 128 + the signal that ended the process (as a shell reports it).
        public var exitCode: Int32 {
            switch status {
            case .exited(let code): return code
            case .signalled(let signal): return 128 + signal
            }
        }
    }

    /// Why a child could not be run to its end.
    public enum Failure: Error, Sendable, CustomStringConvertible {
        case cannotStart(String)
        case timedOut([String], seconds: Double)

        public var description: String {
            switch self {
            case .cannotStart(let reason): return reason
            case .timedOut(let command, let seconds):
                return "\(command.joined(separator: " ")) did not finish within \(seconds) s; killed"
            }
        }
    }

    /// Runs `command` (looked up in PATH) with `environment` (nil: this process's). A child in
    /// `newProcessGroup` can be killed with all it started; `newSession` detaches it from any
    /// controlling terminal, as under CI.
    public static func run(
        _ command: [String], input: [UInt8] = [], environment: [String: String]? = nil,
        newProcessGroup: Bool = false, newSession: Bool = false, timeout: Double = 20
    ) throws(Failure) -> Output {
        let deadline = monotonicSeconds() + timeout
        func spawn() throws(Failure) -> (pid: pid_t, stdin: Int32, stdout: Int32, stderr: Int32) {
            try start(command, environment: environment, newProcessGroup: newProcessGroup, newSession: newSession)
        }
        let child = try newProcessGroup ? OrphanGuard.startWatched(spawn, group: \.pid) : spawn()
        let pid = child.pid
        defer { if newProcessGroup { OrphanGuard.release(pid) } }
        var streams = Streams(stdin: child.stdin, stdout: child.stdout, stderr: child.stderr, input: input)
        defer { streams.closeAll() }

        var timedOut = false
        while !hasExited(pid) {
            let remaining = deadline - monotonicSeconds()
            guard remaining > 0 else {
                timedOut = true
                break
            }
            streams.pump(waitingMilliseconds: Int32(min(remaining, 0.02) * 1000) + 1)
        }
        if !timedOut {
            while monotonicSeconds() < deadline, streams.pump(waitingMilliseconds: 0) {}
        }
        // Not reaped yet, so the pid (and a group named after it) cannot be reused while
        // whatever the child left running is killed.
        if timedOut { killTree(pid) }
        if newProcessGroup { kill(-pid, SIGKILL) }
        var waitStatus: Int32 = 0
        while waitpid(pid, &waitStatus, 0) == -1 && errno == EINTR {}
        if timedOut { throw .timedOut(command, seconds: timeout) }
        let signal = waitStatus & 0x7F
        return Output(
            status: signal == 0 ? .exited((waitStatus >> 8) & 0xFF) : .signalled(signal),
            output: streams.output, error: streams.error)
    }

    private static func start(
        _ command: [String], environment: [String: String]?, newProcessGroup: Bool, newSession: Bool
    ) throws(Failure) -> (pid: pid_t, stdin: Int32, stdout: Int32, stderr: Int32) {
        try CleanSpawn.lock.withLock { _ throws(Failure) in
            var opened: [Int32] = []
            func pipe() throws(Failure) -> (read: Int32, write: Int32) {
                guard let ends = CleanSpawn.makePipe() else {
                    opened.forEach { close($0) }
                    throw .cannotStart("pipe: \(String(cString: strerror(errno)))")
                }
                opened += [ends.read, ends.write]
                return ends
            }
            let stdin = try pipe(), stdout = try pipe(), stderr = try pipe()
            let spawned = CleanSpawn.start(
                command, environment: environment,
                files: [
                    STDIN_FILENO: .descriptor(stdin.read), STDOUT_FILENO: .descriptor(stdout.write),
                    STDERR_FILENO: .descriptor(stderr.write),
                ],
                newProcessGroup: newProcessGroup, newSession: newSession)
            [stdin.read, stdout.write, stderr.write].forEach { close($0) }
            switch spawned {
            case .success(let pid): return (pid, stdin.write, stdout.read, stderr.read)
            case .failure(let error):
                [stdin.write, stdout.read, stderr.read].forEach { close($0) }
                throw .cannotStart("cannot start \(command[0]): \(error.message)")
            }
        }
    }

    /// Whether the child has exited, without reaping it.
    private static func hasExited(_ pid: pid_t) -> Bool {
        var info = siginfo_t()
        let result = waitid(P_PID, id_t(pid), &info, WEXITED | WNOWAIT | WNOHANG)
        return (result == 0 && info.si_signo == SIGCHLD) || (result < 0 && errno != EINTR)
    }

    /// The child's three pipes: input written as the child takes it, output collected.
    private struct Streams {
        var stdin: Int32
        let stdout: Int32
        let stderr: Int32
        let input: [UInt8]
        var written = 0
        var open: [Int32]
        var output: [UInt8] = []
        var error: [UInt8] = []

        init(stdin: Int32, stdout: Int32, stderr: Int32, input: [UInt8]) {
            self.stdin = stdin
            self.stdout = stdout
            self.stderr = stderr
            self.input = input
            open = [stdout, stderr]
            _ = fcntl(stdin, F_SETFL, fcntl(stdin, F_GETFL) | O_NONBLOCK)
            if input.isEmpty { closeInput() }
        }

        /// Writes and reads what is ready, waiting up to `waitingMilliseconds`; returns whether
        /// anything was.
        @discardableResult
        mutating func pump(waitingMilliseconds: Int32) -> Bool {
            var fds = open.map { pollfd(fd: $0, events: Int16(POLLIN), revents: 0) }
            if stdin >= 0 { fds.append(pollfd(fd: stdin, events: Int16(POLLOUT), revents: 0)) }
            guard !fds.isEmpty, poll(&fds, nfds_t(fds.count), waitingMilliseconds) > 0 else { return false }
            var buffer = [UInt8](repeating: 0, count: 65536)
            for descriptor in fds where descriptor.revents != 0 {
                if descriptor.fd == stdin {
                    writeInput()
                    continue
                }
                let count = read(descriptor.fd, &buffer, buffer.count)
                if count > 0 {
                    if descriptor.fd == stdout { output += buffer[..<count] } else { error += buffer[..<count] }
                } else if count == 0 || (errno != EINTR && errno != EAGAIN) {
                    close(descriptor.fd)
                    open.removeAll { $0 == descriptor.fd }
                }
            }
            return true
        }

        /// A child that exits without reading must not kill us with SIGPIPE: it is blocked on
        /// this thread around the write, and one that became pending is swallowed.
        private mutating func writeInput() {
            var pipeOnly = sigset_t(), saved = sigset_t()
            sigemptyset(&pipeOnly)
            sigaddset(&pipeOnly, SIGPIPE)
            pthread_sigmask(SIG_BLOCK, &pipeOnly, &saved)
            defer {
                var pending = sigset_t()
                if sigpending(&pending) == 0 && sigismember(&pending, SIGPIPE) == 1 {
                    var zero = timespec(tv_sec: 0, tv_nsec: 0)
                    _ = sigtimedwait(&pipeOnly, nil, &zero)
                }
                pthread_sigmask(SIG_SETMASK, &saved, nil)
            }
            let offset = written
            let count = input.withUnsafeBytes { bytes in write(stdin, bytes.baseAddress! + offset, bytes.count - offset) }
            if count > 0 { written += count }
            if written == input.count || (count < 0 && errno != EAGAIN && errno != EINTR) { closeInput() }
        }

        private mutating func closeInput() {
            close(stdin)
            stdin = -1
        }

        mutating func closeAll() {
            if stdin >= 0 { closeInput() }
            open.forEach { close($0) }
            open = []
        }
    }

    /// Kills a child and everything it started, by pid: a QEMU under `migedit verify` runs in a
    /// process group of its own, so neither the child's pid nor its group reaches it. Each
    /// process is stopped as it is found, so none can start another while the tree is read, and
    /// then all are killed.
    public static func killTree(_ root: pid_t) {
        var tree: [pid_t] = []
        var pending = [root]
        while let pid = pending.popLast() {
            kill(pid, SIGSTOP)
            tree.append(pid)
            pending += children(of: pid).filter { !tree.contains($0) }
        }
        for pid in tree { kill(pid, SIGKILL) }
    }

    /// The processes whose parent is `pid`, from `/proc`.
    static func children(of pid: pid_t) -> [pid_t] {
        guard let directory = opendir("/proc") else { return [] }
        defer { closedir(directory) }
        var found: [pid_t] = []
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
            guard let child = pid_t(name), let fields = status(of: child), fields.count > 1, pid_t(fields[1]) == pid else { continue }
            found.append(child)
        }
        return found
    }

    /// The fields of `/proc/<pid>/stat` after the command name (state, ppid, …), or nil when
    /// there is no such process.
    public static func status(of pid: pid_t) -> [Substring]? {
        guard let file = fopen("/proc/\(pid)/stat", "r") else { return nil }
        defer { fclose(file) }
        var buffer = [CChar](repeating: 0, count: 4096)
        guard fgets(&buffer, Int32(buffer.count), file) != nil else { return nil }
        let stat = String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        guard let close = stat.lastIndex(of: ")") else { return nil }
        return stat[stat.index(after: close)...].split(separator: " ")
    }

    /// Seconds on the monotonic clock, for deadlines.
    public static func monotonicSeconds() -> Double {
        var now = timespec()
        clock_gettime(CLOCK_MONOTONIC, &now)
        return Double(now.tv_sec) + Double(now.tv_nsec) / 1e9
    }
}
