import Foundation
import MigrationCore
import Testing
@testable import MigrationEditor

/// One golden scenario: keys typed into a fresh editor, rendered at each size.
struct Scenario: CustomTestStringConvertible, Sendable {
    let name: String
    let summary: String
    let keys: [Key]
    var sizes: [Size] = [Size(columns: 80, rows: 24), Size(columns: 120, rows: 40)]
    var monochrome = false
    /// The size the editor starts at when it differs from the rendered size (a resize follows).
    var startSize: Size?
    /// The release of the profile the editor starts on.
    var version: QEMUVersion = .standard
    /// The profile the editor starts on; nil for a new one.
    var profilePath: String?
    /// Outcomes of effects that arrive after the keys, as the outside would report them.
    var actions: [EditorAction] = []
    /// The built-in lesson the editor plays (its id), if any.
    var lesson: String?
    /// The running QEMU the editor is attached to before the keys (`edit --qmp`).
    var live: LiveTarget?

    var testDescription: String { name }

    /// A document with a few kinds of change: a capability, parameters, a QMP-only capability
    /// and a compat property, so every export format has something to say and something to note.
    static let mixedChanges: [Key] =
        Keys.toggle("multifd") + Keys.set("multifd-channels", to: "8") + Keys.toggle("dirty-bitmaps")
        + Keys.set("downtime-limit", to: "500") + Keys.toggle("store-global-state")

    static let conflict: [Key] = Keys.toggle("postcopy-ram") + Keys.toggle("multifd")

    /// The map draws below 80x24 too, so its scenarios start at 80x24 (where the list takes
    /// keys) and are resized to each size.
    static let mapSizes = [Size(columns: 80, rows: 24), Size(columns: 120, rows: 40), Size(columns: 60, rows: 20)]

    /// Changes rescued from an earlier session of p.json.
    static let rescued: Profile = {
        var configuration = Configuration()
        configuration[.multifd] = .bool(true)
        configuration[.multifdChannels] = .number(8)
        return Profile(configuration: configuration)
    }()

    /// A QEMU 10.0 at unix:/run/vm1.qmp running multifd with 4 channels.
    static let liveTarget: LiveTarget = {
        var configuration = Configuration()
        configuration[.multifd] = .bool(true)
        configuration[.multifdChannels] = .number(4)
        return LiveTarget(address: "unix:/run/vm1.qmp", snapshot: try! .holding(configuration))
    }()

    static let liveEdits: [Key] = Keys.set("multifd-channels", to: "8") + Keys.toggle("dirty-bitmaps") + Keys.set("max-bandwidth", to: "1G")

