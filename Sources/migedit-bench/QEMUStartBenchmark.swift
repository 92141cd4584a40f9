import Foundation
import QEMURunner

/// How long one `QEMURunner.run` takes on the real binaries (start, QMP queries, quit): the
/// cost of each agreement case and of `migedit verify`. Kept here rather than in `swift test`,
/// where a busy machine would turn the figure into a flaky failure.
enum QEMUStartBenchmark {
    static let runs = 10
    /// Debian's 7.2 on PATH and the 10.0 that scripts/fetch-qemu unpacks into the repository.
    static let binaries = ["qemu-system-x86_64", ".qemu/10.0/qemu-system-x86_64"]
    static let arguments = ["-global", "migration.x-multifd=on", "-global", "migration.multifd-channels=8"]

    static func run() {
        print("")
        print("QEMURunner.run (accepted -global multifd, QMP read-back), median of \(runs) runs:")
        for path in binaries {
            guard let binary = try? QEMUBinary.probe(path) else {
                print("  \(path): not found (scripts/fetch-qemu provides it)")
                continue
            }
            let clock = ContinuousClock()
            var times: [Double] = []
            for _ in 0..<runs {
                var accepted = false
                let elapsed = clock.measure { accepted = (try? QEMURunner.run(binary, arguments: arguments))?.isAccepted == true }
                guard accepted else {
                    print("  QEMU \(binary.version): the run failed; no figure")
                    break
                }
                times.append(seconds(elapsed) * 1000)
            }
            guard times.count == runs else { continue }
            print("  QEMU \(binary.version)  \(Int(median(times).rounded())) ms  (min \(Int(times.min()!.rounded())), max \(Int(times.max()!.rounded())))")
        }
    }
}
