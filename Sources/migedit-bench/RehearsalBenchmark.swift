import CleanSpawn
import Foundation

/// How long a default rehearsal takes (issue 12 asks for under 2 s): the whole `migedit
/// rehearse --qemu-binary QEMU` process, idle 128 MiB guest, from spawn to exit, which covers
/// starting both QEMUs, the settings, the migration, the guest check and killing both.
enum RehearsalBenchmark {
    static let runs = 7

    static func run() {
        print("")
        print("default rehearsal (`migedit rehearse`, idle guest, 128 MiB, q35, TCG), whole process, median of \(runs) runs:")
        let migedit = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("migedit").path
        guard FileManager.default.isExecutableFile(atPath: migedit) else {
            print("  build the migedit product first (swift build -c release)")
            return
        }
        let clock = ContinuousClock()
        for path in QEMUStartBenchmark.binaries {
            var times: [Double] = []
            for _ in 0..<runs {
                var status: Int32 = -1
                let elapsed = clock.measure {
                    let spawned = CleanSpawn.start(
                        [migedit, "rehearse", "--qemu-binary", path],
                        files: [1: .open("/dev/null", flags: O_WRONLY), 2: .open("/dev/null", flags: O_WRONLY)])
                    guard case .success(let pid) = spawned else { return }
                    waitpid(pid, &status, 0)
                }
                guard status == 0 else { break }
                times.append(seconds(elapsed) * 1000)
            }
            guard times.count == runs else {
                print("  \(path): the rehearsal did not complete (scripts/fetch-qemu provides the binaries)")
                continue
            }
            print("  \(path)  \(String(format: "%.0f", median(times))) ms (max \(String(format: "%.0f", times.max()!)))")
        }
    }
}
