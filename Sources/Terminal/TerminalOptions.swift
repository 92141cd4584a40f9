/// How a `TerminalSession` should use the terminal. Chosen by the command line, so the options
/// are plain values that can be built before any terminal state exists.
public struct TerminalOptions: Sendable {
    /// Draws with bold, reverse and underline only. Also chosen automatically when `NO_COLOR` is
    /// set and non-empty or the terminal has no colours, so roles stay distinguishable everywhere.
    public var monochrome: Bool

    public init(monochrome: Bool = false) {
        self.monochrome = monochrome
    }
}
