import Glibc

/// The tty a session draws on: the two stdio streams `newterm` wants, opened on duplicated
/// descriptors so that closing them never closes the process's own stdin or stdout.
struct TerminalDevice {
    let input: UnsafeMutablePointer<FILE>
    let output: UnsafeMutablePointer<FILE>

    /// The descriptor whose settings the crash handler restores.
    var descriptor: Int32 { fileno(output) }

    /// Opens `/dev/tty` (so stdout stays free for `migedit edit --print` while the UI still
    /// reaches the user) after checking it is a terminal: ncurses on a pipe or `/dev/null` does
    /// not fail but writes escape codes and spins on input.
    static func open() throws(TerminalError) -> TerminalDevice {
        let inputDescriptor = Glibc.open("/dev/tty", O_RDWR | O_CLOEXEC)
        guard inputDescriptor >= 0 else { throw .notATerminal }
        guard isatty(inputDescriptor) == 1 else {
            Glibc.close(inputDescriptor)
            throw .notATerminal
        }
        let outputDescriptor = fcntl(inputDescriptor, F_DUPFD_CLOEXEC, 0)
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
