/// What a lesson asks for, as conditions the checker decides: "accepted by the release, these
/// items on or set, these host facts kept, at least N capabilities on". Pure, so the editor can
/// judge every keystroke and the tests can judge every lesson's start and solution.
public struct LessonGoal: Hashable, Sendable {
    /// One thing the goal needs.
    public enum Condition: Hashable, Sendable {
        /// The profile's release accepts the configuration on its host (warnings allowed).
        case accepted
        /// The profile is for this release.
        case release(QEMUVersion)
        /// The setting has exactly this value.
        case value(ItemID, Value)
        /// The numeric setting is at least this.
        case atLeast(ItemID, UInt64)
        /// The setting differs from QEMU's default (a choice other than the first, a text set).
        case changed(ItemID)
        /// The host fact has this value: the lesson's machine, which the learner may not change.
        case host(HostFact, String)
        /// At least this many capabilities are on.
        case capabilitiesOn(Int)
    }

    public let conditions: [Condition]

    public init(_ conditions: [Condition]) {
        self.conditions = conditions
    }

    /// Each condition judged on `profile`.
    public func status(of profile: Profile) -> LessonGoalStatus {
        status(of: profile, report: Checker.for(profile.version).check(profile.configuration, on: profile.host))
    }

    /// Each condition judged on `profile`, whose check `report` already holds.
    func status(of profile: Profile, report: Report) -> LessonGoalStatus {
        LessonGoalStatus(results: conditions.map { condition in
            let shortfall = condition.shortfall(in: profile, report: report)
            return LessonGoalStatus.Result(condition: condition, shortfall: shortfall, text: condition.text(in: profile))
        }, errors: report.errors.count)
    }
}

/// A goal judged on one profile: which conditions hold, and how far each one is from holding.
public struct LessonGoalStatus: Hashable, Sendable {
    public struct Result: Hashable, Sendable {
        public let condition: LessonGoal.Condition
        /// 0 when the condition holds; how many changes it still lacks otherwise (capabilities
        /// still to turn on, or 1).
        public let shortfall: Int
        /// The condition in words, with the current state where it helps.
        public let text: String

        public var isMet: Bool { shortfall == 0 }
    }

    public let results: [Result]
    /// The errors QEMU would report, which a hint may never add to.
    public let errors: Int

    public var isMet: Bool { results.allSatisfy(\.isMet) }

    /// The sum of the shortfalls of every condition but `accepted`, which `errors` measures:
    /// what hints must never increase. Keeping the two apart means clearing an error by turning
    /// off what the goal asks for never counts as progress.
    public var distance: Int { results.filter { $0.condition != .accepted }.reduce(0) { $0 + $1.shortfall } }

    /// The conditions that do not hold yet.
    public var missing: [Result] { results.filter { !$0.isMet } }

    /// Whether `other` is no worse on either measure (errors, distance).
    public func isNoWorse(_ other: LessonGoalStatus) -> Bool {
        other.errors <= errors && other.distance <= distance
    }

    /// Whether `other` is no worse and better on at least one measure.
    public func isImproved(by other: LessonGoalStatus) -> Bool {
        isNoWorse(other) && (other.errors < errors || other.distance < distance)
    }
}

extension LessonGoal.Condition {
    func shortfall(in profile: Profile, report: Report) -> Int {
        let configuration = profile.configuration
        let met: Bool
        switch self {
        case .accepted: met = report.isAccepted
        case .release(let version): met = profile.version == version
        case .value(let id, let value): met = Catalog.for(profile.version).contains(id) && configuration[id] == value
        case .atLeast(let id, let minimum): met = Catalog.for(profile.version).contains(id) && configuration.number(id) >= minimum
        case .changed(let id): met = Catalog.for(profile.version).contains(id) && configuration.isChanged(id)
        case .host(let fact, let value): met = profile.host.value(of: fact) == value
        case .capabilitiesOn(let count): return max(0, count - profile.capabilitiesOn.count)
        }
        return met ? 0 : 1
    }

    /// The condition in words: `QEMU 9.0 accepts the configuration`, `multifd on`,
    /// `xbzrle-cache-size at least 256 MiB`, `host incoming stays started`, `at least 5
    /// capabilities on (now 3)`.
    public func text(in profile: Profile) -> String {
        switch self {
        case .accepted: return "QEMU \(profile.version) accepts the configuration"
        case .release(let version): return "the profile is for QEMU \(version)"
        case .value(let id, let value): return LessonStep.valueText(id, value)
        case .atLeast(let id, let minimum):
            return "\(id.item.name) at least " + ValueFormatter.displayText(.number(minimum), as: id.item.type)
        case .changed(let id):
            return "\(id.item.name) other than " + ValueFormatter.displayText(id.item.defaultValue, as: id.item.type)
        case .host(let fact, let value): return "host \(fact.rawValue) stays \(value)"
        case .capabilitiesOn(let count): return "at least \(count) capabilities on (now \(profile.capabilitiesOn.count))"
        }
    }

    /// The changes that would make this condition hold on their own, nearest first.
    func steps(towards profile: Profile) -> [LessonStep] {
        let catalog = Catalog.for(profile.version)
        switch self {
        case .accepted: return []
        case .release(let version): return [.release(version)]
        case .value(let id, let value): return catalog.contains(id) ? [.set(id, value)] : []
        case .atLeast(let id, let minimum): return catalog.contains(id) ? [.set(id, .number(minimum))] : []
        case .changed(let id):
            guard let item = catalog.item(id) else { return [] }
            switch item.type {
            case .bool: return [.set(id, .bool(true))]
            case .enumeration(let choices): return choices.dropFirst().map { .set(id, .choice($0)) }
            default: return []
            }
        case .host(let fact, let value): return [.host(fact, value)]
        case .capabilitiesOn:
            return catalog.items.filter { $0.kind == .capability && !profile.configuration.isOn($0.id) }
                .map { .set($0.id, .bool(true)) }
        }
    }
}

extension Profile {
    /// The capabilities of the profile's release that are on, in catalog order.
    public var capabilitiesOn: [ItemID] {
        Catalog.for(version).items.filter { $0.kind == .capability && configuration.isOn($0.id) }.map(\.id)
    }
}
