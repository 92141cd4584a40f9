/// Finds the fixes of a diagnostic: the smallest sets of changes that clear it and add no other
/// error. The search is generic — single changes over each culprit's candidate values, then
/// pairs where a first change left the diagnostic or added an error that a second change clears
/// — and every answer is validated by the release's checker, so a fix can never be wrong about
/// what QEMU's rules say. The editor calls it on every keystroke, so it tries tens to hundreds
/// of configurations, not all of them.
public enum Fixes {
    /// How many fixes a diagnostic gets at most: enough to offer a choice, few enough to read.
    public static let limit = 3

    /// Up to `limit` fixes for `diagnostic` (found by its release's checker on `configuration`
    /// and `host`), best first: one change before two, settings before host facts, then those
    /// keeping the settings in `recent` (most recently changed first), then the nearest values.
    public static func `for`(
        _ diagnostic: Diagnostic, in configuration: Configuration, on host: Host = .standard, recent: [ItemID] = []
    ) -> [Fix] {
        var search = Search(diagnostic: diagnostic, configuration: configuration, host: host)
        search.findSingles()
        if search.found.count < limit { search.findPairs() }
        let penalties = Recency(recent)
        return search.found.enumerated().sorted { first, second in
            let a = first.element, b = second.element
            if a.fix.changes.count != b.fix.changes.count { return a.fix.changes.count < b.fix.changes.count }
            if a.fix.needsHostChange != b.fix.needsHostChange { return !a.fix.needsHostChange }
            let penaltyA = penalties.of(a.fix), penaltyB = penalties.of(b.fix)
            if penaltyA != penaltyB { return penaltyA.lexicographicallyPrecedes(penaltyB) }
            if a.rank != b.rank { return a.rank < b.rank }
            return first.offset < second.offset
        }.prefix(limit).map(\.element.fix)
    }

    /// A fix with the sum of its changes' places in their candidate lists (0: the nearest).
    struct Candidate {
        let fix: Fix
        let rank: Int
    }

    /// One diagnostic's search state: the rule to clear, the errors already there (which a fix
    /// may leave but not add to), and what has been found.
    struct Search {
        let checker: Checker
        let catalog: Catalog
        let rule: Rule
        let configuration: Configuration
        let host: Host
        let culprits: [Subject]
        let errorsBefore: RuleSet
        private(set) var found: [Candidate] = []
        private var seen: Set<Fix> = []
        /// Single changes that were not fixes, with the configuration and host they lead to.
        private var partial: [(change: Fix.Change, rank: Int, configuration: Configuration, host: Host)] = []

        init(diagnostic: Diagnostic, configuration: Configuration, host: Host) {
            checker = Checker.for(diagnostic.version)
            catalog = Catalog.for(diagnostic.version)
            rule = checker.rules[diagnostic.position]
            self.configuration = configuration
            self.host = host
            culprits = diagnostic.subjects
            errorsBefore = checker.errors(of: configuration, on: host)
        }

        /// Whether the rule is cleared and no error was added.
        func isFixed(_ configuration: Configuration, _ host: Host) -> Bool {
            !rule.isViolated(by: configuration, on: host)
                && checker.errors(of: configuration, on: host).subtracting(errorsBefore).isEmpty
        }

        mutating func findSingles() {
            for subject in culprits {
                let changes = FixCandidates.changes(
                    for: subject, in: configuration, on: host, catalog: catalog, clearing: rule)
                for (rank, change) in changes.enumerated() {
                    var trialConfiguration = configuration, trialHost = host
                    change.apply(to: &trialConfiguration, host: &trialHost)
                    if isFixed(trialConfiguration, trialHost) {
                        record(Fix([change]), rank: rank)
                    } else {
                        partial.append((change, rank, trialConfiguration, trialHost))
                    }
                }
            }
        }

        /// Pairs: after a first change that was not enough, a second change of a culprit of the
        /// rule (if it still fires) or of an error the first change added. A pair whose second
        /// change alone is a fix is left out: it is not minimal.
        mutating func findPairs() {
            for first in partial {
                let added = checker.errors(of: first.configuration, on: first.host).subtracting(errorsBefore)
                let stillBroken = rule.isViolated(by: first.configuration, on: first.host) ? [rule] : []
                let targets = stillBroken + added.map { checker.rules[$0] }
                for target in targets {
                    for subject in target.culprits(in: first.configuration, on: first.host)
                    where subject != first.change.subject {
                        let changes = FixCandidates.changes(
                            for: subject, in: first.configuration, on: first.host, catalog: catalog, clearing: target)
                        for (rank, second) in changes.enumerated() {
                            var trialConfiguration = first.configuration, trialHost = first.host
                            second.apply(to: &trialConfiguration, host: &trialHost)
                            guard isFixed(trialConfiguration, trialHost), !isFix(alone: second) else { continue }
                            record(Fix([first.change, second]), rank: first.rank + rank)
                        }
                    }
                }
            }
        }

        private func isFix(alone change: Fix.Change) -> Bool {
            var trialConfiguration = configuration, trialHost = host
            change.apply(to: &trialConfiguration, host: &trialHost)
            return isFixed(trialConfiguration, trialHost)
        }

        private mutating func record(_ fix: Fix, rank: Int) {
            guard seen.insert(fix).inserted else { return }
            found.append(Candidate(fix: fix, rank: rank))
        }
    }

    /// How much a fix undoes of what the user changed last: each setting it touches weighs
    /// more the more recently it was changed; the weights, heaviest first, compare in order.
    struct Recency {
        private let weights: [ItemID: Int]

        init(_ recent: [ItemID]) {
            var weights: [ItemID: Int] = [:]
            for (index, id) in recent.enumerated() where weights[id] == nil { weights[id] = recent.count - index }
            self.weights = weights
        }

        func of(_ fix: Fix) -> [Int] {
            fix.settings.map { weights[$0.item] ?? 0 }.sorted(by: >)
        }
    }
}
