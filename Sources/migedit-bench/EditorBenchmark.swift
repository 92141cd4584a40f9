import CleanSpawn
import SeededRandom
import Foundation
import MigrationEditor

import Glibc

/// The editor's figures: per-keystroke latency of a scripted 10,000-key session (update, which
/// runs the checker and the what-if analysis on every change, then render) at 80x24 and 200x60,
/// and the cost of the first frame, in-process and from exec to the first paint on a real pty.
enum EditorBenchmark {
    static let keystrokes = 10_000
    static let sessions = 5
    static let sizes = [Size(columns: 80, rows: 24), Size(columns: 200, rows: 60)]
    /// Keeps the optimizer from dropping work whose result is otherwise unused.
    nonisolated(unsafe) static var sink = 0

    static func run() {
        print("")
        print("first frame in-process, EditorState(...) + render (median of 200; the first call is the first of this process):")
        for size in sizes {
            let clock = ContinuousClock()
            var times: [Double] = []
            for _ in 0..<200 {
                let elapsed = clock.measure {
                    let state = EditorState(profilePath: "bench.json", size: size)
                    sink &+= Int(render(state, size: size, monochrome: false)[0, 1].character.unicodeScalars.first!.value)
                }
                times.append(seconds(elapsed) * 1000)
            }
            print("  \(label(size))  \(ms(median(times)))   (first call \(ms(times[0])))")
        }

        let script = EditorScript.keys(count: keystrokes, seed: 0x6d69_6765_6469_74)
        print("")
        print("editor session: \(keystrokes.formatted()) scripted keystrokes (\(EditorScript.summary(script, size: sizes[0]))),")
        print("per keystroke update + check + what-if + render; wall clock and this thread's CPU time (a busy machine")
        print("preempts for several ms, which CPU time leaves out); p50/p99 medians of \(sessions) sessions, max over all:")
        for size in sizes {
            var wall = Percentiles(), cpu = Percentiles()
            for _ in 0..<sessions {
                let times = session(script, size: size)
                wall.add(times.wall)
                cpu.add(times.cpu)
            }
            print("  \(label(size))  wall  \(wall.line)")
            print("            CPU   \(cpu.line)")
        }

        print("")
        let executable = StartupBenchmark.sibling("migedit")
        if let times = PseudoTerminalLaunch.firstFrameMilliseconds(executable: executable, runs: 31) {
            print("whole-process `migedit` exec to first painted frame on an 80x24 pty: median \(String(format: "%.2f", median(times))) ms, max \(String(format: "%.2f", times.max() ?? 0)) ms (31 runs)")
        } else {
            print("whole-process first frame: build the migedit product first (swift build -c release); needs a pty")
        }
        if sink == 42 { print("") }
    }

    /// One whole session from a fresh editor; the wall-clock and thread CPU time of every
    /// keystroke in milliseconds.
    static func session(_ script: [Key], size: Size) -> (wall: [Double], cpu: [Double]) {
        var state = EditorState(profilePath: "bench.json", size: size)
        var wall: [Double] = [], cpu: [Double] = []
        wall.reserveCapacity(script.count)
        cpu.reserveCapacity(script.count)
        let clock = ContinuousClock()
        for key in script {
            let cpuStart = threadCPUMilliseconds()
            let start = clock.now
            let effects = update(&state, .key(key))
            let screen = render(state, size: size, monochrome: false)
            let elapsed = clock.now - start
            cpu.append(threadCPUMilliseconds() - cpuStart)
            wall.append(seconds(elapsed) * 1000)
            precondition(effects.isEmpty, "the script must not save, open or quit: \(effects)")
            sink &+= screen.cursor?.column ?? Int(screen[size.rows - 1, 1].role.rawValue)
        }
        precondition(state.isModified, "the script changed nothing")
        return (wall, cpu)
    }

    static func threadCPUMilliseconds() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
        return Double(time.tv_sec) * 1000 + Double(time.tv_nsec) / 1_000_000
    }

    /// p50 and p99 of each session (reported as medians over the sessions) and the overall max.
    struct Percentiles {
        var p50s: [Double] = [], p99s: [Double] = [], worst = 0.0, overOne = 0, count = 0

        mutating func add(_ times: [Double]) {
            let sorted = times.sorted()
            p50s.append(sorted[sorted.count / 2])
            p99s.append(sorted[Int((Double(sorted.count) * 0.99).rounded(.up)) - 1])
            worst = max(worst, sorted.last ?? 0)
            overOne += sorted.count(where: { $0 > 1 })
            count += sorted.count
        }

        var line: String {
            "p50 \(ms(median(p50s)))   p99 \(ms(median(p99s)))   max \(ms(worst))   over 1 ms: \(overOne) of \(count.formatted())"
        }
    }

    static func label(_ size: Size) -> String {
        "\(size.columns)x\(size.rows)".padding(toLength: 8, withPad: " ", startingAt: 0)
    }

    static func ms(_ milliseconds: Double) -> String {
        String(format: "%.3f ms", milliseconds)
    }
}

