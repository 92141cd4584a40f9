/// One broken rule, as the user should see it.
public struct Diagnostic: Hashable, Sendable {
    /// The rule's id (`postcopy-ram-vs-multifd`).
    public let ruleID: String
    /// The rule's position in QEMU's order.
    public let position: Int
    public let severity: Severity
    /// QEMU's message for this configuration, verbatim.
    public let message: String
    public let hint: String?
    /// The settings and host facts that cause the violation.
    public let subjects: [Subject]
    /// The release whose checker found it.
    public let version: QEMUVersion

    /// The rule behind this diagnostic.
    public var rule: Rule { Checker.for(version).rules[position] }
}

/// Everything wrong with a configuration: every broken rule in QEMU's order, and the one error
/// QEMU itself would print if the configuration were given on its command line.
public struct Report: Hashable, Sendable {
    public let diagnostics: [Diagnostic]
    /// The error QEMU prints at startup (params checks first, then capability checks).
    public let firstError: Diagnostic?
    /// Exactly what QEMU writes to stderr at startup after `<prog>: `: the warnings reached
    /// before the first error, then the error and its hint.
    public let startupLines: [String]

    /// The broken rules QEMU refuses, in its order.
    public var errors: [Diagnostic] { diagnostics.filter { $0.severity == .error } }
    /// The broken rules QEMU only warns about, in its order.
    public var warnings: [Diagnostic] { diagnostics.filter { $0.severity == .warning } }
    /// QEMU accepts the configuration (warnings allowed).
    public var isAccepted: Bool { firstError == nil }

    /// The diagnostics that involve a subject, for inline markers and the detail pane.
    public func diagnostics(involving subject: Subject) -> [Diagnostic] {
        diagnostics.filter { $0.subjects.contains(subject) }
    }
}

/// What changing one toggle or enum choice would do to the set of errors.
public struct WhatIf: Hashable, Sendable {
    public let item: ItemID
    public let value: Value
    /// Errors the change would introduce (rule positions).
    public let added: RuleSet
    /// Errors the change would clear.
    public let removed: RuleSet
}
