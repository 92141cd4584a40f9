import MigrationCore

/// The apply question's body: the changes as `apply` prints them, the QMP commands that carry
/// them in the order they are sent, and the notes.
enum ApplyScreen {
    static func lines(for confirmation: ApplyConfirmation, target: String, width: Int) -> [StyledLine] {
        let plan = confirmation.plan
        var lines: [StyledLine] = []
        lines.append(wrapping: "Apply to \(target): \(plan.changes.count) \(plan.changes.count == 1 ? "change" : "changes")", role: .heading, width: width)
        let nameWidth = plan.changes.map(\.id.item.name.count).max() ?? 0
        for change in plan.changes {
            lines.append(StyledLine(text: change.line(width: nameWidth), role: .changed, indent: 2, isWhole: true))
        }
        lines.append(StyledLine(text: "", role: .normal))
        lines.append(StyledLine(text: "QMP, sent in this order:", role: .heading))
        for command in plan.lines {
            lines.append(StyledLine(text: command, role: .normal, indent: 2, isWhole: true))
        }
        if !confirmation.notes.isEmpty {
            lines.append(StyledLine(text: "", role: .normal))
            lines.append(StyledLine(text: "Notes:", role: .heading))
            for note in confirmation.notes {
                lines.append(wrapping: "\(Marker.warning) " + note, role: .warning, indent: 2, width: width)
            }
        }
        return lines
    }

    static func question(_ confirmation: ApplyConfirmation, qemuVersion: String) -> String {
        let count = confirmation.plan.changes.count
        return "Send \(count == 1 ? "this change" : "these \(count) changes") to QEMU \(qemuVersion)? y applies · n goes back"
    }
}

extension Renderer {
    /// The apply question over the whole body, cut at the edge (QMP lines are long).
    mutating func drawApplyConfirmation(_ confirmation: ApplyConfirmation) {
        guard let live = state.live else { return }
        let width = columns - 3
        let lines = ApplyScreen.lines(for: confirmation, target: live.name, width: width)
        let height = layout.screenBodyHeight
        let scroll = min(confirmation.scroll, max(0, lines.count - height))
        for offset in 0..<max(0, min(height, lines.count - scroll)) {
            let line = lines[scroll + offset]
            let room = width - line.indent
            let text = line.isWhole && line.text.count > room ? String(line.text.prefix(room - 1)) + "→" : line.text
            screen.put(text, row: 1 + offset, column: 2 + line.indent, role: line.role, width: room)
        }
    }

    /// The title's left part while attached: the target (which names its release) and how many
    /// settings differ from what it holds.
    func liveTitle(_ live: LiveTarget) -> String {
        let pending = live.differences(from: state.document)
        return " migedit · \(live.name)" + (pending == 0 ? " · applied" : " · \(pending) to apply")
    }
}
