/// How a `TerminalSession` should use the terminal. Chosen by the command line, so the options
/// are plain values that can be built before any terminal state exists.
public struct TerminalOptions: Sendable {
    /// Draws with bold, reverse and underline only. Also chosen automatically when `NO_COLOR` is
    /// set and non-empty or the terminal has no colours, so roles stay distinguishable everywhere.
    public var monochrome: Bool
    /// Draws on `/dev/tty` instead of stdin/stdout, so stdout stays free for output such as
    /// `migedit edit --print` while the UI still reaches the user.
    public var useDevTTY: Bool

    public init(monochrome: Bool = false, useDevTTY: Bool = true) {
        self.monochrome = monochrome
        self.useDevTTY = useDevTTY
    }
}
