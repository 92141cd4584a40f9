/// The next hint of a lesson, worked out from where the learner is: what stands in the way (QEMU's
/// message and the rule's explanation, or the part of the goal still missing and what it would
/// break now) and a change that gets closer. The change comes from the fixes and from the goal
/// itself, and is only given when it adds no error and moves no farther from the goal, so a
/// learner who follows every hint never goes backwards and always gets there.
public enum LessonCoach {
    /// The hint for `profile`, or nil when the goal already holds.
    public static func hint(for goal: LessonGoal, in profile: Profile) -> LessonHint? {
        let report = Checker.for(profile.version).check(profile.configuration, on: profile.host)
        let now = goal.status(of: profile, report: report)
        guard !now.isMet else { return nil }
        let steps = bestMove(goal: goal, now: now, profile: profile, report: report) ?? []
        var reason = reason(now: now, profile: profile, report: report)
        if steps.contains(where: { if case .release = $0 { true } else { false } }) {
            var target = profile
            for step in steps { step.apply(to: &target) }
            let accepting = QEMUVersion.releases(accepting: target.configuration, on: target.host)
            reason += " With that change, " + QEMUVersion.acceptedAsIs(by: accepting) + "."
        }
        return LessonHint(reason: reason, steps: steps)
    }

    /// QEMU's first error and why its rule exists; else the first missing condition and, when the
    /// direct change would break a rule now, that rule's message and explanation.
    static func reason(now: LessonGoalStatus, profile: Profile, report: Report) -> String {
        if let first = report.firstError {
            return "QEMU \(profile.version) stops at: \(first.message). \(first.rule.explanation)"
        }
        guard let missing = now.missing.first else { return "" }
        var text = "Still missing: \(missing.text)."
        if let step = missing.condition.steps(towards: profile).first {
            var trial = profile
            step.apply(to: &trial)
            let added = Checker.for(trial.version).check(trial.configuration, on: trial.host).errors
                .filter { error in !report.errors.contains { $0.ruleID == error.ruleID } }
            if let broken = added.first {
                text += " Doing it on QEMU \(trial.version) now would break: \(broken.message). \(broken.rule.explanation)"
            }
        }
        return text
    }

    /// The best move from `profile`: one change (or fix) that improves on `now`, else a change
    /// followed by a second one that together improve on it (a release switch that lets a
    /// setting be turned on, a fix that turns a capability off with another turned on).
    static func bestMove(goal: LessonGoal, now: LessonGoalStatus, profile: Profile, report: Report) -> [LessonStep]? {
        var best: (steps: [LessonStep], status: LessonGoalStatus)?
        func consider(_ steps: [LessonStep], from start: Profile) {
            var trial = start
            for step in steps { step.apply(to: &trial) }
            let after = goal.status(of: trial)
            guard now.isImproved(by: after) else { return }
            if let current = best, (current.status.distance, current.status.errors) <= (after.distance, after.errors) { return }
            best = (steps, after)
        }
        let firsts = moves(goal: goal, profile: profile, report: report)
        for move in firsts { consider(move, from: profile) }
        if best != nil { return best?.steps }
        for first in firsts + releaseSwitches(from: profile.version) {
            var middle = profile
            for step in first { step.apply(to: &middle) }
            let middleReport = Checker.for(middle.version).check(middle.configuration, on: middle.host)
            for second in moves(goal: goal, profile: middle, report: middleReport) where second != first {
                consider(first + second, from: profile)
            }
        }
        return best?.steps
    }

    /// The single moves worth trying: the fixes of every error (QEMU's first first), then the
    /// changes that would meet a missing condition.
    static func moves(goal: LessonGoal, profile: Profile, report: Report) -> [[LessonStep]] {
        let errors = (report.firstError.map { [$0] } ?? []) + report.errors.filter { $0 != report.firstError }
        let fixes = errors.flatMap { diagnostic in
            Fixes.for(diagnostic, in: profile.configuration, on: profile.host).map { fix in
                fix.changes.map { change -> LessonStep in
                    switch change {
                    case .setting(let id, let value): return .set(id, value)
                    case .host(let fact, let value): return .host(fact, value)
                    }
                }
            }
        }
        let towards = goal.status(of: profile, report: report).missing.flatMap { $0.condition.steps(towards: profile) }.map { [$0] }
        return fixes + towards
    }

    /// Every other release: the newer ones first, nearest first (upgrading is the likelier
    /// advice), then the older ones, nearest first.
    static func releaseSwitches(from version: QEMUVersion) -> [[LessonStep]] {
        let newer = QEMUVersion.allCases.filter { $0 > version }
        let older = QEMUVersion.allCases.filter { $0 < version }.reversed()
        return (newer + older).map { [.release($0)] }
    }
}

/// One hint: why the learner is not there yet, and the change to make next.
public struct LessonHint: Hashable, Sendable {
    /// What stands in the way, in the rules' own words.
    public let reason: String
    /// The change to make, applied in order; empty when no change gets closer without breaking
    /// something.
    public let steps: [LessonStep]

    /// The change in words: `set zero-copy-send off`, `switch to QEMU 10.1 (v), then set multifd on`.
    public var stepText: String? {
        steps.isEmpty ? nil : steps.map(\.text).joined(separator: ", then ")
    }
}
