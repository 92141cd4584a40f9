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

    /// What each exit code means, the same for every command (`--help` and the manual list it).
    static let exitCodes: [(code: String, meaning: String)] = [
        ("0", "accepted (warnings allowed); import, probe, explain, versions did their job; verify: "
            + "QEMU and migedit agree"),
        ("\(rejected)", "rejected by QEMU's rules; verify: a disagreement; import: the build the host facts "
            + "describe refuses a value; edit --print left without w (nothing printed)"),
        ("\(badInput)", "bad input: an unknown name or command, an unparsable value, a corrupt profile, input "
            + "with no migration setting, a missing or unusable QEMU binary, no terminal for the editor; "
            + "one line on stderr, nothing on stdout, no file touched"),
        ("128+N", "the editor ended by signal N (130 after Ctrl-C twice, 143 after SIGTERM)"),
    ]

    let message: String
    let code: Int32

    static func badInput(_ message: String) -> CLIFailure {
        CLIFailure(message: "migedit: " + message, code: badInput)
    }
}
