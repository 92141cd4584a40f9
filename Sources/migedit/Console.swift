import Glibc

/// Writes whole lines to stdout or stderr, unbuffered enough that order is kept around exits.
enum Console {
    static func output(_ text: String) {
        write(text, to: STDOUT_FILENO)
    }

    static func error(_ text: String) {
        write(text, to: STDERR_FILENO)
    }

    private static func write(_ text: String, to descriptor: Int32) {
        guard !text.isEmpty else { return }
        var bytes = Array((text.hasSuffix("\n") ? text : text + "\n").utf8)[...]
        while !bytes.isEmpty {
            let count = bytes.withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress, $0.count) }
            if count > 0 {
                bytes = bytes.dropFirst(count)
            } else if errno != EINTR {
                return
            }
        }
    }
}

/// A failure with the exit code the CLI contract gives it.
struct CLIFailure: Error {
    static let rejected: Int32 = 1
    static let badInput: Int32 = 2

    let message: String
    let code: Int32

    static func badInput(_ message: String) -> CLIFailure {
        CLIFailure(message: "migedit: " + message, code: badInput)
    }
}
