import MigrationCore

/// How an entry is flagged in the list, strongest first when several apply.
public enum Mark: Int, Comparable, Hashable, Sendable {
    case none
    /// Changing it (a toggle, a choice, a host fact) would add an error.
    case whatIf
    /// It is involved in a current warning.
    case warning
    /// It is involved in a current error.
    case error

    public static func < (lhs: Mark, rhs: Mark) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// What one alternative value of a toggle, choice or host fact would do to the errors.
public struct Outcome: Hashable, Sendable {
    /// The toggle, choice or host fact that would change.
    public let subject: Subject
    /// The alternative as the list would show it (`on`, `zstd`, `off`).
    public let value: String
    /// The alternative value of a setting (nil for a host fact, whose `value` is its text).
    public let alternative: Value?
    /// Errors it would add and clear (rule positions in the document's release's checker).
    public let added: RuleSet
    public let removed: RuleSet
}

/// Everything derived from a document that the screen needs, by the checks of its release: the
/// checker's report, what-if outcomes, per-entry marks and the live `-global` export. Built once per document change
/// (see `EditorState.refresh`), so rendering never runs the checker.
public struct Analysis: Sendable {
    let document: Profile
    /// Every finding for the document, in QEMU's order.
    public let report: Report
    /// The report's findings with repeated messages merged, QEMU's first error first.
    public let problems: [Problem]
    /// Outcomes that add or clear at least one error, in list order.
    public let outcomes: [Outcome]
    /// The `-global` fragment and the notes about settings it cannot carry.
    public let globalExport: Export
    private let itemMarks: [Mark]
    private let hostMarks: [Mark]

    init(_ document: Profile) {
        self.document = document
        let release = document.release
        let checker = release.checker
        report = checker.check(document.configuration, on: document.host)
        problems = Problem.problems(in: report)
        var outcomes: [Outcome] = []
        for whatIf in checker.whatIf(document.configuration, on: document.host)
        where !whatIf.added.isEmpty || !whatIf.removed.isEmpty {
            outcomes.append(Outcome(
                subject: .item(whatIf.item), value: ValueText.display(whatIf.value, of: release.item(whatIf.item)),
                alternative: whatIf.value, added: whatIf.added, removed: whatIf.removed))
        }
        outcomes += Analysis.hostOutcomes(document, checker: checker, errors: checker.errors(of: document.configuration, on: document.host))
        self.outcomes = outcomes
        globalExport = Exporter.export(document.configuration, host: document.host, version: document.version, format: .global)

        var itemMarks = Array(repeating: Mark.none, count: ItemID.allCases.count)
        var hostMarks = Array(repeating: Mark.none, count: HostFact.allCases.count)
        func raise(_ subject: Subject, to mark: Mark) {
            switch subject {
            case .item(let id): itemMarks[id.rawValue] = max(itemMarks[id.rawValue], mark)
            case .host(let fact): hostMarks[fact.index] = max(hostMarks[fact.index], mark)
            }
        }
        for outcome in outcomes where !outcome.added.isEmpty { raise(outcome.subject, to: .whatIf) }
        for diagnostic in report.diagnostics {
            for subject in diagnostic.subjects {
                raise(subject, to: diagnostic.severity == .error ? .error : .warning)
            }
        }
        self.itemMarks = itemMarks
        self.hostMarks = hostMarks
    }

    /// QEMU's message for a rule the outcome would break or clear, as QEMU would word it with
    /// the alternative in place (messages with a detail name the value).
    public func message(of rule: Rule, after outcome: Outcome) -> String {
        var configuration = document.configuration
        var host = document.host
        switch outcome.subject {
        case .item(let id): configuration[id] = outcome.alternative ?? configuration[id]
        case .host(let fact): try? host.set(fact, to: outcome.value)
        }
        return rule.message(for: configuration, on: host)
    }

    /// The diagnostic whose fix `f` applies: QEMU's first error, as the problem holding it
    /// lists it first, so the error pane, the detail pane and `p` all show the fix `f` makes.
    var firstErrorToFix: Diagnostic? {
        problems.first(where: \.isQEMUFirst)?.diagnostics[0]
    }

    /// The strongest mark on an entry.
    public func mark(of subject: Subject) -> Mark {
        switch subject {
        case .item(let id): return itemMarks[id.rawValue]
        case .host(let fact): return hostMarks[fact.index]
        }
    }

    /// The core's what-if covers settings only; host facts are just as easy to flip in the
    /// editor, so their alternatives are tried here the same way.
    private static func hostOutcomes(_ document: Profile, checker: Checker, errors current: RuleSet) -> [Outcome] {
        var outcomes: [Outcome] = []
        for fact in HostFact.allCases {
            for choice in fact.choices ?? [] where choice != document.host.value(of: fact) {
                var trial = document.host
                try? trial.set(fact, to: choice)
                let after = checker.errors(of: document.configuration, on: trial)
                let added = after.subtracting(current), removed = current.subtracting(after)
                guard !added.isEmpty || !removed.isEmpty else { continue }
                outcomes.append(Outcome(subject: .host(fact), value: choice, alternative: nil, added: added, removed: removed))
            }
        }
        return outcomes
    }
}

extension HostFact {
    /// The fact's position in `allCases`, for array-indexed lookups.
    var index: Int { HostFact.allCases.firstIndex(of: self) ?? 0 }
}
