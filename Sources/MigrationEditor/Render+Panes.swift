import MigrationCore

extension Renderer {
    /// The error pane: every problem, one line each, naming the items involved. The error QEMU
    /// itself would print comes first and says so, with its first fix under it; when they do not
    /// all fit, the last line says how many more there are and where to see them all. Above
    /// them all, the attached QEMU's last refusal (its own words) or why it cannot be reached.
    mutating func drawErrorPane() {
        var top = layout.errorTop, rows = layout.errorRows
        let width = columns - 2
        if let error = state.live?.error {
            screen.put(Wrap.truncated("\(Marker.error) \(error)", width: width), row: top, column: 1, role: .error)
            top += 1
            rows -= 1
        }
        let ordered = state.analysis.problems
        guard !ordered.isEmpty else {
            screen.put("\(Marker.accepted) QEMU \(state.document.version) accepts this configuration", row: top, column: 1, width: width)
            return
        }
        // QEMU's first error (first in the list) keeps a row for its first fix, which `f` applies.
        let fixLine = state.analysis.firstErrorToFix.flatMap(state.fixes.first(for:))
            .map { FixText.line($0, in: state.document, key: "f") }
        let reserved = fixLine == nil ? 0 : 1
        let fits = ordered.count + reserved <= rows
        let shown = fits ? ordered.count : rows - 1 - reserved
        // Rows the shown findings do not need let the first ones wrap instead of being cut.
        var spare = rows - shown - reserved - (fits ? 0 : 1)
        var row = top
        for problem in ordered.prefix(shown) {
            let isError = problem.isError
            var text = isError ? Marker.error : Marker.warning
            if problem.isQEMUFirst { text += " " + Marker.qemuFirst }
            text += " " + problem.subjects.map(\.name).joined(separator: " + ") + ": " + problem.message
            if let times = problem.timesChecked { text += " (QEMU checks this \(times))" }
            var lines = TextWrap.lines(text, width: width - 2)
            if lines.count > spare + 1 {
                lines = Array(lines.prefix(spare + 1))
                lines[lines.count - 1] = Wrap.truncated(lines[lines.count - 1] + " …", width: width - 2)
            }
            spare -= lines.count - 1
            for (index, line) in lines.enumerated() {
                screen.put(line, row: row, column: index == 0 ? 1 : 3, role: isError ? .error : .warning)
                row += 1
            }
            if problem.isQEMUFirst, let fixLine {
                screen.put(Wrap.truncated(fixLine, width: width - 2), row: row, column: 3)
                row += 1
            }
        }
        if !fits {
            let more = ordered.count - shown
            screen.put(
                Wrap.truncated("… \(more) more: p lists every problem, ] jumps to the next marked entry", width: width),
                row: row, column: 1, role: .muted)
        }
    }

    /// The live `-global` fragment, cut to the width, with a note when some changed settings
    /// have no `-global` form.
    mutating func drawExportLine() {
        let export = state.analysis.globalExport
        let row = layout.exportRow
        let note = export.notes.isEmpty ? "" : "+\(export.notes.count) QMP-only (e shows all)"
        let width = columns - 2 - (note.isEmpty ? 0 : note.count + 2)
        if export.text.isEmpty {
            screen.put(Wrap.truncated("-global: nothing to set, every value is "
                + (state.document.host.machine.map { "\($0)'s default" } ?? "QEMU's default"), width: width), row: row, column: 1, role: .muted)
        } else {
            screen.put(Wrap.truncated(export.text, width: width), row: row, column: 1)
        }
        if !note.isEmpty { screen.put(note, row: row, column: columns - 1 - note.count, role: .qmpOnly) }
    }

    /// The status row: the open prompt or question, the live verdict on a field being edited,
    /// the last message, or else the focused entry's one-line description.
    mutating func drawStatus() {
        let row = layout.statusRow, width = columns - 2
        switch state.mode {
        case .prompt(let prompt):
            let column = screen.put(prompt.label, row: row, column: 1, role: .status)
            drawField(prompt.field, row: row, column: column, width: columns - 1 - column)
            return
        case .searching(let session):
            let column = screen.put("/", row: row, column: 1, role: .status)
            let count = session.results.matches.count
            let info = session.results.query.isEmpty ? "" : "  \(count == 0 ? "no match" : "\(session.results.current + 1) of \(count)")"
            let fieldWidth = max(10, width - 1 - info.count)
            screen.put(info, row: row, column: column + fieldWidth, role: count == 0 ? .error : .muted)
            drawField(session.field, row: row, column: column, width: fieldWidth)
            return
        case .confirmLeaving(let leaving):
            drawStatusText(leaving.question, role: .warning)
            return
        case .offerRescue(let offer):
            drawStatusText(offer.question, role: .warning)
            return
        case .confirmApply(let confirmation):
            drawStatusText(ApplyScreen.question(confirmation, qemuVersion: state.live?.snapshot.qemuVersion ?? ""), role: .warning)
            return
        case .editing(let edit):
            drawEditStatus(edit)
            return
        case .pickVersion(let picker) where state.status == nil:
            drawStatusText(versionPickerStatus(picker), role: .status)
            return
        case .pickMachine(let picker) where state.status == nil:
            drawStatusText(machinePickerStatus(picker), role: .status)
            return
        case .problems(let list):
            drawStatusText(problemsListStatus(list), role: .status)
            return
        default:
            break
        }
        if let status = state.status {
            drawStatusText(status.text, role: status.kind == .error ? .error : .status)
        } else if state.mode == .list {
            let summary: String
            switch state.focus {
            case .item(let id): summary = id.item.summary
            case .host(let fact): summary = fact.summary
            }
            screen.put(Wrap.truncated("\(state.focus.name): \(summary)", width: width), row: row, column: 1, role: .muted)
        }
    }

    private mutating func drawEditStatus(_ edit: FieldEdit) {
        let text: String, role: StyleRole
        switch edit.feedback {
        case .invalid(let message):
            text = "\(Marker.error) \(edit.rejected ? "Not committed: " : "")\(message)"
            role = .error
        case .valid(_, let findings):
            let problems = Problem.grouping(findings)
            if let first = problems.first(where: \.isError) ?? problems.first {
                let more = problems.count > 1 ? " (+\(problems.count - 1) more)" : ""
                text = "\(first.isError ? Marker.error : Marker.warning) would break: \(first.message)\(more)"
                role = first.isError ? .error : .warning
            } else {
                text = "\(Marker.accepted) valid · Enter commits · Esc cancels"
                role = .status
            }
        }
        drawStatusText(text, role: role)
    }

    /// A message or question for the status row. One that does not fit takes the row above as
    /// well (wrapped between words), so the end of it, usually what to do next, stays visible.
    private mutating func drawStatusText(_ text: String, role: StyleRole) {
        let row = layout.statusRow, width = columns - 2
        let lines = TextWrap.lines(text, width: width)
        guard lines.count > 1 else {
            screen.put(text, row: row, column: 1, role: role, width: width)
            return
        }
        screen.put(String(repeating: " ", count: columns), row: row - 1, column: 0)
        screen.put(lines[0], row: row - 1, column: 1, role: role)
        let rest = lines.dropFirst().joined(separator: " ")
        screen.put(Wrap.truncated(rest, width: width), row: row, column: 1, role: role)
    }

    /// The key legend: as many of the mode's keys as fit, always ending with help and quit.
    mutating func drawLegend() {
        screen.paint(role: .legend, row: layout.legendRow, from: 0, width: columns)
        screen.put(KeyLegend.text(for: state, width: columns - 2), row: layout.legendRow, column: 1, role: .legend)
    }
}
