import MigrationCore

/// The problems list (`p`): every error and warning of the document at once, QEMU's first
/// marked, each with the items it blames, their current values and its first fix, and which
/// releases would accept the configuration as it is; Enter goes
/// to the first of them, `f` applies the fix. The error pane shows only what fits, so with
/// many errors this is where to see them all.
public struct ProblemsList: Hashable, Sendable {
    /// The highlighted problem, an index into `Analysis.problems`.
    public internal(set) var selection = 0

    /// The highlighted problem moved `delta` places among `count`, stopping at either end.
    mutating func move(by delta: Int, count: Int) {
        selection = max(0, min(count - 1, selection + delta))
    }
}

/// The problems list's text: one block per problem, and where each block starts so the
/// highlighted one can be kept in view and painted.
enum ProblemsScreen {
    struct Content {
        var lines: [StyledLine] = []
        /// The first line of each problem's block, and how many heading lines it has.
        var blocks: [(start: Int, headingLines: Int)] = []
    }

    static func content(for state: EditorState, width: Int) -> Content {
        var content = Content()
        let problems = state.analysis.problems
        let version = state.document.version
        guard !problems.isEmpty else {
            content.lines.append(wrapping: "\(Marker.accepted) QEMU \(version) accepts this configuration: no errors, no warnings", width: width)
            return content
        }
        let errors = problems.filter(\.isError).count
        content.lines.append(wrapping: "QEMU \(version): \(count(errors, "error")), \(count(problems.count - errors, "warning"))"
            + (problems.contains(where: \.isQEMUFirst) ? " · \(Marker.qemuFirstArrow) marks the one QEMU prints (it stops there)" : ""),
            role: .heading, width: width)
        if errors > 0 {
            // When no setting should change, the answer may be another QEMU: computed only
            // while the list is open, one check per release.
            let releases = QEMUVersion.releases(accepting: state.document.configuration, on: state.document.host)
            content.lines.append(wrapping: QEMUVersion.acceptedAsIs(by: releases), role: .muted, width: width)
        }
        for problem in problems {
            content.lines.append(StyledLine(text: "", role: .normal))
            let start = content.lines.count
            let marker = problem.isError ? Marker.error : Marker.warning
            let prefix = problem.isQEMUFirst ? "\(Marker.qemuFirstArrow) \(marker) \(Marker.qemuFirst) " : "  \(marker) "
            content.lines.append(wrapping: prefix + problem.message, role: problem.isError ? .error : .warning, indent: 2, width: width)
            content.blocks.append((start, content.lines.count - start))
            let values = problem.subjects.map { "\($0.name) = \(state.document.displayValue(of: $0))" }
            content.lines.append(wrapping: values.joined(separator: " · "), indent: 6, width: width)
            if let fix = state.fixes.first(for: problem.diagnostics[0]) {
                content.lines.append(wrapping: FixText.line(fix, in: state.document), indent: 6, width: width)
            }
            content.lines.append(wrapping: problem.repeatNote ?? problem.rulesText, role: .muted, indent: 6, width: width)
        }
        return content
    }

    private static func count(_ number: Int, _ noun: String) -> String {
        "\(number) \(noun)\(number == 1 ? "" : "s")"
    }
}
