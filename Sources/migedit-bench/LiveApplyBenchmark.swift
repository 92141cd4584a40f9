import Foundation
import MigrationCore
import QMPClient

/// How long applying a 10-setting profile to a running QEMU takes (issue 11 asks for under
/// 50 ms): connect, read every setting, check, send the difference, read everything back. Timed
/// in process (`LiveQEMU`) and as the whole `migedit apply PROFILE --qmp SOCKET` process, on a
/// `ServedQEMU` of each real binary; after each run the QEMU is put back to its defaults (not
/// timed), so every run sends all ten settings. QEMU serves one QMP client at a time, so each
/// connection is closed before the next opens.
enum LiveApplyBenchmark {
    static let runs = 21
    static let settings = [
        "multifd=on", "return-path=on", "events=on", "dirty-bitmaps=on", "late-block-activate=on",
        "multifd-channels=8", "max-bandwidth=1G", "downtime-limit=500", "xbzrle-cache-size=128M", "announce-rounds=10",
    ]

    static func run() {
        print("")
        print("apply of a 10-setting profile to a running QEMU (q35, TCG), median of \(runs) runs:")
        let migedit = StartupBenchmark.sibling("migedit")
        for path in QEMUStartBenchmark.binaries {
            guard let qemu = try? ServedQEMU(binary: path), let version = try? LiveQEMU(attachingTo: qemu.address).snapshot().version else {
                print("  \(path): not found or did not serve QMP (scripts/fetch-qemu provides it)")
                continue
            }
            defer { qemu.stop() }
            var wanted = Configuration()
            for setting in settings { try! wanted.assign(setting, version: version) }
            let profilePath = qemu.directory + "/ten.json"
            try! Profile(configuration: wanted, host: .standard, version: version).json.write(toFile: profilePath, atomically: true, encoding: .utf8)
            let clock = ContinuousClock()

            var inProcess: [Double] = []
            for _ in 0..<runs {
                var complete = false
                var attached: LiveQEMU?
                let elapsed = clock.measure {
                    guard let live = try? LiveQEMU(attachingTo: qemu.address), let snapshot = try? live.snapshot() else { return }
                    attached = live
                    let plan = ApplyPlan(from: snapshot.profile.configuration, to: wanted, version: version, host: snapshot.profile.host)
                    complete = plan.changes.count == settings.count
                        && (try? live.apply(plan, wanted: wanted, host: snapshot.profile.host))?.isComplete == true
                }
                if let attached { reset(attached) }
                guard complete else {
                    print("  QEMU \(version): the apply failed; no figure")
                    return
                }
                inProcess.append(seconds(elapsed) * 1000)
            }
            var process: [Double] = []
            for _ in 0..<runs where FileManager.default.isExecutableFile(atPath: migedit) {
                let run = timedProcess([migedit, "apply", profilePath, "--qmp", qemu.address])
                if let resetter = try? LiveQEMU(attachingTo: qemu.address) { reset(resetter) }
                guard let run, run.status == 0 else {
                    print("  QEMU \(version): migedit apply failed; no whole-process figure")
                    break
                }
                process.append(run.milliseconds)
            }
            let whole = process.count == runs ? String(format: "%.1f ms whole `migedit apply` process", median(process)) : "no whole-process figure"
            print("  QEMU \(version)  \(String(format: "%.1f", median(inProcess))) ms in process (max \(String(format: "%.1f", inProcess.max()!))), \(whole)")
        }
    }

    /// Puts every setting back to QEMU's default, and disconnects.
    static func reset(_ live: LiveQEMU) {
        defer { live.connection.close() }
        guard let snapshot = try? live.snapshot() else { return }
        let plan = ApplyPlan(from: snapshot.profile.configuration, to: Configuration(), version: snapshot.version, host: snapshot.profile.host)
        _ = try? live.apply(plan, wanted: Configuration(), host: snapshot.profile.host)
    }
}
