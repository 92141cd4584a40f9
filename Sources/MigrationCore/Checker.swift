/// Runs one release's checks over a configuration. Pure and allocation-light: the editor calls
/// it on every keystroke, and the benchmark holds it to a million checks per second.
public struct Checker: Sendable {
    public let version: QEMUVersion
    public let rules: [Rule]
    /// The rules' tests on their own, so the hot loop does not copy whole `Rule` values.
    @usableFromInline let tests: [@Sendable (Configuration, Host) -> Bool]
    /// Each rule's trigger item index, or -1: a rule whose trigger is off cannot fire.
    @usableFromInline let triggers: [Int]
    private let startupMask: RuleSet
    private let errorMask: RuleSet

    /// The items whose toggles and choices `whatIf` tries, with this release's choices.
    private let catalog: Catalog

    init(version: QEMUVersion) {
        let rules = RuleBook.rules(for: version)
        precondition(rules.count <= RuleSet.capacity)
        self.version = version
        self.rules = rules
        catalog = Catalog.for(version)
        tests = rules.map(\.test)
        triggers = rules.map { $0.trigger?.rawValue ?? -1 }
        var startup = RuleSet(), errors = RuleSet()
        for (index, rule) in rules.enumerated() {
            if rule.isCheckedAtStartup { startup.insert(index) }
            if rule.severity == .error { errors.insert(index) }
        }
        startupMask = startup
        errorMask = errors
    }

    private static let checkers = PerRelease { Checker(version: $0) }

    /// The checker of a release, built on first use.
    public static func `for`(_ version: QEMUVersion) -> Checker {
        checkers[version]
    }

    /// QEMU 9.0's checker.
    public static var qemu90: Checker { .for(.v9_0) }

    /// The positions of every rule the configuration breaks.
    @inlinable public func violations(of configuration: Configuration, on host: Host) -> RuleSet {
        var set = RuleSet()
        for index in tests.indices {
            let trigger = triggers[index]
            if trigger >= 0 && configuration.scalars[trigger] == 0 { continue }
            if tests[index](configuration, host) { set.insert(index) }
        }
        return set
    }

    /// The positions of every broken error rule (warnings left out).
    public func errors(of configuration: Configuration, on host: Host) -> RuleSet {
        violations(of: configuration, on: host).intersection(errorMask)
    }

    /// The full report: every violation, QEMU's first error and its startup output.
    public func check(_ configuration: Configuration, on host: Host = .standard) -> Report {
        let violated = violations(of: configuration, on: host)
        guard !violated.isEmpty else { return Report(diagnostics: [], firstError: nil, startupLines: []) }
        var diagnostics: [Diagnostic] = []
        diagnostics.reserveCapacity(violated.count)
        var firstError: Diagnostic?
        var lines: [String] = []
        // Rules are read in place (not copied) so building a report retains only what it keeps.
        rules.withUnsafeBufferPointer { rules in
            for index in violated {
                let diagnostic = Diagnostic(
                    ruleID: rules[index].id, position: index, severity: rules[index].severity,
                    message: rules[index].message(for: configuration, on: host), hint: rules[index].hint,
                    subjects: rules[index].culprits(in: configuration, on: host), version: version)
                diagnostics.append(diagnostic)
                guard firstError == nil, startupMask.contains(index) else { continue }
                if diagnostic.severity == .error {
                    firstError = diagnostic
                    lines.append(diagnostic.message)
                    if let hint = diagnostic.hint, printsHintsAtStartup { lines.append(hint) }
                } else {
                    lines.append("warning: " + diagnostic.message)
                }
            }
        }
        return Report(diagnostics: diagnostics, firstError: firstError, startupLines: lines)
    }

    /// Before 8.1 `migrate_caps_check` had no `ERRP_GUARD`, so at startup (`&error_fatal`) QEMU
    /// exited inside `error_setg`, before the hint was appended.
    private var printsHintsAtStartup: Bool { version >= .v8_1 }

    /// For every capability, boolean setting and enum choice: which errors flipping it (or
    /// picking that choice) would add or clear. The editor marks items with it on every keystroke.
    public func whatIf(_ configuration: Configuration, on host: Host = .standard) -> [WhatIf] {
        let current = errors(of: configuration, on: host)
        var trial = configuration
        var outcomes: [WhatIf] = []
        for item in catalog.items {
            let id = item.id
            let original = configuration[id]
            for alternative in Checker.alternatives(for: item, current: original) {
                trial[id] = alternative
                let after = errors(of: trial, on: host)
                outcomes.append(
                    WhatIf(
                        item: id, value: alternative, added: after.subtracting(current),
                        removed: current.subtracting(after)))
            }
            trial[id] = original
        }
        return outcomes
    }

    /// The values a toggle or cycle could move an item to.
    static func alternatives(for item: Item, current: Value) -> [Value] {
        switch item.type {
        case .bool: return [.bool(!current.isOn)]
        case .enumeration(let choices):
            return choices.filter { $0 != current.string }.map { Value.choice($0) }
        default: return []
        }
    }
}
