import CleanSpawn
import Foundation
import MigrationCore

/// `swift run -c release migedit-bench`: the figures the issues ask for, as medians of several
/// runs (these machines are noisy). Each run is timed with a monotonic clock on one thread.
let runs = 7

func median(_ values: [Double]) -> Double {
    let sorted = values.sorted()
    return sorted[sorted.count / 2]
}

func seconds(_ duration: Duration) -> Double {
    Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
}

/// Runs `arguments` as a shell would (posix_spawn, stdout and stderr to /dev/null) and waits
/// for it: its wait status and wall time in milliseconds, nil when it cannot be started.
func timedProcess(_ arguments: [String]) -> (status: Int32, milliseconds: Double)? {
    let clock = ContinuousClock()
    let began = clock.now
    let spawned = CleanSpawn.start(arguments, files: [1: .open("/dev/null", flags: O_WRONLY), 2: .open("/dev/null", flags: O_WRONLY)])
    guard case .success(let pid) = spawned else { return nil }
    var status: Int32 = 0
    waitpid(pid, &status, 0)
    return (status, seconds(clock.now - began) * 1000)
}

/// Runs `body` `count` times per run and returns the median rate in calls per second.
func rate(count: Int, _ body: () -> Void) -> Double {
    let clock = ContinuousClock()
    var rates: [Double] = []
    for _ in 0..<runs {
        let elapsed = clock.measure { for _ in 0..<count { body() } }
        rates.append(Double(count) / seconds(elapsed))
    }
    return median(rates)
}

func configuration(_ assignments: [String]) -> Configuration {
    var configuration = Configuration()
    for assignment in assignments { try! configuration.assign(assignment) }
    return configuration
}

/// `migedit-bench json` prints only the JSON section (see JSONBenchmark.swift), `migedit-bench
/// apply` only the live apply (see LiveApplyBenchmark.swift), `migedit-bench rehearse` only the
/// rehearsal (see RehearsalBenchmark.swift).
if CommandLine.arguments.dropFirst().first == "json" {
    JSONBenchmark.run()
    exit(0)
}
if CommandLine.arguments.dropFirst().first == "apply" {
    LiveApplyBenchmark.run()
    exit(0)
}
if CommandLine.arguments.dropFirst().first == "rehearse" {
    RehearsalBenchmark.run()
    exit(0)
}

/// `migedit-bench --startup [MIGEDIT [QEMU]]` times only process startup against QEMU 7.2's
/// (see StartupBenchmark.swift).
if CommandLine.arguments.dropFirst().first == "--startup" {
    StartupBenchmark.run(arguments: Array(CommandLine.arguments.dropFirst(2)))
    exit(0)
}

let samples = [
    ("defaults", configuration([])),
    ("postcopy+multifd conflict", configuration(["postcopy-ram=on", "multifd=on"])),
    ("busy (8 changes, 4 errors)", configuration([
        "multifd=on", "zero-copy-send=on", "tls-creds=tls0", "background-snapshot=on", "return-path=on",
        "xbzrle-cache-size=1000", "dirty-limit=on", "auto-converge=on",
    ])),
]

var sink = 0
let checker = Checker.qemu90
print("migedit-bench (release build expected; medians of \(runs) runs)")
print("")
print("full checks per second (one core; violations only / full Report):")
for (name, sample) in samples {
    let fast = rate(count: 200_000) { sink &+= checker.violations(of: sample, on: .standard).count }
    let full = rate(count: 200_000) { sink &+= checker.check(sample, on: .standard).diagnostics.count }
    print("  \(name.padding(toLength: 28, withPad: " ", startingAt: 0))  \(Int(fast).formatted()) /s   \(Int(full).formatted()) /s")
}
print("")
print("what-if over every toggle and enum choice, per second:")
for (name, sample) in samples {
    let whatIf = rate(count: 5_000) { sink &+= checker.whatIf(sample, on: .standard).count }
    print("  \(name.padding(toLength: 28, withPad: " ", startingAt: 0))  \(Int(whatIf).formatted()) /s")
}

print("")
print("fixes (Fixes.for) per diagnostic, microseconds; the editor asks for the first error's on every keystroke:")
let fixSamples = samples.dropFirst() + [
    ("xbzrle-cache-size=1000", configuration(["xbzrle-cache-size=1000"])),
    ("cpu-throttle 30 > max 10", configuration(["cpu-throttle-initial=30", "max-cpu-throttle=10"])),
    ("zero-copy+zlib+TLS (pairs)", configuration([
        "zero-copy-send=on", "multifd=on", "multifd-compression=zlib", "tls-creds=tls0",
    ])),
]
for (name, sample) in fixSamples {
    let recent = sample.changedItems.reversed() as [ItemID]
    let times = checker.check(sample).diagnostics.map { diagnostic in
        1e6 / rate(count: 500) { sink &+= Fixes.for(diagnostic, in: sample, recent: recent).count }
    }
    let shown = times.map { String(format: "%.0f", $0) }.joined(separator: ", ")
    print("  \(name.padding(toLength: 28, withPad: " ", startingAt: 0))  \(shown) µs (max \(String(format: "%.0f", times.max() ?? 0)))")
}
let acceptedBy = 1e6 / rate(count: 5_000) { sink &+= QEMUVersion.releases(accepting: samples[1].1).count }
print("  releases accepting postcopy+multifd as is (all 10 checkers): \(String(format: "%.1f", acceptedBy)) µs")

/// Whole-process time of `migedit check`, spawned as a shell would (posix_spawn, output to
/// /dev/null, wait), median of 31 runs.
func processMilliseconds(_ arguments: [String]) -> Double? {
    let executable = StartupBenchmark.sibling("migedit")
    guard FileManager.default.isExecutableFile(atPath: executable) else { return nil }
    var times: [Double] = []
    for _ in 0..<31 {
        guard let run = timedProcess([executable] + arguments) else { return nil }
        times.append(run.milliseconds)
    }
    return median(times)
}

print("")
let checkArguments = ["check", "--set", "postcopy-ram=on", "--set", "multifd=on"]
if let milliseconds = processMilliseconds(checkArguments) {
    print("whole-process `migedit \(checkArguments.joined(separator: " "))`: median \(String(format: "%.2f", milliseconds)) ms (31 runs)")
} else {
    print("whole-process check: build the migedit product first (swift build -c release)")
}
EditorBenchmark.run()
QEMUStartBenchmark.run()
LiveApplyBenchmark.run()
RehearsalBenchmark.run()
JSONBenchmark.run()
if sink == 42 { print("") }
