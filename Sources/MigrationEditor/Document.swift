import MigrationCore

/// What the user edits and saves: every setting, the host facts it is checked against and the
/// QEMU release it is for. Undo snapshots and the "modified" flag compare whole documents, so
/// all three live in one value (undoing a switch of release brings the old values back too).
public struct Document: Hashable, Sendable {
    /// Every migration setting. Settings the release lacks stay at their defaults.
    public var configuration: Configuration
    /// The host facts some rules depend on.
    public var host: Host
    /// The release whose settings, choices and checks apply.
    public var version: QEMUVersion

    /// A document of QEMU's defaults on the standard host for QEMU 9.0, unless told otherwise.
    public init(configuration: Configuration = Configuration(), host: Host = .standard, version: QEMUVersion = .standard) {
        self.configuration = configuration
        self.host = host
        self.version = version
    }

    /// The current value of a setting or host fact, as the list shows it.
    func displayValue(of subject: Subject) -> String {
        switch subject {
        case .item(let id): return ValueText.display(configuration[id], of: item(id))
        case .host(let fact): return host.value(of: fact)
        }
    }

    /// Whether a setting or host fact differs from its default.
    func isChanged(_ subject: Subject) -> Bool {
        switch subject {
        case .item(let id): return configuration.isChanged(id)
        case .host(let fact): return host.value(of: fact) != Host.standard.value(of: fact)
        }
    }
}
