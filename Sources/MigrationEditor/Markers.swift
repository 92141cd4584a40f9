/// The characters that carry meaning on screen. Each distinction has its own character, so
/// nothing depends on colour: a monochrome terminal shows the same information.
enum Marker {
    static let focus = "▸"
    /// Before a changed value, in monochrome only (colour shows it with the `changed` role).
    static let changed = "*"
    /// Involved in a current error.
    static let error = "✗"
    /// Involved in a current warning.
    static let warning = "△"
    /// Changing it would add an error.
    static let whatIf = "!"
    static let accepted = "✓"
    /// No `-global` property on this host.
    static let qmpOnly = "(QMP)"
    /// Prefix of the error QEMU itself prints (it stops at its first failing check).
    static let qemuFirst = "[QEMU first]"
    /// Beside the error QEMU prints first, in the problems list.
    static let qemuFirstArrow = "▶"

    static func character(for mark: Mark) -> String {
        switch mark {
        case .none: return " "
        case .whatIf: return whatIf
        case .warning: return warning
        case .error: return error
        }
    }

    static func role(for mark: Mark) -> StyleRole {
        switch mark {
        case .none: return .normal
        case .whatIf: return .whatIf
        case .warning: return .warning
        case .error: return .error
        }
    }
}
