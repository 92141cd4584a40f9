import CleanSpawn

import Glibc

/// What a finished child left behind.
struct ChildResult: Sendable {
    /// The exit code, or 128 + the signal number when a signal ended it (as a shell reports it).
    let status: Int32
    let output: [UInt8]
    let error: [UInt8]
}

/// Why a child could not be run to its end.
enum ChildFailure: Error {
    case cannotStart(String)
    case timedOut
}

/// Runs one program to its end with `posix_spawn`: an empty signal mask and default signal
/// actions (children of the Swift Testing runner would otherwise inherit its blocked signals),
/// its own process group (so a timeout kills grandchildren too), `input` written on stdin and
/// then stdin closed, stdout and stderr drained with `poll()`. Every wait is bounded by
/// `timeout`; on timeout the whole process group gets SIGKILL and the child is reaped before
/// this throws. Never leaves a process of its own behind.
enum ChildProcess {
    static func run(_ executable: String, _ arguments: [String], input: [UInt8], timeout: Double) throws(ChildFailure) -> ChildResult {
        let deadline = monotonicSeconds() + timeout
        let started = try CleanSpawn.lock.withLock { _ throws(ChildFailure) -> (pid: pid_t, stdin: Int32, stdout: Int32, stderr: Int32) in
            guard let stdinPipe = CleanSpawn.makePipe() else { throw .cannotStart("pipe: \(errorText(errno))") }
            guard let stdoutPipe = CleanSpawn.makePipe() else {
                closeAll([stdinPipe.read, stdinPipe.write])
                throw .cannotStart("pipe: \(errorText(errno))")
            }
            guard let stderrPipe = CleanSpawn.makePipe() else {
                closeAll([stdinPipe.read, stdinPipe.write, stdoutPipe.read, stdoutPipe.write])
                throw .cannotStart("pipe: \(errorText(errno))")
            }
            let spawned = CleanSpawn.start(
                [executable] + arguments,
                files: [
                    STDIN_FILENO: .descriptor(stdinPipe.read), STDOUT_FILENO: .descriptor(stdoutPipe.write),
                    STDERR_FILENO: .descriptor(stderrPipe.write),
                ],
                newProcessGroup: true)
            closeAll([stdinPipe.read, stdoutPipe.write, stderrPipe.write])
            switch spawned {
            case .success(let pid): return (pid, stdinPipe.write, stdoutPipe.read, stderrPipe.read)
            case .failure(let error):
                closeAll([stdinPipe.write, stdoutPipe.read, stderrPipe.read])
                throw .cannotStart("cannot start \(executable): \(error.message)")
            }
        }
        let pid = started.pid

        // A child that exits before reading its stdin must not kill us with SIGPIPE: block it on
        // this thread while writing, and swallow one that became pending.
        var pipeOnly = sigset_t(), savedMask = sigset_t()
        sigemptyset(&pipeOnly)
        sigaddset(&pipeOnly, SIGPIPE)
        pthread_sigmask(SIG_BLOCK, &pipeOnly, &savedMask)
        defer {
            var pending = sigset_t()
            if sigpending(&pending) == 0 && sigismember(&pending, SIGPIPE) == 1 {
                var zero = timespec(tv_sec: 0, tv_nsec: 0)
                _ = sigtimedwait(&pipeOnly, nil, &zero)
            }
            pthread_sigmask(SIG_SETMASK, &savedMask, nil)
        }

        var stdinFD: Int32 = started.stdin
        _ = fcntl(stdinFD, F_SETFL, fcntl(stdinFD, F_GETFL) | O_NONBLOCK)
        var written = 0
        if input.isEmpty {
            close(stdinFD)
            stdinFD = -1
        }
        var output: [UInt8] = [], error: [UInt8] = []
        var open = [started.stdout, started.stderr]
        var buffer = [UInt8](repeating: 0, count: 65536)
        var timedOut = false
        while !open.isEmpty || stdinFD >= 0 {
            let remaining = deadline - monotonicSeconds()
            if remaining <= 0 {
                timedOut = true
                break
            }
            var fds = open.map { pollfd(fd: $0, events: Int16(POLLIN), revents: 0) }
            if stdinFD >= 0 { fds.append(pollfd(fd: stdinFD, events: Int16(POLLOUT), revents: 0)) }
            let ready = poll(&fds, nfds_t(fds.count), Int32(min(remaining, 1) * 1000) + 1)
            if ready < 0 {
                if errno == EINTR { continue }
                timedOut = true  // cannot wait any more: treat like a timeout, kill and reap
                break
            }
            for descriptor in fds where descriptor.revents != 0 {
                if descriptor.fd == stdinFD {
                    let count = input.withUnsafeBytes { bytes in
                        write(stdinFD, bytes.baseAddress! + written, bytes.count - written)
                    }
                    if count > 0 { written += count }
                    if written == input.count || (count < 0 && errno != EAGAIN && errno != EINTR) {
                        close(stdinFD)  // all of it, or the child closed its end (EPIPE)
                        stdinFD = -1
                    }
                    continue
                }
                let count = read(descriptor.fd, &buffer, buffer.count)
                if count > 0 {
                    if descriptor.fd == started.stdout {
                        output.append(contentsOf: buffer[..<count])
                    } else {
                        error.append(contentsOf: buffer[..<count])
                    }
                } else if count == 0 || (errno != EINTR && errno != EAGAIN) {
                    close(descriptor.fd)
                    open.removeAll { $0 == descriptor.fd }
                }
            }
        }
        if stdinFD >= 0 { close(stdinFD) }
        closeAll(open)

        // Both pipes are closed: wait (bounded) for the child itself to exit, without reaping it
        // yet, so its pid keeps the process group's id reserved while stragglers are killed.
        if !timedOut {
            while true {
                var info = siginfo_t()
                let result = waitid(P_PID, id_t(pid), &info, WEXITED | WNOWAIT | WNOHANG)
                if result == 0 && info.si_signo == SIGCHLD { break }  // zeroed when nothing has exited yet
                if result < 0 && errno != EINTR { break }
                if monotonicSeconds() >= deadline {
                    timedOut = true
                    break
                }
                usleep(1000)
            }
        }
        kill(-pid, SIGKILL)  // the group: a timed-out child and anything it left running
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
        if timedOut { throw .timedOut }
        let signal = status & 0x7F
        let exitStatus = signal == 0 ? (status >> 8) & 0xFF : 128 + signal
        return ChildResult(status: exitStatus, output: output, error: error)
    }

    static func monotonicSeconds() -> Double {
        var now = timespec()
        clock_gettime(CLOCK_MONOTONIC, &now)
        return Double(now.tv_sec) + Double(now.tv_nsec) / 1e9
    }

    static func errorText(_ code: Int32) -> String {
        String(cString: strerror(code))
    }

    private static func closeAll(_ descriptors: [Int32]) {
        for descriptor in descriptors where descriptor >= 0 { close(descriptor) }
    }
}
