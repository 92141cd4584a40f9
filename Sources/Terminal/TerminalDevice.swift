import Glibc

/// The tty a session draws on: the two stdio streams `newterm` wants, opened on duplicated
/// descriptors so that closing them never closes the process's own stdin or stdout.
struct TerminalDevice {
    let input: UnsafeMutablePointer<FILE>
    let output: UnsafeMutablePointer<FILE>

    /// The descriptor whose settings the crash handler restores.
    var descriptor: Int32 { fileno(output) }

    /// Opens `/dev/tty`, or duplicates stdin and stdout, after checking that they are terminals:
    /// ncurses on a pipe or `/dev/null` does not fail but writes escape codes and spins on input.
    static func open(useDevTTY: Bool) throws(TerminalError) -> TerminalDevice {
        let inputDescriptor: Int32
        let outputDescriptor: Int32
        if useDevTTY {
            inputDescriptor = Glibc.open("/dev/tty", O_RDWR | O_CLOEXEC)
            guard inputDescriptor >= 0 else { throw .notATerminal }
            guard isatty(inputDescriptor) == 1 else {
                Glibc.close(inputDescriptor)
                throw .notATerminal
            }
            outputDescriptor = fcntl(inputDescriptor, F_DUPFD_CLOEXEC, 0)
        } else {
            guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 else { throw .notATerminal }
            inputDescriptor = fcntl(STDIN_FILENO, F_DUPFD_CLOEXEC, 0)
            outputDescriptor = fcntl(STDOUT_FILENO, F_DUPFD_CLOEXEC, 0)
        }
        guard inputDescriptor >= 0, outputDescriptor >= 0,
            let input = fdopen(inputDescriptor, "r"),
            let output = fdopen(outputDescriptor, "w")
        else {
            if inputDescriptor >= 0 { Glibc.close(inputDescriptor) }
            if outputDescriptor >= 0 { Glibc.close(outputDescriptor) }
            throw .notATerminal
        }
        return TerminalDevice(input: input, output: output)
    }

    func close() {
        fclose(input)
        fclose(output)
    }
}
