import CleanSpawn
import Glibc
import Testing
@testable import QEMURunner

@Suite("Failures outside QEMU")
struct RunnerErrorTests {
    @Test func missingBinaryIsNotFound() {
        #expect(throws: QEMURunError.notFound("/nonexistent/qemu-system-x86_64")) {
            try QEMUBinary.probe("/nonexistent/qemu-system-x86_64")
        }
        #expect(throws: QEMURunError.notFound("no-such-qemu-system-binary")) {
            try QEMUBinary.probe("no-such-qemu-system-binary")
        }
        let ghost = QEMUBinary(path: "/nonexistent/qemu-system-x86_64", version: "10.0.2")
        #expect(throws: QEMURunError.self) { try QEMURunner.run(ghost, arguments: []) }
    }

    @Test func fileWithoutExecuteBitIsNotExecutable() {
        let directory = temporaryDirectory()
        let path = directory + "/qemu"
        writeFile(path, "#!/bin/sh\necho QEMU emulator version 10.0.2\n", mode: 0o644)
        #expect(throws: QEMURunError.notExecutable(path)) { try QEMUBinary.probe(path) }
        unlink(path)
        rmdir(directory)
    }

    @Test func nonQEMUExecutableIsUnusable() throws {
        do {
            _ = try QEMUBinary.probe("/bin/true")
            Issue.record("probing /bin/true should throw")
        } catch {
            guard case let .unusable(message) = error else {
                Issue.record("expected unusable, got \(error)")
                return
            }
            #expect(message.contains("/bin/true --version"))
            #expect(error.message == message)
        }
        // run() on it: exits 0 without a QMP greeting.
        let fake = QEMUBinary(path: "/bin/true", version: "10.0.2")
        #expect(fake.majorMinor == "10.0")
        do {
            _ = try QEMURunner.run(fake, arguments: [])
            Issue.record("running /bin/true should throw")
        } catch {
            guard case .unusable = error else {
                Issue.record("expected unusable, got \(error)")
                return
            }
        }
    }

    /// A "QEMU" that prints something that is not QMP.
    @Test func garbageOnStdoutIsUnusable() {
        let directory = temporaryDirectory()
        let path = directory + "/qemu"
        writeFile(path, "#!/bin/sh\necho hello\n", mode: 0o755)
        #expect(throws: QEMURunError.self) { try QEMURunner.run(QEMUBinary(path: path, version: "1.0.0"), arguments: []) }
        unlink(path)
        rmdir(directory)
    }

    /// A "QEMU" that never finishes and leaves a grandchild holding the pipes: run throws
    /// timedOut, and neither process survives.
    @Test func timeoutKillsTheWholeProcessGroup() throws {
        let directory = temporaryDirectory()
        let path = directory + "/qemu"
        let pids = directory + "/pids"
        writeFile(path, "#!/bin/sh\necho $$ > \(pids).tmp\nsleep 1000 &\necho $! >> \(pids).tmp\nmv \(pids).tmp \(pids)\nwait\n", mode: 0o755)
        defer {
            unlink(path)
            unlink(pids)
            rmdir(directory)
        }
        #expect(throws: QEMURunError.timedOut(1)) {
            try QEMURunner.run(QEMUBinary(path: path, version: "10.0.2"), arguments: ["-global", "migration.x-multifd=on"], timeout: 1)
        }
        let written = try #require(readFile(pids), "the fake QEMU did not record its pids")
        let processes = written.split(separator: "\n").compactMap { pid_t($0) }
        #expect(processes.count == 2)
        // The script itself was reaped by run(); the orphaned sleep is killed and then reaped by
        // init, which may take a moment.
        let until = seconds() + 3
        while !processes.allSatisfy(isDead) && seconds() < until { usleep(10_000) }
        for process in processes {
            #expect(isDead(process), "process \(process) survived")
        }
        #expect(access("/proc/\(processes[0])", F_OK) != 0, "the direct child was not reaped")
    }

    /// A "QEMU" whose `--version` never returns: probe throws timedOut and the process is gone.
    @Test func probeTimesOut() throws {
        let directory = temporaryDirectory()
        let path = directory + "/qemu"
        let pid = directory + "/pid"
        writeFile(path, "#!/bin/sh\necho $$ > \(pid).tmp\nmv \(pid).tmp \(pid)\nexec sleep 1000\n", mode: 0o755)
        defer {
            unlink(path)
            unlink(pid)
            rmdir(directory)
        }
        #expect(throws: QEMURunError.timedOut(0.5)) { try QEMUBinary.probe(path, timeout: 0.5) }
        let written = try #require(readFile(pid), "the fake QEMU did not record its pid")
        let process = try #require(pid_t(written.split(separator: "\n").first ?? ""))
        #expect(isDead(process), "process \(process) survived")
    }

    /// A child that exits without reading stdin must not kill the test process with SIGPIPE.
    @Test func childIgnoringStdin() throws {
        let result = try ChildProcess.run(["/bin/sh", "-c", "exec 0<&-; echo out; echo err >&2; exit 3"],
            input: Array(repeating: UInt8(ascii: "x"), count: 1 << 20), timeout: 10)
        #expect(result.exitCode == 3)
        #expect(String(decoding: result.output, as: UTF8.self) == "out\n")
        #expect(String(decoding: result.error, as: UTF8.self) == "err\n")
    }

    @Test func signalledChildReportsSignal() throws {
        let result = try ChildProcess.run(["/bin/sh", "-c", "kill -TERM $$"], timeout: 10)
        #expect(result.status == .signalled(SIGTERM))
        #expect(result.exitCode == 128 + SIGTERM)
    }

    /// What `migedit verify` prints: each message names the binary it is about, or the wait in
    /// seconds as the caller gave it (20, not 20.0).
    @Test func errorMessagesNameTheBinaryOrTheWait() {
        for path in ["/nonexistent/qemu-system-x86_64", "qemu-system-x86_64"] {
            for error in [QEMURunError.notFound(path), .notExecutable(path)] {
                #expect(error.message.hasSuffix(": " + path), "\(error.message)")
            }
        }
        #expect(QEMURunError.notFound("x").message != QEMURunError.notExecutable("x").message)
        #expect(QEMURunError.timedOut(20).message.contains(" 20 s "), "\(QEMURunError.timedOut(20).message)")
        #expect(QEMURunError.timedOut(0.5).message.contains(" 0.5 s "), "\(QEMURunError.timedOut(0.5).message)")
        #expect(QEMURunError.unusable("no QMP greeting").message == "no QMP greeting")
    }
}
