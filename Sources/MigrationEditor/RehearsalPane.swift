import MigrationCore

/// A rehearsal started from the export screen (`r`): the binary it runs, the steps heard so
/// far, then the result or why no rehearsal could run. The export screen shows it above the
/// export; the rehearsal itself is an effect the outside performs.
public struct RehearsalPane: Hashable, Sendable {
    /// The QEMU binary both sides run.
    public let binary: String
    public internal(set) var steps: [String] = []
    public internal(set) var result: RehearsalResult?
    /// No rehearsal ran: the binary is no usable QEMU, or the profile does not fit its release.
    public internal(set) var failure: String?

    init(binary: String) {
        self.binary = binary
    }

    /// Still waiting for the result.
    public var isRunning: Bool { result == nil && failure == nil }

    /// The pane's lines: a heading, then the latest step while it runs, or the result.
    func lines(width: Int) -> [StyledLine] {
        var lines = [StyledLine(text: "Rehearsal with \(binary)", role: .heading)]
        if let failure {
            lines.append(wrapping: "\(Marker.error) " + failure, role: .error, indent: 2, width: width)
        } else if let result {
            let role: StyleRole = result.isSuccess ? .normal : .error
            for line in result.lines {
                let lineRole = line.hasPrefix("outcome") || line.hasPrefix("cause") ? role : .normal
                // The label column (`outcome    `) stays a column: the value wraps under itself.
                let label = line.prefix { $0 != " " } + line.drop { $0 != " " }.prefix { $0 == " " }
                let value = String(line.dropFirst(label.count))
                for (index, part) in TextWrap.lines(value, width: max(1, width - 2 - label.count)).enumerated() {
                    let lead = index == 0 ? String(label) : String(repeating: " ", count: label.count)
                    lines.append(StyledLine(text: lead + part, role: lineRole, indent: 2))
                }
            }
        } else {
            lines.append(wrapping: "running: " + (steps.last ?? "starting two QEMUs"), role: .muted, indent: 2, width: width)
        }
        lines.append(StyledLine(text: "", role: .normal))
        return lines
    }
}

extension EditorState {
    /// `r` on the export screen: asks which QEMU to rehearse with, the last one chosen first.
    mutating func askRehearsalBinary(over view: ExportView) -> [EditorEffect] {
        mode = .prompt(Prompt(purpose: .rehearse(view), field: TextField(rehearsalBinary)))
        return []
    }

    /// The binary was chosen: the export screen shows the pane, and the outside rehearses.
    mutating func startRehearsal(with binary: String, over view: ExportView) -> [EditorEffect] {
        rehearsalBinary = binary
        var view = view
        view.rehearsal = RehearsalPane(binary: binary)
        view.scroll = 0
        mode = .export(view)
        return [.rehearse(document, binary: binary)]
    }

    /// A step, the result or the failure of the rehearsal the export screen shows.
    mutating func updateRehearsal(_ change: (inout RehearsalPane) -> Void) {
        guard case .export(var view) = mode, var pane = view.rehearsal else { return }
        change(&pane)
        view.rehearsal = pane
        mode = .export(view)
        if let result = pane.result {
            status = result.isSuccess
                ? .info("\(Marker.accepted) Rehearsal completed: the guest runs on the destination")
                : .error("Rehearsal " + result.outcomeLine)
        } else if let failure = pane.failure {
            status = .error("No rehearsal: " + failure)
        }
    }
}
