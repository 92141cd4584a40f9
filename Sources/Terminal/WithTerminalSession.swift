import Glibc

/// Runs `body` with a terminal session and restores the terminal on every way out: a normal
/// return, a thrown error, or a terminating signal. After a signal (Ctrl-C, `kill`, the terminal
/// closing) the terminal is restored first and the process then exits with 128+signal, the
/// status shells expect from a program that was interrupted.
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
    if let signal { exit(128 + signal) }
    return try result.get()
}
