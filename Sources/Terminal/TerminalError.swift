/// Why a terminal session could not start. Both cases are user errors rather than bugs, so the
/// caller prints `message` on stderr and exits with a usage status instead of crashing.
public enum TerminalError: Error, Equatable, Sendable {
    /// The full-screen UI has nowhere to draw: the required descriptors (or `/dev/tty`) are not
    /// a terminal, as under CI, a pipe or `</dev/null`.
    case notATerminal
    /// ncurses could not drive the terminal named by `TERM` (unknown, unset, or without cursor
    /// addressing such as `dumb`). Carries the value of `TERM`, empty when it is unset.
    case cannotInitialize(String)

    /// One line for stderr, naming the cause and what the user can change.
    public var message: String {
        switch self {
        case .notATerminal:
            return "migedit: needs an interactive terminal (/dev/tty is not one or cannot be opened)"
        case .cannotInitialize(let term):
            let name = term.isEmpty ? "TERM is unset" : "TERM=\(term)"
            return "migedit: cannot initialize the terminal (\(name)); "
                + "set TERM to a terminal type with cursor addressing, e.g. xterm-256color"
        }
    }
}
