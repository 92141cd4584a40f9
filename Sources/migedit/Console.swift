import Foundation

/// Writes whole lines to stdout or stderr, unbuffered enough that order is kept around exits.
enum Console {
    static func output(_ text: String) {
        guard !text.isEmpty else { return }
        FileHandle.standardOutput.write(Data((text.hasSuffix("\n") ? text : text + "\n").utf8))
    }

    static func error(_ text: String) {
        guard !text.isEmpty else { return }
        FileHandle.standardError.write(Data((text.hasSuffix("\n") ? text : text + "\n").utf8))
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
