import Glibc

/// Runs `body` with a terminal session and restores the terminal on every way out: a normal
/// return, a thrown error, or a terminating signal. After a signal (`kill`, the terminal
/// closing, a Ctrl-C the body never read as a key) the terminal is restored first, the session's
/// `noteAfterClose` goes to stderr, and the process then exits with 128+signal, the status
/// shells expect from a program that was interrupted.
@MainActor
public func withTerminalSession<T>(
    _ options: TerminalOptions, _ body: (TerminalSession) throws -> T
) throws -> T {
    let session = try TerminalSession(options: options)
    let result: Result<T, any Error>
    do {
        result = .success(try body(session))
    } catch {
        result = .failure(error)
    }
    let signal = session.terminatingSignal
    session.close()
    if let note = session.noteAfterClose {
        let line = Array((note + "\n").utf8)
        _ = line.withUnsafeBytes { write(STDERR_FILENO, $0.baseAddress, $0.count) }
    }
    if let signal { exit(128 + signal) }
    return try result.get()
}