/// A deterministic keystroke script: phrases a user would type, chosen by a seeded generator
/// and cut at exactly `count` keys. Every phrase starts and ends on the main list, and none
/// saves, opens or quits, so the session needs no file system.
enum EditorScript {
    static let capabilities = [
        "multifd", "postcopy-ram", "xbzrle", "auto-converge", "events", "return-path", "zero-copy-send",
        "switchover-ack", "dirty-limit", "background-snapshot", "compress", "postcopy-preempt", "x-colo",
    ]
    static let hostFacts = ["host.kvm", "host.dirty-ring", "host.postcopy-support", "host.os", "host.write-tracking", "host.incoming"]
    /// Fields and values to type: valid ones, out-of-range ones and unparsable ones.
    static let fields: [(name: String, values: [String])] = [
        ("multifd-channels", ["8", "16", "300", "4", "0"]),
        ("downtime-limit", ["500", "3000000", "300"]),
        ("max-bandwidth", ["1G", "256M", "lots"]),
        ("xbzrle-cache-size", ["512M", "64M", "1000"]),
        ("compress-level", ["9", "1", "12"]),
        ("announce-rounds", ["7", "5"]),
        ("tls-creds", ["tls0", ""]),
        ("host.page-size", ["4096", "65536"]),
    ]
    static let searches = ["dirty limit", "tls", "bandwidth", "postcopy", "compress level", "x-multifd", "migration.", "zzz", "channels"]

    /// What the session does, from an untimed run: how many keys changed the document, how
    /// many errors were seen, and that every screen the script means to visit was visited.
    static func summary(_ keys: [Key], size: Size) -> String {
        var state = EditorState(profilePath: "bench.json", size: size)
        var changes = 0, withErrors = 0
        var visited: Set<String> = []
        for key in keys {
            let before = state.document
            _ = update(&state, .key(key))
            if state.document != before { changes += 1 }
            if !state.report.errors.isEmpty { withErrors += 1 }
            switch state.mode {
            case .editing: visited.insert("edit")
            case .searching: visited.insert("search")
            case .help: visited.insert("help")
            case .export: visited.insert("export")
            case .problems: visited.insert("problems")
            case .itemInfo: visited.insert("item view")
            case .pickVersion: visited.insert("version picker")
            default: break
            }
        }
        precondition(visited.count == 7 && changes > 0, "the script misses part of the editor: \(visited), \(changes) changes")
        return "\(changes) change the document, \(withErrors) with errors on screen; search, edit, help, export, problems, item and version screens visited"
    }

    static func keys(count: Int, seed: UInt64) -> [Key] {
        var random = SplitMix64(seed: seed)
        var keys: [Key] = []
        while keys.count < count {
            keys += phrase(&random)
        }
        return Array(keys.prefix(count))
    }

    private static func typed(_ text: String) -> [Key] {
        text.map { Key.character($0) }
    }

    private static func search(_ name: String) -> [Key] {
        [.character("/")] + typed(name) + [.enter]
    }

    private static func phrase(_ random: inout SplitMix64) -> [Key] {
        let roll = random.below(100)
        switch roll {
        case 0..<34:  // move around the list, sometimes in the detail pane
            let moves: [[Key]] = [
                [.character("j")], [.character("k")], [.down], [.up], [.pageDown], [.pageUp],
                [.character("g")], [.character("G")], [.home], [.end],
                [.tab, .character("j"), .character("j"), .pageDown, .tab],
            ]
            return (0..<(1 + random.below(6))).flatMap { _ in moves[random.below(moves.count)] }
        case 34..<50:  // toggle a capability
            return search(capabilities[random.below(capabilities.count)]) + [.character(" ")]
        case 50..<56:  // cycle a host fact
            return search(hostFacts[random.below(hostFacts.count)]) + [.character(" ")]
        case 56..<66:  // search, look, and leave or jump; then n / N
            let query = searches[random.below(searches.count)]
            var keys = [Key.character("/")] + typed(query) + [.down, .down, .up]
            if random.below(2) == 0 {
                keys.append(.escape)
            } else {
                keys += [.enter, .character("n"), .character("n"), .character("N")]
            }
            return keys
        case 66..<80:  // edit a field: open, clear, type, commit; Esc closes a refused edit
            let field = fields[random.below(fields.count)]
            let value = field.values[random.below(field.values.count)]
            return search(field.name) + [.enter, .control("u")] + typed(value) + [.backspace] + typed(String(value.suffix(1)))
                + [.enter, .escape]
        case 80..<88:  // undo and redo
            return [.character("u"), .character("u"), .control("r"), .character("u"), .control("r"), .control("r")]
        case 88..<91:  // reset the focused entry
            return [.character("d")]
        case 91..<94:  // changed-only view and back
            return [.character("c"), .character("j"), .character("j"), .character("k"), .character("a")]
        case 94..<97:  // the export screen in every format
            return [.character("e"), .tab, .tab, .right, .character("j"), .left, .escape]
        default:  // one of the full screens: help, the problems list (Enter goes to an item), the
            // item view, or the version picker with its per-release verdicts (cancelled)
            let screens: [[Key]] = [
                [.character("?"), .character("j"), .pageDown, .character("g"), .escape],
                [.character("p"), .character("j"), .character("j"), .enter],
                [.character("i"), .pageDown, .character("G"), .escape],
                [.character("v"), .character("j"), .character("j"), .escape],
            ]
            return screens[random.below(screens.count)]
        }
    }
}

