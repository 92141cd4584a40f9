import Glibc

/// Facts about where the tests run.
public enum TestEnvironment {
    /// `CI=true` (`.ci/run` exports it): a missing external program fails its tests there
    /// instead of skipping them.
    public static let isCI = getenv("CI").map { String(cString: $0) } == "true"

    /// The executable `name` on PATH, or nil.
    public static func executable(named name: String) -> String? {
        let path = getenv("PATH").map { String(cString: $0) } ?? "/usr/bin:/bin"
        return path.split(separator: ":").map { "\($0)/\(name)" }.first { access($0, X_OK) == 0 }
    }
}
