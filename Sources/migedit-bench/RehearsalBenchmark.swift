import Foundation

/// How long a default rehearsal takes (issue 12 asks for under 2 s): the whole `migedit
/// rehearse --qemu-binary QEMU` process, idle 128 MiB guest, from spawn to exit, which covers
/// starting both QEMUs, the settings, the migration, the guest check and killing both.
enum RehearsalBenchmark {
    static let runs = 7

    static func run() {
        print("")
        print("default rehearsal (`migedit rehearse`, idle guest, 128 MiB, q35, TCG), whole process, median of \(runs) runs:")
        let migedit = StartupBenchmark.sibling("migedit")
        guard FileManager.default.isExecutableFile(atPath: migedit) else {
            print("  build the migedit product first (swift build -c release)")
            return
        }
        for path in QEMUStartBenchmark.binaries {
            var times: [Double] = []
            for _ in 0..<runs {
                guard let run = timedProcess([migedit, "rehearse", "--qemu-binary", path]), run.status == 0 else { break }
                times.append(run.milliseconds)
            }
            guard times.count == runs else {
                print("  \(path): the rehearsal did not complete (scripts/fetch-qemu provides the binaries)")
                continue
            }
            print("  \(path)  \(String(format: "%.0f", median(times))) ms (max \(String(format: "%.0f", times.max()!)))")
        }
    }
}
