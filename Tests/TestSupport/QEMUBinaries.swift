import Glibc

/// Where the real QEMU binaries are. `scripts/fetch-qemu` makes both: Debian's 7.2 as
/// `qemu-system-x86_64` on PATH, bookworm-backports' 10.0 as `<repo>/.qemu/10.0/qemu-system-x86_64`.
public enum Binaries {
    /// `CI=true`: a missing binary is a failure there, a skip elsewhere.
    public static let isCI = TestEnvironment.isCI

    /// The repository root: this file is `<root>/Tests/TestSupport/QEMUBinaries.swift`.
    public static let repositoryRoot: String = {
        var path = #filePath
        for _ in 0..<3 {
            guard let slash = path.lastIndex(of: "/") else { return "." }
            path = String(path[..<slash])
        }
        return path
    }()

    public static let qemu72Path = TestEnvironment.executable(named: "qemu-system-x86_64")

    public static let qemu100Path: String? = {
        let path = repositoryRoot + "/.qemu/10.0/qemu-system-x86_64"
        return access(path, X_OK) == 0 ? path : nil
    }()

    public static let missing72 = "QEMU 7.2 (qemu-system-x86_64 on PATH) not found: run scripts/fetch-qemu as root"
    public static let missing100 = "QEMU 10.0 (.qemu/10.0/qemu-system-x86_64) not found: run scripts/fetch-qemu as root"
}
