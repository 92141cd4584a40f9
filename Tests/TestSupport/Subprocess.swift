#if canImport(Glibc)
    import Glibc
#endif

/// What a finished child process left behind.
public struct ProcessResult: Sendable {
    public let status: Int32
    public let output: [UInt8]
    public let error: [UInt8]

    public var standardOutput: String { String(decoding: output, as: UTF8.self) }
    public var standardError: String { String(decoding: error, as: UTF8.self) }
}

public struct SubprocessFailure: Error, CustomStringConvertible {
    public let description: String

    public init(description: String) {
        self.description = description
    }
}

/// Runs programs from tests with `posix_spawn`, an empty signal mask and default signal
/// actions: children of the Swift Testing runner would otherwise inherit its blocked signals
/// (and an editor under test would never see SIGWINCH or SIGTERM). Every wait is bounded.
public enum Subprocess {
    /// Runs `executable` with `arguments`, feeding `input` (at most a pipe's worth, 64 KiB) on
    /// stdin, and collects stdout and stderr. Kills the child after `timeout` seconds.
    public static func run(
        _ executable: String, _ arguments: [String] = [], input: [UInt8] = [],
        environment: [String: String]? = nil, timeout: Double = 20
    ) throws -> ProcessResult {
        var stdinPipe: [Int32] = [-1, -1], stdoutPipe: [Int32] = [-1, -1], stderrPipe: [Int32] = [-1, -1]
        guard pipe(&stdinPipe) == 0, pipe(&stdoutPipe) == 0, pipe(&stderrPipe) == 0 else {
            throw SubprocessFailure(description: "pipe failed: errno \(errno)")
        }
        for end in stdinPipe + stdoutPipe + stderrPipe { _ = fcntl(end, F_SETFD, FD_CLOEXEC) }

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, stdinPipe[0], STDIN_FILENO)
        posix_spawn_file_actions_adddup2(&actions, stdoutPipe[1], STDOUT_FILENO)
        posix_spawn_file_actions_adddup2(&actions, stderrPipe[1], STDERR_FILENO)

        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var noSignals = sigset_t()
        sigemptyset(&noSignals)
        posix_spawnattr_setsigmask(&attributes, &noSignals)
        var allSignals = sigset_t()
        sigfillset(&allSignals)
        sigdelset(&allSignals, SIGKILL)
        sigdelset(&allSignals, SIGSTOP)
        posix_spawnattr_setsigdefault(&attributes, &allSignals)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))

        let environmentLines = (environment ?? inheritedEnvironment()).map { "\($0.key)=\($0.value)" }
        let argv = cStrings([executable] + arguments)
        let envp = cStrings(environmentLines)
        defer { (argv + envp).forEach { free($0) } }

        var pid = pid_t()
        let spawned = posix_spawnp(&pid, executable, &actions, &attributes, argv, envp)
        close(stdinPipe[0])
        close(stdoutPipe[1])
        close(stderrPipe[1])
        guard spawned == 0 else {
            close(stdinPipe[1])
            close(stdoutPipe[0])
            close(stderrPipe[0])
            throw SubprocessFailure(description: "cannot start \(executable): errno \(spawned)")
        }
        _ = input.withUnsafeBytes { write(stdinPipe[1], $0.baseAddress, $0.count) }
        close(stdinPipe[1])

        var output: [UInt8] = [], error: [UInt8] = []
        let deadline = monotonicSeconds() + timeout
        var open = [stdoutPipe[0], stderrPipe[0]]
        var buffer = [UInt8](repeating: 0, count: 65536)
        while !open.isEmpty {
            let remaining = deadline - monotonicSeconds()
            if remaining <= 0 {
                kill(pid, SIGKILL)
                break
            }
            var fds = open.map { pollfd(fd: $0, events: Int16(POLLIN), revents: 0) }
            let ready = poll(&fds, nfds_t(fds.count), Int32(min(remaining, 1) * 1000))
            if ready < 0 && errno != EINTR { break }
            for descriptor in fds where descriptor.revents != 0 {
                let count = read(descriptor.fd, &buffer, buffer.count)
                if count > 0 {
                    if descriptor.fd == stdoutPipe[0] {
                        output.append(contentsOf: buffer[..<count])
                    } else {
                        error.append(contentsOf: buffer[..<count])
                    }
                } else if count == 0 || errno != EINTR {
                    open.removeAll { $0 == descriptor.fd }
                }
            }
        }
        close(stdoutPipe[0])
        close(stderrPipe[0])
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
        let exitStatus = status & 0x7F == 0 ? (status >> 8) & 0xFF : 128 + status & 0x7F
        if monotonicSeconds() >= deadline {
            throw SubprocessFailure(description: "\(executable) \(arguments) timed out after \(timeout) s")
        }
        return ProcessResult(status: exitStatus, output: output, error: error)
    }

    /// Runs `/bin/sh -c script` with a minimal environment.
    public static func shell(_ script: String, timeout: Double = 20) throws -> ProcessResult {
        try run("/bin/sh", ["-c", script], environment: ["PATH": "/usr/bin:/bin", "LC_ALL": "C"], timeout: timeout)
    }

    /// The directory holding the built products (`migedit`, the test bundle), found from the
    /// running test executable's path.
    public static var productsDirectory: String {
        var path = CommandLine.arguments[0]
        while let slash = path.lastIndex(of: "/") {
            path = String(path[..<slash])
            if access(path + "/migedit", X_OK) == 0 { return path }
        }
        return "."
    }

    static func inheritedEnvironment() -> [String: String] {
        var result: [String: String] = [:]
        var entry = environ
        while let pointer = entry.pointee {
            let line = String(cString: pointer)
            if let equals = line.firstIndex(of: "=") {
                result[String(line[..<equals])] = String(line[line.index(after: equals)...])
            }
            entry += 1
        }
        return result
    }

    static func monotonicSeconds() -> Double {
        var now = timespec()
        clock_gettime(CLOCK_MONOTONIC, &now)
        return Double(now.tv_sec) + Double(now.tv_nsec) / 1e9
    }

    /// A NULL-terminated array of C strings, as argv and envp; the caller frees each element.
    static func cStrings(_ strings: [String]) -> [UnsafeMutablePointer<CChar>?] {
        strings.map { strdup($0) } + [nil]
    }
}
