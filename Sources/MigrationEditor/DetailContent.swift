import MigrationCore

/// The detail pane's text for the focused entry: how to set it, its type, default and range,
/// what it does, the live verdict on a field being edited, every current finding that involves
/// it (with the other culprits' current values, its first fix and why the rule exists; a
/// message QEMU checks twice once) and what changing it would do. While searching, the pane
/// lists the matches instead; while a lesson is played, it shows the lesson (`l` switches).
enum DetailContent {
    static func lines(for state: EditorState, width: Int) -> [StyledLine] {
        if case .searching(let session) = state.mode { return searchLines(session.results, width: width) }
        if state.showsLessonPane, let session = state.lesson { return LessonPane.lines(for: session, width: width) }
        var lines: [StyledLine] = []
        switch state.focus {
        case .item(let id): lines += itemHeader(state.document.item(id), in: state.document, width: width)
        case .host(let fact): lines += hostHeader(fact, in: state.document, width: width)
        }
        if case .editing(let edit) = state.mode, edit.subject == state.focus {
            lines += editLines(edit, in: state.document, width: width)
        }
        lines.append(StyledLine(text: "", role: .normal))
        switch state.focus {
        case .item(let id): lines.append(wrapping: state.document.item(id).summary, width: width)
        case .host(let fact): lines.append(wrapping: fact.summary, width: width)
        }
        lines += findingLines(state, width: width)
        lines += whatIfLines(state, width: width)
        return lines
    }

    private static func itemHeader(_ item: Item, in document: Profile, width: Int) -> [StyledLine] {
        var lines: [StyledLine] = []
        let value = document.configuration[item.id]
        if let property = item.property(on: document.host) {
            lines.append(wrapping: "-global migration.\(property)=\(ValueFormatter.globalText(value, as: item.type))", width: width)
        } else {
            let why: String
            if item.property != nil {
                why = "no -global property on this host"
            } else if item.id.item.property != nil, item.propertyVersions.first > document.version {
                why = "no -global property before QEMU \(item.propertyVersions.first)"
            } else {
                why = "no -global property"
            }
            lines.append(wrapping: "QMP only (\(why)): set it with QMP or HMP", role: .qmpOnly, width: width)
        }
        var facts = ["\(kindName(item.kind))", item.type.displayName]
        if let unit = item.unit { facts.append("unit \(unit)") }
        lines.append(wrapping: facts.joined(separator: " · "), role: .muted, width: width)
        if let range = item.range { lines.append(wrapping: "range \(range)", role: .muted, width: width) }
        let current = ValueText.display(value, of: item)
        let defaultText = ValueText.defaultText(of: item, in: document)
        if document.configuration.isChanged(item.id) {
            lines.append(wrapping: "now \(current) (changed; default \(defaultText))", role: .changed, width: width)
        } else {
            lines.append(wrapping: "now \(current) (the default)", role: .muted, width: width)
        }
        if item.isDeprecated {
            lines.append(wrapping: deprecationNote(item, in: document.version), role: .warning, width: width)
        }
        if item.isUnstable {
            lines.append(wrapping: "unstable (x-): may change without notice between releases", role: .warning, width: width)
        }
        if EntryKind.of(.item(item.id), in: document) == .readOnly {
            lines.append(wrapping: EntryKind.readOnlyNote(for: .item(item.id)), role: .muted, width: width)
        }
        return lines
    }

    /// "deprecated in QEMU 9.0: …", naming the release that removes it when one of the known
    /// releases does.
    private static func deprecationNote(_ item: Item, in version: QEMUVersion) -> String {
        let all = QEMUVersion.allCases
        guard let last = all.firstIndex(of: item.versions.last), last + 1 < all.count else {
            return "deprecated in QEMU \(version): QEMU warns when it is used"
        }
        return "deprecated in QEMU \(version): QEMU warns when it is used, and \(all[last + 1]) removes it"
    }

    private static func hostHeader(_ fact: HostFact, in document: Profile, width: Int) -> [StyledLine] {
        var lines: [StyledLine] = []
        lines.append(wrapping: "host fact: what QEMU would find on this host; not a QEMU setting", role: .muted, width: width)
        if let choices = fact.choices {
            lines.append(wrapping: "choices " + choices.joined(separator: " | "), role: .muted, width: width)
        } else {
            lines.append(wrapping: "bytes, a power of two of at least 512", role: .muted, width: width)
        }
        let current = document.host.value(of: fact), defaultText = Host.standard.value(of: fact)
        if current != defaultText {
            lines.append(wrapping: "now \(current) (changed; default \(defaultText))", role: .changed, width: width)
        } else {
            lines.append(wrapping: "now \(current) (the default)", role: .muted, width: width)
        }
        return lines
    }

    private static func kindName(_ kind: ItemKind) -> String {
        switch kind {
        case .capability: return "capability"
        case .parameter: return "parameter"
        case .property: return "compat property"
        }
    }

