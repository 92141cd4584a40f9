/// A guided exercise: a starting profile (settings, host facts and release), a task in a few
/// sentences, and a goal the checker decides. Lessons are plain values, one file each under
/// Lessons/Library (or a JSON file, see `Lesson(json:)`), so a trainer can read one and add one.
public struct Lesson: Hashable, Sendable {
    /// A short stable name (`postcopy-multifd`); progress is recorded under it.
    public let id: String
    /// One line for the list and the lesson pane's title.
    public let title: String
    /// What to do and why it matters, in two or three sentences.
    public let task: String
    /// The configuration, host facts and release the lesson opens on.
    public let start: Profile
    /// What must hold for the lesson to end.
    public let goal: LessonGoal
    /// One way to reach the goal from `start`; the tests prove it does, so a lesson cannot
    /// ask for the impossible.
    public let solution: [LessonStep]

    public init(id: String, title: String, task: String, start: Profile, goal: LessonGoal, solution: [LessonStep]) {
        self.id = id
        self.title = title
        self.task = task
        self.start = start
        self.goal = goal
        self.solution = solution
    }

    /// The start with the reference solution applied.
    public var solved: Profile {
        solution.reduce(into: start) { profile, step in step.apply(to: &profile) }
    }
}

/// One change a solution or a hint makes: a setting, a host fact, or the release (which the
/// editor's version picker makes, dropping what the release lacks).
public enum LessonStep: Hashable, Sendable {
    case set(ItemID, Value)
    case host(HostFact, String)
    case release(QEMUVersion)

    /// Makes the change. Host values use `Host.value(of:)` spellings, so setting them cannot fail
    /// for steps built from facts' choices; a bad one leaves the host as it was.
    public func apply(to profile: inout Profile) {
        switch self {
        case .set(let id, let value): profile.configuration[id] = value
        case .host(let fact, let value): try? profile.host.set(fact, to: value)
        case .release(let version): profile = profile.moved(to: version).document
        }
    }

    /// The step in words, as a hint gives it and the editor's list names the entries: `set
    /// multifd on`, `set xbzrle-cache-size = 256 MiB`, `set host.dirty-ring = on`, `switch to
    /// QEMU 10.1 (v)`.
    public var text: String {
        switch self {
        case .set(let id, let value) where value == id.item.defaultValue && id.item.type != .bool:
            return "reset \(id.item.name) to its default (d)"
        case .set(let id, let value): return "set " + LessonStep.valueText(id, value)
        case .host(let fact, let value): return "set host.\(fact.rawValue) = \(value)"
        case .release(let version): return "switch to QEMU \(version) (v)"
        }
    }

    /// `multifd on` for toggles, `name = value` for the rest, values as the editor shows them.
    static func valueText(_ id: ItemID, _ value: Value) -> String {
        let text = ValueFormatter.displayText(value, as: id.item.type)
        return id.item.type == .bool ? "\(id.item.name) \(text)" : "\(id.item.name) = \(text)"
    }
}
