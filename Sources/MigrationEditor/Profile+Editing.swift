import MigrationCore

/// The editor edits a `Profile`: every setting, the host facts it is checked against and the
/// QEMU release it is for. Undo snapshots and the "modified" flag compare whole profiles, so
/// undoing a switch of release brings the old values back too.
extension Profile {
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
