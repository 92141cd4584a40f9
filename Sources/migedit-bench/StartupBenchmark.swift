import CleanSpawn
import Foundation
import MigrationCore

/// `migedit-bench --startup [MIGEDIT [QEMU]]`: how long a whole `migedit check` process takes
/// against QEMU 7.2 validating the same settings at its own startup, the cheapest way QEMU
/// does it honestly: `-M none -nodefaults -no-user-config -display none -S -monitor stdio`
/// with the `-global` words migedit exports, and `quit` waiting on stdin. QEMU checks the
/// settings when it creates its migration object and exits 1 with its message, or runs on to
/// its monitor, reads `quit` and exits 0. The two run interleaved (which goes first alternates),
/// so load from anything else on the machine hits both alike; every exit status is compared, so
/// a run in which they disagree counts for nothing.
enum StartupBenchmark {
    static let pairs = 31
    static let defaultQEMU = "/usr/bin/qemu-system-x86_64"
    static let qemuArguments = ["-M", "none", "-nodefaults", "-no-user-config", "-display", "none", "-S", "-monitor", "stdio"]
    static let cases = [
        ("accepted", ["multifd=on", "multifd-channels=8", "max-bandwidth=1G", "downtime-limit=500"]),
        ("rejected", ["multifd=on", "compress=on"]),
    ]

    /// `migedit` defaults to the one built beside this benchmark; pass the installed one
    /// (`scripts/install` links the Swift runtime in) to measure what users run.
    static func run(arguments: [String]) {
        let migedit = arguments.first ?? sibling("migedit")
        let qemu = arguments.count > 1 ? arguments[1] : defaultQEMU
        guard FileManager.default.isExecutableFile(atPath: migedit), FileManager.default.isExecutableFile(atPath: qemu) else {
            print("startup: need an executable migedit (\(migedit)) and QEMU 7.2 (\(qemu))")
            exit(2)
        }
        let quit = FileManager.default.temporaryDirectory.appendingPathComponent("migedit-bench-quit-\(getpid())").path
        guard FileManager.default.createFile(atPath: quit, contents: Data("quit\n".utf8)) else {
            print("startup: cannot write \(quit)")
            exit(2)
        }
        defer { unlink(quit) }
        print("whole-process startup, \(pairs) interleaved pairs per case, medians (min):")
        print("  migedit: \(migedit) (\(runtimeLinkage(of: migedit)))")
        print("  QEMU:    \(qemu) \(qemuArguments.joined(separator: " ")) -global … < quit")
        for (name, assignments) in cases {
            var configuration = Configuration()
            for assignment in assignments { try! configuration.assign(assignment, version: .v7_2) }
            let globals = Exporter.globalArguments(configuration, host: .standard, catalog: .for(.v7_2)).arguments
            let check = [migedit, "check", "--qemu", "7.2"] + assignments.flatMap { ["--set", $0] }
            let start = [qemu] + qemuArguments + globals
            var checkTimes: [Double] = [], qemuTimes: [Double] = []
            for pair in 0..<pairs {
                let order = pair % 2 == 0 ? [0, 1] : [1, 0]
                var statuses: [Int32] = [0, 0]
                for which in order {
                    let (status, milliseconds) = timed(which == 0 ? check : start, stdin: which == 0 ? "/dev/null" : quit)
                    statuses[which] = status
                    if which == 0 { checkTimes.append(milliseconds) } else { qemuTimes.append(milliseconds) }
                }
                guard statuses[0] == statuses[1], statuses[0] == 0 || statuses[0] == 1 else {
                    print("  \(name): migedit exited \(statuses[0]), QEMU \(statuses[1]); no figure")
                    return
                }
            }
            let ratio = median(qemuTimes) / median(checkTimes)
            print("  \(name.padding(toLength: 9, withPad: " ", startingAt: 0)) migedit check \(format(checkTimes))   "
                + "QEMU 7.2 \(format(qemuTimes))   QEMU/migedit \(String(format: "%.1f", ratio))×")
            print("            (\(assignments.joined(separator: " ")))")
        }
    }

    /// The path of another product built beside this benchmark.
    static func sibling(_ name: String) -> String {
        URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent(name).path
    }

    /// Runs `arguments` with output thrown away and returns its exit status and wall time.
    /// A run past ten seconds is killed (and reported as status -1), so a QEMU that ignored
    /// `quit` cannot stall the benchmark.
    static func timed(_ arguments: [String], stdin: String) -> (Int32, Double) {
        let clock = ContinuousClock()
        let began = clock.now
        let files: [Int32: CleanSpawn.Redirection] = [
            0: .open(stdin, flags: O_RDONLY), 1: .open("/dev/null", flags: O_WRONLY), 2: .open("/dev/null", flags: O_WRONLY),
        ]
        guard case .success(let pid) = CleanSpawn.start(arguments, files: files) else { return (-1, 0) }
        let watchdog = DispatchWorkItem { kill(pid, SIGKILL) }
        DispatchQueue.global().asyncAfter(deadline: .now() + 10, execute: watchdog)
        var status: Int32 = 0
        waitpid(pid, &status, 0)
        let elapsed = seconds(clock.now - began) * 1000
        watchdog.cancel()
        return ((status & 0x7f) == 0 ? (status >> 8) & 0xff : -1, elapsed)
    }

    /// Whether the binary loads the Swift runtime as a shared library, as `ldd` would show.
    static func runtimeLinkage(of path: String) -> String {
        guard let binary = FileManager.default.contents(atPath: path) else { return "unreadable" }
        return binary.range(of: Data("libswiftCore.so".utf8)) == nil
            ? "Swift runtime linked in" : "loads libswiftCore.so"
    }

    static func format(_ times: [Double]) -> String {
        String(format: "%.2f ms (%.2f)", median(times), times.min() ?? 0)
    }
}
