import CleanSpawn
import Glibc
@testable import QEMURunner
import TestSupport

/// Where the real QEMU binaries are. `scripts/fetch-qemu` makes both: Debian's 7.2 as
/// `qemu-system-x86_64` on PATH, bookworm-backports' 10.0 as `<repo>/.qemu/10.0/qemu-system-x86_64`.
enum Binaries {
    /// `CI=true`: a missing binary is a failure there, a skip elsewhere.
    static let isCI = TestEnvironment.isCI

    /// The repository root: this file is `<root>/Tests/QEMURunnerTests/Support.swift`.
    static let repositoryRoot: String = {
        var path = #filePath
        for _ in 0..<3 {
            guard let slash = path.lastIndex(of: "/") else { return "." }
            path = String(path[..<slash])
        }
        return path
    }()

    static let qemu72Path: String? = try? QEMUBinary.resolveExecutable("qemu-system-x86_64")

    static let qemu100Path: String? = {
        let path = repositoryRoot + "/.qemu/10.0/qemu-system-x86_64"
        return access(path, X_OK) == 0 ? path : nil
    }()

    static let missing72 = "QEMU 7.2 (qemu-system-x86_64 on PATH) not found: run scripts/fetch-qemu as root"
    static let missing100 = "QEMU 10.0 (.qemu/10.0/qemu-system-x86_64) not found: run scripts/fetch-qemu as root"
}

/// `-global migration.A -global migration.B …` as argv words.
func globals(_ settings: String...) -> [String] {
    settings.flatMap { ["-global", "migration." + $0] }
}

/// A fresh private directory under /tmp.
func temporaryDirectory() -> String {
    var template = Array("/tmp/qemurunner-test-XXXXXX".utf8CString)
    guard let made = mkdtemp(&template) else { fatalError("mkdtemp failed") }
    return String(cString: made)
}

/// Writes `text` to `path` with the given mode.
func writeFile(_ path: String, _ text: String, mode: mode_t) {
    let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC, mode)
    precondition(descriptor >= 0, "cannot create \(path)")
    _ = text.withCString { write(descriptor, $0, strlen($0)) }
    close(descriptor)
    chmod(path, mode)
}

func readFile(_ path: String) -> String? {
    guard let file = fopen(path, "r") else { return nil }
    defer { fclose(file) }
    var bytes: [UInt8] = []
    var buffer = [UInt8](repeating: 0, count: 4096)
    while true {
        let count = fread(&buffer, 1, buffer.count, file)
        if count <= 0 { break }
        bytes += buffer[..<count]
    }
    return String(decoding: bytes, as: UTF8.self)
}

/// True when the process is gone or a zombie (dead, waiting for its parent or init to reap it).
func isDead(_ pid: pid_t) -> Bool {
    guard let stat = readFile("/proc/\(pid)/stat") else { return true }
    guard let close = stat.lastIndex(of: ")") else { return false }
    let state = stat[stat.index(after: close)...].split(separator: " ").first
    return state == "Z" || state == "X"
}

func seconds() -> Double { ChildProcess.monotonicSeconds() }
