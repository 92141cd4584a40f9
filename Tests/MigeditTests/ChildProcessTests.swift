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

    /// A descriptor this process opened without close-on-exec (as Foundation's file writes and
    /// other threads do) is closed in every child: it would otherwise keep a pipe open or a
    /// script being written unrunnable (ETXTBSY) for as long as the child lives.
    @Test func childrenInheritOnlyTheirStandardDescriptors() throws {
        let path = "/tmp/migedit-leak-test-\(getpid())"
        let opened = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        try #require(opened > 2)
        // A number far above any the child opens itself (ls opens the listed folder).
        let leaked = dup2(opened, 700)
        close(opened)
        try #require(leaked == 700)
        defer {
            close(leaked)
            unlink(path)
        }
        let listing = try ChildProcess.run(["/bin/ls", "/proc/self/fd"])
        let descriptors = listing.standardOutput.split(separator: "\n").compactMap { Int32($0) }
        #expect(descriptors.contains(0) && descriptors.contains(1) && descriptors.contains(2))
        #expect(!descriptors.contains(leaked), "the child inherited descriptor \(leaked): \(descriptors)")
    }

    /// A signal that ends `migedit verify` while its QEMU runs ends that QEMU too: it sits in a
    /// process group of its own, so the terminal's Ctrl-C never reaches it, and a QEMU with
    /// `-qmp stdio` outlives its closed stdin.
    @Test(arguments: [SIGTERM, SIGINT, SIGHUP])
    func aSignalToMigeditKillsItsQEMU(_ signal: Int32) throws {
        var template = Array("/tmp/migedit-orphan-XXXXXX".utf8CString)
        let folder = String(cString: try #require(mkdtemp(&template)))
        defer { _ = try? ChildProcess.shell("rm -rf '\(folder)'") }
        let fake = folder + "/qemu-system-x86_64"
        try """
            #!/bin/sh
            [ "$1" = --version ] && { echo 'QEMU emulator version 10.0.2'; exit 0; }
            echo $$ > '\(folder)/pid.tmp' && mv '\(folder)/pid.tmp' '\(folder)/pid'
            exec sleep 1000
            """.write(toFile: fake, atomically: true, encoding: .utf8)
        chmod(fake, 0o755)
        let migedit = try ChildProcess.builtProduct(named: "migedit")
        // sh starts a background job with SIGINT ignored; env puts it back to its default.
        let script = """
            env --default-signal=INT '\(migedit)' verify --qemu-binary '\(fake)' --timeout 60 >/dev/null 2>&1 &
            m=$!
            while [ ! -e '\(folder)/pid' ]; do sleep 0.05; done
            kill -\(signal) $m
            wait $m
            echo $?
            """
        let result = try ChildProcess.shell(script, timeout: 30)
        #expect(result.standardOutput == "\(128 + signal)\n", "migedit ends as the signal says")
        let qemu = try #require(pid_t(try String(contentsOfFile: folder + "/pid", encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)))
        var polls = 0
        while isRunning(qemu) && polls < 300 {
            usleep(10_000)
            polls += 1
        }
        #expect(!isRunning(qemu), "the fake QEMU \(qemu) outlived migedit")
        if isRunning(qemu) { kill(qemu, SIGKILL) }
    }

    /// Whether the process exists and is not a zombie waiting to be reaped.
    func isRunning(_ pid: pid_t) -> Bool {
        guard let state = ChildProcess.status(of: pid)?.first else { return false }
        return state != "Z" && state != "X"
    }
}
