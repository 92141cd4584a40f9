import Glibc
import Synchronization

/// Children in process groups of their own (a QEMU under `migedit verify` or `probe`) do not get
/// the terminal's Ctrl-C, and a QEMU with `-qmp stdio` outlives a closed stdin. So while such a
/// child runs, a signal that would end this process first kills the child's group, removes the
/// files and directories registered with `removeOnSignal` (a `ScratchDirectory`'s), then ends
/// this process as the signal would have. Only signals still at their default action are taken:
/// a program with handlers of its own (the editor's terminal layer) keeps them.
enum OrphanGuard {
    static let capacity = 64

    /// The groups to kill, written under `lock`, read by the handler without it (a pid_t store
    /// is a single word: the handler sees a group or 0, never a torn value).
    nonisolated(unsafe) static let groups: UnsafeMutablePointer<pid_t> = {
        let slots = UnsafeMutablePointer<pid_t>.allocate(capacity: capacity)
        slots.initialize(repeating: 0, count: capacity)
        return slots
    }()

    /// Paths to remove when a signal ends this process, as C strings the handler can pass to
    /// unlink and rmdir (both async-signal-safe); nil slots are free.
    nonisolated(unsafe) static let paths: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?> = {
        let slots = UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>.allocate(capacity: capacity)
        slots.initialize(repeating: nil, count: capacity)
        return slots
    }()

    static let lock = Mutex(())

    static let signals = [SIGINT, SIGTERM, SIGHUP, SIGQUIT]

    /// Installs the handlers once, for the signals still at their default action.
    static let installed: Void = {
        for signal in signals {
            var current = sigaction()
            guard sigaction(signal, nil, &current) == 0, current.__sigaction_handler.sa_handler == nil else { continue }
            var action = sigaction()
            action.__sigaction_handler.sa_handler = { signal in
                for slot in 0..<OrphanGuard.capacity where OrphanGuard.groups[slot] > 0 {
                    kill(-OrphanGuard.groups[slot], SIGKILL)
                }
                for slot in 0..<OrphanGuard.capacity {
                    if let path = OrphanGuard.paths[slot] { unlink(path) }
                }
                for slot in 0..<OrphanGuard.capacity {
                    if let path = OrphanGuard.paths[slot] { rmdir(path) }
                }
                Glibc.signal(signal, SIG_DFL)
                raise(signal)
            }
            sigemptyset(&action.sa_mask)
            sigaction(signal, &action, nil)
        }
    }()

    /// Watches `group` until `release` is called with it.
    static func watch(_ group: pid_t) {
        _ = installed
        lock.withLock { _ in
            if let slot = (0..<capacity).first(where: { groups[$0] == 0 }) { groups[slot] = group }
        }
    }

    /// Runs `start`, which spawns a child leading a process group of its own, with the guarded
    /// signals blocked in this thread until that group is watched: one arriving between the
    /// spawn and the watch would end this process and leave the group running. A signal that
    /// arrives meanwhile is delivered when the mask is put back.
    static func startWatched<Child, Failure: Error>(
        _ start: () throws(Failure) -> Child, group: (Child) -> pid_t
    ) throws(Failure) -> Child {
        _ = installed
        var guarded = sigset_t()
        sigemptyset(&guarded)
        for signal in signals { sigaddset(&guarded, signal) }
        var saved = sigset_t()
        pthread_sigmask(SIG_BLOCK, &guarded, &saved)
        defer { pthread_sigmask(SIG_SETMASK, &saved, nil) }
        let child = try start()
        watch(group(child))
        return child
    }

    static func release(_ group: pid_t) {
        lock.withLock { _ in
            if let slot = (0..<capacity).first(where: { groups[$0] == group }) { groups[slot] = 0 }
        }
    }

    /// Removes `path` (a file, or an empty directory) if a signal ends this process before
    /// `keep(path)` is called.
    static func removeOnSignal(_ path: String) {
        _ = installed
        let copy = strdup(path)
        lock.withLock { _ in
            if let slot = (0..<capacity).first(where: { paths[$0] == nil }) { paths[slot] = copy } else { free(copy) }
        }
    }

    static func keep(_ path: String) {
        lock.withLock { _ in
            for slot in 0..<capacity {
                if let registered = paths[slot], String(cString: registered) == path {
                    paths[slot] = nil
                    free(registered)
                }
            }
        }
    }
}