    static let all: [Scenario] = [
        Scenario(name: "01-default", summary: "a fresh editor on QEMU's defaults", keys: []),
        Scenario(name: "02-postcopy-multifd-conflict", summary: "postcopy-ram and multifd both on: QEMU refuses the pair", keys: conflict),
        Scenario(
            name: "03-parameter-out-of-range-editing",
            summary: "typing a downtime-limit above QEMU's 2000 s ceiling: it parses but would break the range rule",
            keys: Keys.edit("downtime-limit", to: "3000000")),
        Scenario(
            name: "04-rejected-unparsable-edit",
            summary: "Enter on multifd-channels=300 (not a uint8): refused, the field stays open",
            keys: Keys.set("multifd-channels", to: "300")),
        Scenario(name: "05-help", summary: "the help screen", keys: [.character("?")]),
        Scenario(name: "06-export-global", summary: "export screen, -global format", keys: mixedChanges + [.character("e")]),
        Scenario(name: "07-export-qmp", summary: "export screen, QMP format", keys: mixedChanges + [.character("e"), .tab]),
        Scenario(name: "08-export-hmp", summary: "export screen, HMP format", keys: mixedChanges + [.character("e"), .tab, .tab]),
        Scenario(name: "09-export-json", summary: "export screen, profile JSON", keys: mixedChanges + [.character("e"), .backTab]),
        Scenario(
            name: "10-search-in-progress", summary: "two-word search typed, results listed in the detail pane",
            keys: [.character("/")] + Keys.type("dirty limit")),
        Scenario(name: "11-changed-only", summary: "only the changed settings", keys: mixedChanges + [.character("c")]),
        Scenario(
            name: "12-host-dirty-limit-needs-dirty-ring",
            summary: "dirty-limit on while the host fact dirty-ring is off; focus on the host fact",
            keys: Keys.toggle("dirty-limit") + Keys.find("host.dirty-ring")),
        Scenario(
            name: "13-terminal-too-small", summary: "below 80x24 the editor only explains and lets q quit",
            keys: [.resize(Size(columns: 60, rows: 20))], sizes: [Size(columns: 60, rows: 20)],
            startSize: Size(columns: 80, rows: 24)),
        Scenario(
            name: "14-monochrome", summary: "the conflict with changed values, for terminals without colour",
            keys: conflict + Keys.set("multifd-channels", to: "4"), monochrome: true),
        Scenario(
            name: "15-quit-confirmation", summary: "q with unsaved changes asks first",
            keys: Keys.toggle("events") + [.character("q")]),
        Scenario(
            name: "16-version-picker",
            summary: "v opens the version picker; with compress on and 9.1 highlighted, the status row says what switching resets",
            keys: Keys.toggle("compress") + [.character("v"), .down]),
        Scenario(
            name: "17-qemu-7.2-default", summary: "a fresh editor on a QEMU 7.2 profile",
            keys: [], sizes: [Size(columns: 80, rows: 24)], version: .v7_2),
        Scenario(
            name: "18-export-rejected",
            summary: "export screen of a configuration QEMU refuses: said first; the long -global line is cut with a marker",
            keys: conflict + Keys.toggle("events") + Keys.toggle("return-path") + [.character("e")]),
        Scenario(
            name: "19-export-scrolled-sideways", summary: "the QMP export scrolled right: lines cut at both edges",
            keys: mixedChanges + [.character("e"), .tab, .right]),
        Scenario(
            name: "20-open-with-unsaved-changes", summary: "o with unsaved changes asks before opening another profile",
            keys: Keys.toggle("events") + [.character("o"), .control("u")] + Keys.type("other.json") + [.enter], profilePath: "p.json"),
        Scenario(
            name: "21-rescue-offer", summary: "opening p.json with a newer p.json.save offers the rescued changes",
            keys: [], profilePath: "p.json", actions: [.foundRescue(rescued, path: "p.json.save")]),
        Scenario(
            name: "22-ctrl-c-with-unsaved-changes", summary: "Ctrl-C with unsaved changes asks; a second Ctrl-C quits",
            keys: Keys.toggle("events") + [.control("c")]),
        Scenario(
            name: "23-problems-list",
            summary: "p lists every problem: QEMU's first marked, zero-copy-send's message checked twice shown once",
            keys: conflict + Keys.toggle("zero-copy-send") + Keys.set("tls-creds", to: "tls0") + Keys.set("xbzrle-cache-size", to: "1000")
                + [.character("p"), .down]),
        Scenario(
            name: "24-version-picker-verdicts",
            summary: "the version picker with postcopy-ram and multifd on: 8.1 to 10.0 refuse the pair, 7.2, 8.0 and 10.1 on accept it",
            keys: conflict + [.character("v"), .down, .down]),
        Scenario(
            name: "25-item-rules",
            summary: "i on multifd with postcopy-ram on: every rule multifd takes part in, broken, satisfied or not applicable",
            keys: conflict + [.character("i")]),
        Scenario(
            name: "26-item-rules-history",
            summary: "the item view of multifd scrolled to its end: the last rules and its history across releases",
            keys: conflict + [.character("i"), .end]),
        Scenario(
            name: "27-fix-in-panes",
            summary: "xbzrle-cache-size=1000 (not a power of two): the error pane and the detail pane (scrolled to the error) show the fix f applies",
            keys: Keys.set("xbzrle-cache-size", to: "1000") + [.tab] + Array(repeating: .down, count: 8)),
        Scenario(
            name: "28-lesson-start", summary: "migedit learn 12: the lesson pane with the task and the goal, one part missing",
            keys: [], lesson: "postcopy-multifd"),
        Scenario(
            name: "29-lesson-hint",
            summary: "h twice in the zero-copy lesson: why QEMU refuses (its message and the rule's reason), then the change",
            keys: [.character("h"), .character("h")], lesson: "zero-copy-encrypted"),
        Scenario(
            name: "30-lesson-complete", summary: "the goal holds: the lesson is complete and recorded, the next one named",
            keys: Keys.toggle("return-path"), actions: [.lessonRecorded(path: "/home/u/.local/state/migedit/lessons.json")],
            lesson: "switchover-ack"),
        Scenario(
            name: "31-lesson-too-small", summary: "a lesson below 80x24: only the size and q",
            keys: [.resize(Size(columns: 60, rows: 20))], sizes: [Size(columns: 60, rows: 20)],
            startSize: Size(columns: 80, rows: 24), lesson: "postcopy-multifd"),
        Scenario(
            name: "32-map-default",
            summary: "m on QEMU's defaults: every capability and the parameters rules tie to them, xbzrle's row selected at its first rule",
            keys: [.character("m")], sizes: mapSizes, startSize: Size(columns: 80, rows: 24)),
        Scenario(
            name: "33-map-postcopy-multifd-broken",
            summary: "m with postcopy-ram and multifd on: the map opens on the broken cell, both settings highlighted and marked",
            keys: conflict + [.character("m")], sizes: mapSizes, startSize: Size(columns: 80, rows: 24)),
        Scenario(
            name: "34-map-rule-detail",
            summary: "Enter on the broken cell: the rule's state, QEMU's message, the values, the fix, its releases and why",
            keys: conflict + [.character("m"), .enter], sizes: mapSizes, startSize: Size(columns: 80, rows: 24)),
        Scenario(
            name: "35-map-monochrome",
            summary: "the map of a broken pair with tls-creds set, for terminals without colour: changed settings starred",
            keys: conflict + Keys.set("tls-creds", to: "tls0") + [.character("m")], sizes: mapSizes, monochrome: true,
            startSize: Size(columns: 80, rows: 24)),
        Scenario(
            name: "36-map-side-rules",
            summary: "dirty-limit on without the host's dirty ring: the map opens on the broken rule of 3+ settings or the host",
            keys: Keys.toggle("dirty-limit") + [.character("m")], sizes: mapSizes,
            startSize: Size(columns: 80, rows: 24)),
        Scenario(
            name: "37-live-attached",
            summary: "edit --qmp: attached to a running QEMU 10.0, three settings changed and not yet applied",
            keys: liveEdits, live: liveTarget),
        Scenario(
            name: "38-live-apply-question",
            summary: "a on a running QEMU: the difference, the QMP that sends it, and the question",
            keys: liveEdits + [.character("a")], live: liveTarget),
        Scenario(
            name: "39-live-qemu-went-away",
            summary: "y sent the apply but QEMU had been killed: the error pane says so and the edits stay",
            keys: liveEdits + [.character("a"), .character("y")],
            actions: [.liveFailed(reason: "QEMU at unix:/run/vm1.qmp went away (the QMP connection closed)")], live: liveTarget),
        Scenario(
            name: "40-machine-picker",
            summary: "M on QEMU 10.0: the machine types, each with the compat properties it sets, pc-q35-8.2 highlighted",
            keys: [.character("M")] + Array(repeating: .down, count: 7), version: .v10_0),
        Scenario(
            name: "41-machine-type-title",
            summary: "pc-q35-8.2 picked on QEMU 10.0: the title names it, the status row says which defaults moved",
            keys: [.character("M")] + Array(repeating: .down, count: 7) + [.enter] + Keys.find("zero-page-detection"),
            version: .v10_0),
        Scenario(
            name: "42-export-virsh",
            summary: "export screen, virsh format: the options, then what to run during the migration and what libvirt cannot set",
            keys: mixedChanges + [.character("e"), .tab, .tab, .tab, .tab]),
        Scenario(
            name: "43-export-rehearsal",
            summary: "r on the export screen: multifd on the source only, failed, the mismatch named above the export",
            keys: Keys.toggle("multifd") + [.character("e"), .character("r"), .enter],
            actions: [.rehearsed(mismatchedRehearsal)]),
    ]

