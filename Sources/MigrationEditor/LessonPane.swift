import MigrationCore

/// The lesson pane's text: the task, the goal with each condition met (`✓`) or still missing
/// (`✗`), the hint shown so far, and the lesson's end with the next lesson to take.
enum LessonPane {
    static func lines(for session: LessonSession, width: Int) -> [StyledLine] {
        var lines: [StyledLine] = []
        lines.append(wrapping: session.lesson.task, width: width)
        lines.append(StyledLine(text: "", role: .normal))
        let status = session.status
        let met = status.results.filter(\.isMet).count
        if status.isMet {
            lines.append(wrapping: "\(Marker.accepted) Lesson complete: the goal holds", role: .heading, width: width)
        } else {
            lines.append(wrapping: "Goal: \(met) of \(status.results.count) met", role: .heading, width: width)
        }
        for result in status.results {
            lines.append(wrapping: (result.isMet ? Marker.accepted : Marker.error) + " " + result.text,
                         role: result.isMet ? .normal : .error, indent: 1, width: width)
        }
        lines.append(StyledLine(text: "", role: .normal))
        if status.isMet {
            let next = session.next.map { "Next: migedit learn \($0.number) (\($0.lesson.title))." } ?? ""
            lines.append(wrapping: "R plays it again, q leaves. " + next, role: .muted, width: width)
            return lines
        }
        guard let hint = session.hint, session.hintLevel > 0 else {
            lines.append(wrapping: "h gives a hint, one step at a time; R restarts the lesson.", role: .muted, width: width)
            return lines
        }
        lines.append(wrapping: "Hint", role: .heading, width: width)
        if session.hintLevel > 1 {
            lines.append(wrapping: change(hint), role: .changed, indent: 1, width: width)
        }
        lines.append(wrapping: hint.reason, indent: 1, width: width)
        if session.hintLevel == 1 {
            lines.append(wrapping: "h again for the change to make", role: .muted, indent: 1, width: width)
        }
        return lines
    }

    /// The hint's change as the pane and the status row give it.
    static func change(_ hint: LessonHint) -> String {
        hint.stepText.map { "Try: \($0)." }
            ?? "No change found that gets closer without breaking something else; the version picker (v) shows what other releases say."
    }

    /// The line the goal starts on, which `h` and the lesson's end scroll to so the goal and
    /// the hint under it show together on a small screen.
    static func goalLine(for session: LessonSession, width: Int) -> Int {
        TextWrap.lines(session.lesson.task, width: width).count + 1
    }

    /// The pane's title: `Lesson 12 · Postcopy with parallel channels`.
    static func title(for session: LessonSession) -> String {
        let name = session.name
        return name.prefix(1).uppercased() + name.dropFirst() + " · " + session.lesson.title
    }
}
