/// Why talking to a running QEMU failed: the socket is not there or not QMP, QEMU went away or
/// stopped answering, or it said something that is not QMP. One line, naming the target, for
/// the CLI's stderr (exit 2) and the live editor's status row.
public struct QMPError: Error, Hashable, Sendable {
    public let message: String

    public init(_ message: String) {
        self.message = message
    }
}