    /// What a real rehearsal of multifd on the source only reported (QEMU 10.0.2).
    static let mismatchedRehearsal: RehearsalResult = {
        var source = Profile(), destination = Profile()
        source.configuration[.multifd] = .bool(true)
        var statistics = RehearsalStatistics()
        statistics.totalTime = 4
        statistics.setupTime = 1
        statistics.transferred = 29_514
        statistics.multifdBytes = 0
        return RehearsalResult(
            qemuVersion: "10.0.2", workload: "idle", memoryMiB: 128, transport: "a UNIX socket",
            outcome: .failed("Unable to write to socket: Broken pipe; the destination QEMU exited: load of migration failed: Invalid argument"),
            statistics: statistics, mismatches: PairCheck.mismatches(source: source, destination: destination))
    }()
}

@Suite("Golden screens")
struct GoldenScreenTests {
    static let screensDirectory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Screens")

    @Test(arguments: Scenario.all)
    func scenario(_ scenario: Scenario) throws {
        let recording = ProcessInfo.processInfo.environment["MIGEDIT_RECORD_SCREENS"] == "1"
        for size in scenario.sizes {
            var state = scenario.lesson.map { EditorState.lesson($0, size: scenario.startSize ?? size) }
                ?? EditorState.fresh(size: scenario.startSize ?? size, profilePath: scenario.profilePath, version: scenario.version)
            if let live = scenario.live { state.attach(to: live) }
            state.press(scenario.keys)
            if state.size != size { state.press(.resize(size)) }
            for action in scenario.actions { _ = update(&state, action) }
            let capture = Capture.text(
                of: render(state, size: size, monochrome: scenario.monochrome), scenario: scenario, size: size)
            let file = Self.screensDirectory
                .appendingPathComponent("\(size.columns)x\(size.rows)")
                .appendingPathComponent("\(scenario.name).txt")
            if recording {
                try FileManager.default.createDirectory(
                    at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
                try capture.write(to: file, atomically: true, encoding: .utf8)
                Issue.record("Recorded \(file.path); unset MIGEDIT_RECORD_SCREENS and run again to compare")
                continue
            }
            let golden = try? String(contentsOf: file, encoding: .utf8)
            guard let golden else {
                Issue.record("No golden file \(file.path); run with MIGEDIT_RECORD_SCREENS=1 to record it")
                continue
            }
            if golden != capture {
                Issue.record("\(scenario.name) at \(size.columns)x\(size.rows) differs from \(file.path):\n\(Capture.difference(golden, capture))")
            }
        }
    }
}

/// The golden file format: a header, the screen's text, then its role grid and a role legend.
enum Capture {
    static func text(of screen: Screen, scenario: Scenario, size: Size) -> String {
        var lines = [
            "# \(scenario.name) · \(size.columns)x\(size.rows) · \(scenario.monochrome ? "monochrome" : "colour")"
                + (scenario.version == .standard ? "" : " · QEMU \(scenario.version)")
                + (scenario.lesson.map { " · lesson \($0)" } ?? ""),
            "# \(scenario.summary)",
            "# keys: \(scenario.keys.isEmpty ? "(none)" : Keys.describe(scenario.keys))"
                + (scenario.actions.isEmpty ? "" : " · then: \(scenario.actions.map(describe).joined(separator: ", "))"),
            "# cursor: " + (screen.cursor.map { "row \($0.row), column \($0.column)" } ?? "hidden"),
        ]
        lines += (0..<size.rows).map(screen.text(ofRow:))
        lines.append("# roles")
        lines += (0..<size.rows).map(screen.roles(ofRow:))
        lines.append("# role codes: " + StyleRole.allCases.map { "\($0.code) \($0)" }.joined(separator: "  "))
        return lines.joined(separator: "\n") + "\n"
    }

    /// An action as a golden file's header names it.
    private static func describe(_ action: EditorAction) -> String {
        switch action {
        case .foundRescue(_, let path): return "\(path) found"
        case .liveFailed(let reason): return "QEMU failed: \(reason)"
        default: return "\(action)"
        }
    }

    /// The first few differing lines, golden then actual.
    static func difference(_ golden: String, _ actual: String) -> String {
        let expected = golden.split(separator: "\n", omittingEmptySubsequences: false)
        let got = actual.split(separator: "\n", omittingEmptySubsequences: false)
        var report: [String] = []
        for index in 0..<max(expected.count, got.count) where report.count < 12 {
            let want = index < expected.count ? String(expected[index]) : "<missing>"
            let have = index < got.count ? String(got[index]) : "<missing>"
            if want != have { report += ["line \(index + 1):", "  golden: \(want)", "  actual: \(have)"] }
        }
        return report.joined(separator: "\n")
    }
}
