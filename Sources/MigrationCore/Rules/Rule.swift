/// How QEMU reacts when a rule is broken.
public enum Severity: String, Hashable, Sendable {
    /// QEMU refuses the configuration (at startup: prints the message and exits 1).
    case error
    /// QEMU prints `warning: <message>` and carries on.
    case warning
}

/// Where QEMU makes the check. At startup QEMU first parses every `-global` value, then runs
/// `migrate_params_check`, then `migrate_caps_check` with every capability previously off.
public enum Phase: String, Hashable, Sendable {
    /// QEMU refuses the value as it parses it (a choice this build does not have).
    case values
    case parameters
    case capabilities
}

/// Something a rule involves: a setting, or a host fact it depends on.
public enum Subject: Hashable, Sendable {
    case item(ItemID)
    case host(HostFact)

    /// The item's QAPI name, or `host.<fact>` for host facts.
    public var name: String {
        switch self {
        case .item(let id): return id.item.name
        case .host(let fact): return "host." + fact.rawValue
        }
    }
}

/// One check of QEMU's, as data: what it tests, what it involves, QEMU's exact message and why
/// the rule exists. `RuleID` gives each rule its one name and QEMU's order; a rule whose message
/// changed between releases has one `Rule` value per span of releases, under the same id.
public struct Rule: Sendable {
    /// The rule's identity; its raw value is the id users see.
    public let identity: RuleID
    public let phase: Phase
    /// The check's label in the research sheet of QEMU's checks (`P13`, `K8`, `W1`), which the
    /// tests cite beside the QEMU function the phase names.
    public let label: String
    public let severity: Severity
    /// Every setting and host fact the rule reads.
    public let subjects: [Subject]
    /// The item that must be on (or non-empty) for the rule to fire, if any: the checker skips
    /// the rule without calling its test while the trigger is off, which is most of the time.
    public let trigger: ItemID?
    /// QEMU's message, verbatim (typos included). For rules whose message carries a detail
    /// only known from the configuration, this is the fixed prefix QEMU prints.
    public let message: String
    /// The hint line QEMU prints after the message, if any.
    public let hint: String?
    /// Why the rule exists, for people learning the options.
    public let explanation: String
    /// The releases that run this check (further narrowed to those that have `required`).
    public let versions: VersionRange
    /// Whether QEMU runs the check when it starts with `-global` settings; false for a check
    /// QEMU only makes when a value is set over QMP or HMP.
    public let isCheckedAtStartup: Bool
    /// The items that must exist for the check to exist: all the items it reads, unless some
    /// are only alternatives in a condition (zero-copy's "or compress" outlived compress).
    let required: [ItemID]?
    @usableFromInline let test: @Sendable (Configuration, Host) -> Bool
    let narrow: (@Sendable (Configuration, Host) -> [Subject])?
    let detail: (@Sendable (Configuration, Host) -> String)?

    init(
        _ identity: RuleID, _ phase: Phase, _ label: String, _ severity: Severity = .error, subjects: [Subject],
        trigger: ItemID?, message: String, hint: String? = nil, explanation: String, versions: VersionRange = .all,
        checkedAtStartup: Bool = true, requires required: [ItemID]? = nil,
        narrow: (@Sendable (Configuration, Host) -> [Subject])? = nil,
        detail: (@Sendable (Configuration, Host) -> String)? = nil,
        test: @escaping @Sendable (Configuration, Host) -> Bool
    ) {
        self.identity = identity
        self.phase = phase
        self.label = label
        self.severity = severity
        self.subjects = subjects
        self.trigger = trigger
        self.message = message
        self.hint = hint
        self.explanation = explanation
        self.versions = versions
        isCheckedAtStartup = checkedAtStartup
        self.required = required
        self.test = test
        self.narrow = narrow
        self.detail = detail
    }

    /// Whether QEMU prints more after `message` (a detail known only from the configuration),
    /// so a list of rules can show the message as the beginning it is.
    public var isMessagePrefix: Bool { detail != nil }

    /// The id users see (`postcopy-ram-vs-multifd`), in `migedit explain` and JSON output.
    public var id: String { identity.rawValue }

    /// Whether the configuration breaks this rule on this host.
    @inlinable public func isViolated(by configuration: Configuration, on host: Host) -> Bool {
        test(configuration, host)
    }

    /// The message QEMU prints for this configuration.
    public func message(for configuration: Configuration, on host: Host) -> String {
        detail.map { message + $0(configuration, host) } ?? message
    }

    /// Whether QEMU ends the message with what it found (a value, a reason), so the message
    /// shown without a configuration needs a `…` where that goes.
    public var messageHasDetail: Bool { detail != nil }

    /// The subjects that actually contribute to a violation (all subjects when the rule
    /// cannot tell them apart), so the editor marks only the items the user must look at.
    public func culprits(in configuration: Configuration, on host: Host) -> [Subject] {
        narrow?(configuration, host) ?? subjects
    }

    /// Whether `version` runs this check: it is in the rule's range and has the items it needs.
    public func applies(to version: QEMUVersion) -> Bool {
        versions.contains(version) && (required ?? items).allSatisfy { $0.item.versions.contains(version) }
    }

    /// The settings the rule reads (its subjects without host facts).
    public var items: [ItemID] {
        subjects.compactMap { if case .item(let id) = $0 { return id } else { return nil } }
    }
}
