import Glibc
import Synchronization

/// A program left running while its starter goes on: a QEMU serving QMP on a socket, which the
/// tests and the benchmark attach to. It runs in a process group of its own, watched by
/// `OrphanGuard`, so a signal that ends this process kills it too; `stop()` kills its whole
/// tree by pid and reaps it, and dropping the last reference stops it, so no path leaves it
/// running.
public final class BackgroundProcess: Sendable {
    public let pid: pid_t
    private let stopped = Mutex(false)

    /// Starts `command` (looked up in PATH) with stdin and stdout on /dev/null and stderr
    /// appended to `errorLog` (/dev/null when nil).
    public init(_ command: [String], errorLog: String? = nil) throws(ChildProcess.Failure) {
        if let errorLog {
            let descriptor = open(errorLog, O_WRONLY | O_CREAT | O_APPEND, 0o600)
            guard descriptor >= 0 else { throw .cannotStart("cannot open \(errorLog): \(String(cString: strerror(errno)))") }
            close(descriptor)
        }
        pid = try OrphanGuard.startWatched({ () throws(ChildProcess.Failure) -> pid_t in
            let spawned = CleanSpawn.lock.withLock { _ in
                CleanSpawn.start(
                    command,
                    files: [
                        STDIN_FILENO: .open("/dev/null", flags: O_RDONLY), STDOUT_FILENO: .open("/dev/null", flags: O_WRONLY),
                        STDERR_FILENO: .open(errorLog ?? "/dev/null", flags: O_WRONLY | O_APPEND),
                    ],
                    newProcessGroup: true)
            }
            switch spawned {
            case .success(let pid): return pid
            case .failure(let error): throw .cannotStart("cannot start \(command[0]): \(error.message)")
            }
        }, group: { $0 })
    }

    /// Whether the program is still running (not exited, or exited but not reaped).
    public var isRunning: Bool {
        guard let state = ChildProcess.status(of: pid)?.first else { return false }
        return state != "Z" && state != "X"
    }

    /// Kills the program and everything it started, then reaps it. Safe to call more than once.
    public func stop() {
        let already = stopped.withLock { wasStopped in
            defer { wasStopped = true }
            return wasStopped
        }
        guard !already else { return }
        ChildProcess.killTree(pid)
        kill(-pid, SIGKILL)
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
        OrphanGuard.release(pid)
    }

    deinit { stop() }
}
