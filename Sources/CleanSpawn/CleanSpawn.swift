import Glibc
import Synchronization

/// Starts child processes the way everything in migedit that runs a program must: with
/// `posix_spawn`, an empty signal mask and default signal actions. Programs started from the
/// Swift Testing runner (or any thread with blocked signals) would otherwise inherit the blocked
/// mask, and an editor under test would never see SIGWINCH or SIGTERM, QEMU never SIGINT.
public enum CleanSpawn {
    /// What a child's descriptor is connected to.
    public enum Redirection: Sendable {
        /// The parent's descriptor, duplicated.
        case descriptor(Int32)
        /// A file opened in the child (e.g. "/dev/null", a pty).
        case open(String, flags: Int32)
    }

    /// glibc's `POSIX_SPAWN_SETSID`, which Swift cannot see without `_GNU_SOURCE`.
    static let setSessionFlag: Int32 = 0x80

    /// glibc's `posix_spawn_file_actions_addclosefrom_np` (2.34 and later; Debian 12 has 2.36),
    /// also hidden behind `_GNU_SOURCE`: the child closes every descriptor from `lowest` on.
    @_silgen_name("posix_spawn_file_actions_addclosefrom_np")
    private static func addCloseFrom(_ actions: UnsafeMutablePointer<posix_spawn_file_actions_t>, _ lowest: Int32) -> Int32

    /// Held from creating a pipe until the child that needs it is started: `pipe2` is not
    /// visible to Swift, so `pipe` + `FD_CLOEXEC` is not atomic, and another thread spawning in
    /// between would inherit the new pipe and keep it open.
    public static let lock = Mutex(())

    /// A pipe whose both ends are close-on-exec; call it while holding `lock`.
    public static func makePipe() -> (read: Int32, write: Int32)? {
        var ends: [Int32] = [-1, -1]
        guard pipe(&ends) == 0 else { return nil }
        for end in ends { _ = fcntl(end, F_SETFD, FD_CLOEXEC) }
        return (ends[0], ends[1])
    }

    /// Starts `arguments[0]` (looked up in PATH) and returns its pid, or the errno of the failure.
    /// `environment` nil passes the parent's. `newProcessGroup` lets a timeout kill everything
    /// the child starts; `newSession` detaches it from the controlling terminal.
    public static func start(
        _ arguments: [String], environment: [String: String]? = nil, files: [Int32: Redirection],
        newProcessGroup: Bool = false, newSession: Bool = false
    ) -> Result<pid_t, Errno> {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        for (child, redirection) in files.sorted(by: { $0.key < $1.key }) {
            switch redirection {
            case .descriptor(let parent): posix_spawn_file_actions_adddup2(&actions, parent, child)
            case .open(let path, let flags): posix_spawn_file_actions_addopen(&actions, child, path, flags, 0)
            }
        }
        // Descriptors another thread opened without close-on-exec (Foundation's file writes, a
        // test writing a script) would otherwise live as long as the child: a pipe never sees
        // its end, and a script still open for writing cannot be run (ETXTBSY).
        _ = addCloseFrom(&actions, max(3, (files.keys.max() ?? 2) + 1))
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var noSignals = sigset_t()
        sigemptyset(&noSignals)
        posix_spawnattr_setsigmask(&attributes, &noSignals)
        var everySignal = sigset_t()
        sigfillset(&everySignal)
        sigdelset(&everySignal, SIGKILL)
        sigdelset(&everySignal, SIGSTOP)
        posix_spawnattr_setsigdefault(&attributes, &everySignal)
        var flags = Int32(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF)
        if newProcessGroup {
            posix_spawnattr_setpgroup(&attributes, 0)
            flags |= Int32(POSIX_SPAWN_SETPGROUP)
        }
        if newSession { flags |= setSessionFlag }
        posix_spawnattr_setflags(&attributes, Int16(flags))

        let argv = arguments.map { strdup($0) } + [nil]
        let lines = environment.map { $0.map { "\($0.key)=\($0.value)" } }
        let envp = lines.map { $0.map { strdup($0) } + [nil] }
        defer {
            argv.forEach { free($0) }
            envp?.forEach { free($0) }
        }
        var pid = pid_t()
        let result = envp.map { posix_spawnp(&pid, arguments[0], &actions, &attributes, argv, $0) }
            ?? posix_spawnp(&pid, arguments[0], &actions, &attributes, argv, environ)
        return result == 0 ? .success(pid) : .failure(Errno(code: result))
    }

    /// An errno value from a failed spawn, with its text.
    public struct Errno: Error, Sendable {
        public let code: Int32
        public var message: String { String(cString: strerror(code)) }
    }
}
