@_exported import TestSupport
import CleanSpawn
import Glibc
@testable import QEMURunner
import TestSupport

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
