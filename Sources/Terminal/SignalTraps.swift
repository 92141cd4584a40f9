import Glibc
import Synchronization

/// The terminating signal that arrived during a session, 0 for none. A global atomic because a C
/// signal handler can capture nothing and may only do async-signal-safe work.
let pendingTerminatingSignal = Atomic<Int32>(0)

/// The tty the crash handler restores, -1 when no session is open.
private let crashRestoreDescriptor = Atomic<Int32>(-1)

/// The tty settings saved before ncurses changed them. Written once per session before any
/// handler can read it, then only read from handlers.
nonisolated(unsafe) private let crashRestoreSettings = UnsafeMutablePointer<termios>.allocate(capacity: 1)

/// A stack for the crash handler, so a stack overflow can still restore the terminal.
nonisolated(unsafe) private let crashHandlerStack = UnsafeMutableRawPointer.allocate(
    byteCount: 64 * 1024, alignment: 16)

/// The signal handlers a session installs, and the ones they replaced.
///
/// Terminating signals only record themselves, so the blocked `get_wch` returns (no `SA_RESTART`)
/// and the session acts on them on the main thread: SIGINT becomes a Ctrl-C key, the others end
/// the session after the program has had its chance to rescue unsaved work (writing a file is
/// not async-signal-safe work for a handler) and the terminal is restored. Crash signals cannot wait for
/// that: their handler restores the saved tty settings and leaves the alternate screen with
/// async-signal-safe calls only, then dies by the signal's default action.
struct SignalTraps {
    /// Signals that end the session: Ctrl-C, `kill`, a closed terminal, and Ctrl-\ (which would
    /// otherwise dump core with the terminal left raw).
    static let terminating: [Int32] = [SIGINT, SIGTERM, SIGHUP, SIGQUIT]
    /// Signals that mean the process is dying. Swift traps (`fatalError`, overflow) are SIGILL on
    /// x86_64 and SIGTRAP on arm64.
    static let crashing: [Int32] = [SIGSEGV, SIGBUS, SIGABRT, SIGILL, SIGTRAP, SIGFPE]
    /// Signals the session depends on. A parent (a Swift Testing worker thread, an async main)
    /// may have blocked them, and a blocked SIGWINCH or SIGINT never interrupts `get_wch`.
    static let needed: [Int32] = terminating + [SIGWINCH, SIGTSTP, SIGCONT]

    private var replaced: [(signal: Int32, action: sigaction)] = []
    private var replacedStack = stack_t()

    /// Unblocks the needed signals, saves the tty settings of `descriptor` and installs the
    /// handlers. Must run before `newterm`, which only installs its own SIGINT/SIGTERM handlers
    /// (restore and `exit(1)`, skipping the caller's cleanup) where the disposition is default.
    static func install(restoring descriptor: Int32) -> SignalTraps {
        var unblock = sigset_t()
        sigemptyset(&unblock)
        for signal in needed { sigaddset(&unblock, signal) }
        pthread_sigmask(SIG_UNBLOCK, &unblock, nil)

        pendingTerminatingSignal.store(0, ordering: .relaxed)
        if tcgetattr(descriptor, crashRestoreSettings) == 0 {
            crashRestoreDescriptor.store(descriptor, ordering: .relaxed)
        }
        var traps = SignalTraps()
        var alternateStack = stack_t()
        alternateStack.ss_sp = crashHandlerStack
        alternateStack.ss_size = 64 * 1024
        sigaltstack(&alternateStack, &traps.replacedStack)
        for signal in terminating {
            traps.replace(signal, with: recordTerminatingSignal, flags: 0)
        }
        for signal in crashing {
            traps.replace(signal, with: restoreTerminalAndDie, flags: SA_ONSTACK)
        }
        return traps
    }

    /// Puts back the handlers and signal stack that were there before the session, and forgets
    /// the tty.
    func remove() {
        crashRestoreDescriptor.store(-1, ordering: .relaxed)
        for (signal, action) in replaced.reversed() {
            var previous = action
            sigaction(signal, &previous, nil)
        }
        var previousStack = replacedStack
        sigaltstack(&previousStack, nil)
    }

    private mutating func replace(
        _ signal: Int32, with handler: @escaping @convention(c) (Int32) -> Void, flags: Int32
    ) {
        var action = sigaction()
        action.__sigaction_handler.sa_handler = handler
        sigemptyset(&action.sa_mask)
        action.sa_flags = flags
        var previous = sigaction()
        if sigaction(signal, &action, &previous) == 0 {
            replaced.append((signal, previous))
        }
    }
}

/// Records the signal for `nextKey`. A second terminating signal before `nextKey` took the first
/// means the program did not get back to it in time (it is stuck), so the terminal is restored
/// and the process ends here.
private func recordTerminatingSignal(_ signal: Int32) {
    if pendingTerminatingSignal.exchange(signal, ordering: .relaxed) != 0 {
        restoreTerminalSettings()
        _exit(128 + signal)
    }
}

private func restoreTerminalAndDie(_ signal: Int32) {
    restoreTerminalSettings()
    Glibc.signal(signal, SIG_DFL)
    raise(signal)
}

/// Async-signal-safe stand-in for `endwin`: reset attributes, leave keypad-transmit mode and the
/// alternate screen, show the cursor, and put back the settings saved at session start.
private func restoreTerminalSettings() {
    let descriptor = crashRestoreDescriptor.load(ordering: .relaxed)
    guard descriptor >= 0 else { return }
    let reset: StaticString = "\u{1B}[0m\u{1B}[?1l\u{1B}>\u{1B}[?1049l\u{1B}[?25h"
    _ = write(descriptor, reset.utf8Start, reset.utf8CodeUnitCount)
    _ = tcsetattr(descriptor, TCSANOW, crashRestoreSettings)
}
