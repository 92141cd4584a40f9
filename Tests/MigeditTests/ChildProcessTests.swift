import Foundation
import Testing
import TestSupport

/// TestSupport's runner starts `migedit verify`, and through it QEMU, in the CLI tests: on a
/// timeout nothing it started may outlive the test.
struct ChildProcessTests {
    /// A descendant in a session of its own stands for QEMU, which migedit starts in a process
    /// group of its own: killing the child or its group would not reach it.
    @Test func aTimeoutKillsDescendantsOutsideTheChildsGroup() throws {
        let pidFile = "/tmp/migedit-child-process-test-\(getpid())"
        defer { unlink(pidFile) }
        let script = "setsid sleep 1000 & echo $! > \(pidFile).tmp && mv \(pidFile).tmp \(pidFile) && wait"
        do {
            _ = try ChildProcess.shell(script, timeout: 1)
            Issue.record("the script should have timed out")
        } catch ChildProcess.Failure.timedOut {
        }
        let written = try String(contentsOfFile: pidFile, encoding: .utf8)
        let descendant = try #require(pid_t(written.trimmingCharacters(in: .whitespacesAndNewlines)))
        // Orphaned by the kill, it is reaped by init, which may take a moment.
        var polls = 0
        while isRunning(descendant) && polls < 300 {
            usleep(10_000)
            polls += 1
        }
        #expect(!isRunning(descendant), "process \(descendant) outlived the timeout")
    }

    /// Whether the process exists and is not a zombie waiting to be reaped.
    func isRunning(_ pid: pid_t) -> Bool {
        guard let state = ChildProcess.status(of: pid)?.first else { return false }
        return state != "Z" && state != "X"
    }
}