    /// The live verdict on the text being typed.
    private static func editLines(_ edit: FieldEdit, in document: Profile, width: Int) -> [StyledLine] {
        var lines = [StyledLine(text: "", role: .normal)]
        switch edit.feedback {
        case .invalid(let message):
            lines.append(wrapping: "\(Marker.error) \(edit.rejected ? "not committed: " : "")\(message)", role: .error, width: width)
        case .valid(let trial, let findings):
            lines.append(wrapping: "\(Marker.accepted) parses as \(trial.displayValue(of: edit.subject))", width: width)
            if findings.isEmpty {
                lines.append(wrapping: "breaks no rule", width: width)
            }
            for problem in Problem.grouping(findings) {
                let marker = problem.isError ? Marker.error : Marker.warning
                var text = "\(marker) would break: \(problem.message)"
                if let times = problem.timesChecked { text += " (QEMU checks this \(times))" }
                lines.append(wrapping: text, role: problem.isError ? .error : .warning, width: width)
            }
        }
        lines.append(wrapping: "Enter commits · Esc keeps \(document.displayValue(of: edit.subject))", role: .muted, width: width)
        return lines
    }

    /// Every current problem involving the focused entry with its first fix (`f` applies the
    /// one of QEMU's first error), a message checked twice shown once.
    private static func findingLines(_ state: EditorState, width: Int) -> [StyledLine] {
        var lines: [StyledLine] = []
        for problem in state.analysis.problems where problem.subjects.contains(state.focus) {
            let role: StyleRole = problem.isError ? .error : .warning
            lines.append(StyledLine(text: "", role: .normal))
            var heading = "\(problem.isError ? Marker.error : Marker.warning) \(problem.message)"
            if problem.isQEMUFirst { heading += " (QEMU stops here)" }
            lines.append(wrapping: heading, role: role, width: width)
            if let hint = problem.diagnostics[0].hint { lines.append(wrapping: hint, indent: 2, width: width) }
            let others = problem.subjects.filter { $0 != state.focus }
            if !others.isEmpty {
                let values = others.map { "\($0.name) = \(state.document.displayValue(of: $0))" }
                lines.append(wrapping: "with " + values.joined(separator: ", "), indent: 2, width: width)
            }
            if let fix = state.fixes.first(for: problem.diagnostics[0]) {
                let key = problem.isQEMUFirst ? "f" : nil
                lines.append(wrapping: FixText.line(fix, in: state.document, key: key), indent: 2, width: width)
            }
            if let note = problem.repeatNote { lines.append(wrapping: note, indent: 2, width: width) }
            lines.append(wrapping: "why: " + problem.diagnostics[0].rule.explanation, role: .muted, indent: 2, width: width)
            lines.append(wrapping: problem.rulesText, role: .muted, indent: 2, width: width)
        }
        return lines
    }

    /// What each other value of a toggle, choice or host fact would add or clear.
    private static func whatIfLines(_ state: EditorState, width: Int) -> [StyledLine] {
        let outcomes = state.analysis.outcomes.filter { $0.subject == state.focus }
        guard !outcomes.isEmpty else { return [] }
        var lines = [StyledLine(text: "", role: .normal)]
        let rules = state.document.release.checker.rules
        for outcome in outcomes {
            // A message two checks print (zero-copy-send's) is one line, as in the error pane.
            var shown: Set<String> = []
            for position in outcome.added {
                let text = state.analysis.message(of: rules[position], after: outcome)
                guard shown.insert("+" + text).inserted else { continue }
                lines.append(wrapping: "\(Marker.whatIf) \(outcome.value) would add: \(text)", role: .whatIf, width: width)
            }
            for position in outcome.removed {
                let text = state.analysis.message(of: rules[position], after: outcome)
                guard shown.insert("-" + text).inserted else { continue }
                lines.append(wrapping: "\(Marker.accepted) \(outcome.value) would clear: \(text)", width: width)
            }
        }
        return lines
    }

    /// The search results, best first, the current one selected.
    private static func searchLines(_ results: SearchResults, width: Int) -> [StyledLine] {
        var lines: [StyledLine] = []
        if results.query.isEmpty {
            lines.append(wrapping: "Type to search names (with or without x-), -global properties and descriptions. Several words must all match.", role: .muted, width: width)
            return lines
        }
        let count = results.matches.count
        lines.append(wrapping: count == 0 ? "No matches" : "\(count) \(count == 1 ? "match" : "matches") · ↑↓ choose · Enter jump", role: .heading, width: width)
        for (index, match) in results.matches.enumerated() {
            let text = Wrap.truncated("\(match.name) · \(describe(match))", width: width)
            lines.append(StyledLine(text: text, role: index == results.current ? .selected : .normal))
        }
        return lines
    }

    private static func describe(_ subject: Subject) -> String {
        switch subject {
        case .item(let id): return kindName(id.item.kind)
        case .host: return "host fact"
        }
    }
}
