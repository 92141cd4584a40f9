/// How a rehearsed migration ended.
public enum RehearsalOutcome: Hashable, Sendable {
    /// Both sides report `completed`.
    case completed
    /// QEMU reported a failure (its own words) or a QEMU exited.
    case failed(String)
    /// The timeout passed first; the migration state each side was in then.
    case stuck(source: String, destination: String, after: Double)

    /// The word `rehearse` prints and `--json` carries.
    public var word: String {
        switch self {
        case .completed: return "completed"
        case .failed: return "failed"
        case .stuck: return "stuck"
        }
    }
}

/// What a rehearsal between two real QEMUs showed: the outcome, the numbers, whether postcopy
/// started and whether the guest runs on the destination, and the pair check run first. The
/// CLI prints it as text or JSON; the editor shows the text.
public struct RehearsalResult: Hashable, Sendable {
    /// The QEMU both sides ran, e.g. `10.0.2`.
    public var qemuVersion: String
    /// `idle` or `dirty`.
    public var workload: String
    public var memoryMiB: UInt64
    /// The migration URI, `unix:…` or `file:…` (for mapped-ram).
    public var transport: String
    public var outcome: RehearsalOutcome
    public var statistics: RehearsalStatistics
    /// Whether the source switched to postcopy; nil when postcopy-ram is off.
    public var postcopyStarted: Bool?
    /// Whether the guest runs on the destination after the migration (its heartbeat counter
    /// moves), and what was read; nil when the migration did not complete.
    public var guestRuns: Bool?
    public var guestCheck: String?
    /// The pair check of the two profiles, run before the rehearsal.
    public var mismatches: [PairMismatch]
    /// Things said along the way (settings left out, values QEMU did not take).
    public var notes: [String]

    public init(
        qemuVersion: String, workload: String, memoryMiB: UInt64, transport: String, outcome: RehearsalOutcome,
        statistics: RehearsalStatistics = RehearsalStatistics(), postcopyStarted: Bool? = nil, guestRuns: Bool? = nil,
        guestCheck: String? = nil, mismatches: [PairMismatch] = [], notes: [String] = []
    ) {
        self.qemuVersion = qemuVersion
        self.workload = workload
        self.memoryMiB = memoryMiB
        self.transport = transport
        self.outcome = outcome
        self.statistics = statistics
        self.postcopyStarted = postcopyStarted
        self.guestRuns = guestRuns
        self.guestCheck = guestCheck
        self.mismatches = mismatches
        self.notes = notes
    }

    /// Completed, and the guest runs on the destination.
    public var isSuccess: Bool { outcome == .completed && guestRuns == true }

    /// The outcome line: `completed`, `failed: QEMU's words`, or `stuck after 3 s: …`.
    public var outcomeLine: String {
        switch outcome {
        case .completed: return "completed"
        case .failed(let reason): return "failed: " + reason
        case .stuck(let source, let destination, let after):
            return "stuck after \(RehearsalResult.seconds(after)) s: source \(source), destination \(destination)"
        }
    }

    /// The must-match mismatch a failure or hang is blamed on, in a sentence; nil when the
    /// rehearsal completed or the sides agree.
    public var blame: String? {
        guard outcome != .completed, let first = mismatches.first(where: \.isError) else { return nil }
        return "the sides differ on \(first.values): \(first.reason)"
    }

    /// The result as `rehearse` prints it, one fact a line.
    public var lines: [String] {
        var lines = ["rehearsal  QEMU \(qemuVersion), \(memoryMiB) MiB, \(workload) guest, over \(transport)"]
        for mismatch in mismatches {
            lines.append("pair       \(mismatch.isError ? "error" : "warning"): \(mismatch.values) (\(mismatch.rule.rawValue))")
        }
        lines.append("outcome    " + outcomeLine)
        if let blame { lines.append("cause      " + blame) }
        for figure in statistics.figures {
            lines.append(figure.label + String(repeating: " ", count: max(1, 20 - figure.label.count)) + figure.text)
        }
        if let postcopyStarted { lines.append("postcopy            " + (postcopyStarted ? "started" : "not started")) }
        if let guestRuns {
            lines.append("destination guest   " + (guestRuns ? "runs" : "does not run") + (guestCheck.map { " (\($0))" } ?? ""))
        }
        lines += notes.map { "note       " + $0 }
        return lines
    }

    /// The same facts as one JSON object (`--json`).
    public var json: JSON {
        var members = [
            JSONMember(key: "qemu", value: .string(qemuVersion)),
            JSONMember(key: "workload", value: .string(workload)),
            JSONMember(key: "memory-mib", value: .number(memoryMiB)),
            JSONMember(key: "transport", value: .string(transport)),
            JSONMember(key: "outcome", value: .string(outcome.word)),
        ]
        switch outcome {
        case .completed: break
        case .failed(let reason): members.append(JSONMember(key: "error", value: .string(reason)))
        case .stuck(let source, let destination, let after):
            members += [
                JSONMember(key: "source-status", value: .string(source)),
                JSONMember(key: "destination-status", value: .string(destination)),
                JSONMember(key: "timeout-s", value: .number(RehearsalResult.seconds(after))),
            ]
        }
        if let blame { members.append(JSONMember(key: "cause", value: .string(blame))) }
        members += statistics.figures.map { JSONMember(key: $0.key, value: $0.json) }
        if let postcopyStarted { members.append(JSONMember(key: "postcopy-started", value: .bool(postcopyStarted))) }
        if let guestRuns { members.append(JSONMember(key: "destination-guest-runs", value: .bool(guestRuns))) }
        let pair = mismatches.map { mismatch in
            JSON.object([
                JSONMember(key: "name", value: .string(mismatch.id.item.name)),
                JSONMember(key: "rule", value: .string(mismatch.rule.rawValue)),
                JSONMember(key: "source", value: .string(ValueFormatter.displayText(mismatch.source, as: mismatch.id.item.type))),
                JSONMember(key: "destination", value: .string(ValueFormatter.displayText(mismatch.destination, as: mismatch.id.item.type))),
            ])
        }
        members.append(JSONMember(key: "pair", value: .array(pair)))
        members.append(JSONMember(key: "notes", value: .array(notes.map(JSON.string))))
        return .object(members)
    }

    /// `3` or `0.5`.
    static func seconds(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(value)
    }
}