/// Starts the real `migedit` on a fresh pseudo-terminal (as its controlling terminal, 80x24,
/// TERM=xterm-256color) and times exec to the first painted frame: the moment the pty shows the
/// end of the title row. Then types `q` and waits for the exit.
enum PseudoTerminalLaunch {
    static func firstFrameMilliseconds(executable: String, runs: Int) -> [Double]? {
        guard FileManager.default.isExecutableFile(atPath: executable) else { return nil }
        var times: [Double] = []
        for _ in 0..<runs {
            guard let time = once(executable) else { return nil }
            times.append(time)
        }
        return times
    }

    /// The pty functions, which Glibc's module map hides behind feature macros.
    private typealias OpenPT = @convention(c) (Int32) -> Int32
    private typealias PTName = @convention(c) (Int32, UnsafeMutablePointer<CChar>, Int) -> Int32

    private static func symbol<T>(_ name: String, as type: T.Type) -> T? {
        dlsym(UnsafeMutableRawPointer(bitPattern: 0), name).map { unsafeBitCast($0, to: type) }
    }

    private static func once(_ executable: String) -> Double? {
        guard let openpt = symbol("posix_openpt", as: OpenPT.self), let grantpt = symbol("grantpt", as: OpenPT.self),
            let unlockpt = symbol("unlockpt", as: OpenPT.self), let ptsname = symbol("ptsname_r", as: PTName.self)
        else { return nil }
        let master = openpt(O_RDWR | O_NOCTTY | O_CLOEXEC)
        guard master >= 0 else { return nil }
        defer { close(master) }
        var name = [CChar](repeating: 0, count: 256)
        guard grantpt(master) == 0, unlockpt(master) == 0, ptsname(master, &name, name.count) == 0 else { return nil }
        let terminal = name.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
        var size = winsize(ws_row: 24, ws_col: 80, ws_xpixel: 0, ws_ypixel: 0)
        guard ioctl(master, UInt(TIOCSWINSZ), &size) == 0 else { return nil }

        let clock = ContinuousClock()
        let start = clock.now
        let spawned = CleanSpawn.start(
            [executable], environment: ["TERM": "xterm-256color", "LANG": "C.UTF-8", "PATH": "/usr/bin:/bin"],
            files: [0: .open(terminal, flags: O_RDWR), 1: .descriptor(0), 2: .descriptor(0)], newSession: true)
        guard case .success(let pid) = spawned else { return nil }

        var seen: [UInt8] = []
        var painted: Duration?
        let deadline = start + .seconds(5)
        let marker = Array("accepted".utf8)
        while painted == nil, clock.now < deadline {
            guard let chunk = read(master, waitingUntil: deadline) else { break }
            seen += chunk
            if seen.count >= marker.count, seen.indices.dropLast(marker.count - 1).contains(where: {
                seen[$0..<($0 + marker.count)].elementsEqual(marker)
            }) {
                painted = clock.now - start
            }
        }
        if painted != nil { _ = write(master, [UInt8(ascii: "q")], 1) }
        var status: Int32 = 0
        while waitpid(pid, &status, WNOHANG) == 0 {
            if clock.now > deadline + .seconds(2) || painted == nil {
                kill(pid, SIGKILL)
                waitpid(pid, &status, 0)
                break
            }
            _ = read(master, waitingUntil: clock.now + .milliseconds(20))
        }
        return painted.map { seconds($0) * 1000 }
    }

    /// What the pty has to say, waiting at most until `deadline`; nil at end or on an error.
    private static func read(_ master: Int32, waitingUntil deadline: ContinuousClock.Instant) -> [UInt8]? {
        let remaining = max(0, Int32((seconds(deadline - ContinuousClock.now) * 1000).rounded(.up)))
        var entry = pollfd(fd: master, events: Int16(POLLIN), revents: 0)
        guard poll(&entry, 1, remaining) > 0 else { return [] }
        var buffer = [UInt8](repeating: 0, count: 65536)
        let count = Glibc.read(master, &buffer, buffer.count)
        return count > 0 ? Array(buffer[..<count]) : nil
    }
}
