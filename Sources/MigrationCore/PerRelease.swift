import Synchronization

/// One value per QEMU release, built the first time someone asks for that release and kept.
/// A command that checks against one release then pays for that release's catalog, rules and
/// checker only, instead of building all of them before its first line of output.
public final class PerRelease<Value: Sendable>: Sendable {
    private let make: @Sendable (QEMUVersion) -> Value
    private let built = Mutex<[Value?]>(Array(repeating: nil, count: QEMUVersion.allCases.count))

    public init(_ make: @escaping @Sendable (QEMUVersion) -> Value) {
        self.make = make
    }

    /// The release's value. It is built outside the lock (building one release's checker asks
    /// for its catalog and rules); when two threads race, both get the value stored first.
    public subscript(version: QEMUVersion) -> Value {
        if let value = built.withLock({ $0[version.index] }) { return value }
        let value = make(version)
        return built.withLock { values in
            if let stored = values[version.index] { return stored }
            values[version.index] = value
            return value
        }
    }
}
