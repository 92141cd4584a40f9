import Foundation
import MigrationCore
import Testing
import TestSupport

import Glibc

/// The real `migedit` binary in a real terminal (tmux at 100x30), driven key by key the way a
/// person would and checked by reading the screen. Every wait is bounded (`timeout` seconds,
/// after which the failure shows the last screen) and every test kills its tmux server, also
/// when it fails.
@Suite(.serialized)
struct EditorEndToEndTests {
    /// How long any one expected change may take to show. Generous: a debug build on a loaded
    /// two-core machine; a passing run waits only as long as the editor needs.
    static let timeout = 10.0

    let binary: String

    init() throws {
        binary = try ChildProcess.builtProduct(named: "migedit")
    }

    // MARK: Checking, fixing and editing

    @Test func conflictShowsQEMUsMessageAndFixingItClearsIt() throws {
        try withSession([binary]) { tmux in
            try tmux.waitForFirstFrame()
            try tmux.focus("postcopy-ram")
            try tmux.send("Space")
            try tmux.settled(containing: "▸ [x] postcopy-ram")
            try tmux.focus("multifd")
            try tmux.send("Space")

            let conflict = try tmux.waitUntil("the conflict is reported") {
                $0.contains("Postcopy is not yet compatible with multifd") && $0.contains("✗ 1 error")
            }
            #expect(conflict.contains("▸ [x] multifd"))
            #expect(conflict.contains("✗ [QEMU first] postcopy-ram + multifd: Postcopy is not yet compatible with multifd"))
            #expect(conflict.contains("-global migration.x-postcopy-ram=on -global migration.x-multifd=on"))
            #expect(!conflict.contains("accepts this configuration"))

            try tmux.send("u")
            let undone = try tmux.waitUntil("undo clears the conflict") {
                $0.contains("✓ QEMU 9.0 accepts this configuration") && !$0.contains("✗ [QEMU first]")
            }
            #expect(undone.contains("▸ [ ] multifd"))
            #expect(undone.contains("! on would add: Postcopy is not yet compatible with"), "the what-if warns instead")
            #expect(!undone.contains("✗"), "no error marker anywhere")
            #expect(undone.contains("Undid: multifd = on"))
            #expect(undone.contains("✓ accepted"))
            #expect(undone.contains(" -global migration.x-postcopy-ram=on\n"))

            try tmux.send("C-r")
            let redone = try tmux.waitUntil("redo brings the conflict back") {
                $0.contains("Postcopy is not yet compatible with multifd") && $0.contains("Redid: multifd = on")
            }
            #expect(redone.contains("▸ [x] multifd"))

            try tmux.send("Space")
            let fixed = try tmux.waitUntil("toggling multifd off clears the conflict") {
                $0.contains("✓ QEMU 9.0 accepts this configuration") && !$0.contains("✗ [QEMU first]")
            }
            #expect(!fixed.contains("✗"))
            #expect(fixed.contains("▸ [ ] multifd"))
            #expect(fixed.contains("[x] postcopy-ram"))
            #expect(fixed.contains("(modified)"))
        }
    }

    @Test func problemsListGoesToTheProblemsItemOnEnter() throws {
        try withSession([binary, "--set", "postcopy-ram=on", "--set", "multifd=on", "--set", "xbzrle-cache-size=1000"]) { tmux in
            try tmux.waitForFirstFrame()
            try tmux.send("p")
            let list = try tmux.waitUntil("the problems list opens") { $0.contains("Problem 1 of 2") }
            #expect(list.contains("▶ ✗ [QEMU first] Parameter 'xbzrle_cache_size' expects a power of two"))
            #expect(list.contains("postcopy-ram = on · multifd = on"))
            try tmux.send("Down")
            try tmux.settled(containing: "Problem 2 of 2 · Enter goes to postcopy-ram")
            try tmux.send("Enter")
            let back = try tmux.waitUntil("Enter goes to postcopy-ram in the list") { $0.contains("▸ [x] postcopy-ram") }
            #expect(back.contains("┌─ postcopy-ram"))
        }
    }

    @Test func theMapOpensOnTheBrokenPairAndEnterShowsItsRule() throws {
        try withSession([binary, "--set", "postcopy-ram=on", "--set", "multifd=on"]) { tmux in
            try tmux.waitForFirstFrame()
            try tmux.send("m")
            let map = try tmux.waitUntil("the map opens on the broken cell") {
                $0.contains("─ postcopy-ram × multifd · conflict: refused together")
            }
            #expect(map.contains("✗ broken now"))
            #expect(map.contains("✗13 multifd"))
            #expect(map.contains("row 7 · column 13 of 28"))
            let moves = [("End", "row 7 · column 28"), ("Home", "row 7 · column 1"), ("NPage", "row 27 · column 1"), ("]", "row 7 · column 13")]
            for (key, position) in moves {
                try tmux.send(key)
                try tmux.settled(containing: position + " of 28")
            }
            try tmux.send("Enter")
            let rule = try tmux.waitUntil("Enter shows the rule") { $0.contains("why: Only 8.1 to 10.0 refuse the pair.") }
            #expect(rule.contains("✗ broken · postcopy-ram-vs-multifd · migrate_caps_check"))
            try tmux.send("Escape")
            try tmux.settled(containing: "row 7 · column 13 of 28")
            try tmux.send("Escape")
            let list = try tmux.waitUntil("Esc goes back to the list") { $0.contains("┌─ Settings") }
            #expect(list.contains("▸ [ ] xbzrle"), "the list is as it was left")
        }
    }

    @Test func fieldEditRefusesAnOutOfTypeValueAndCommitsAGoodOne() throws {
        try withSession([binary]) { tmux in
            try tmux.waitForFirstFrame()
            try tmux.focus("multifd-channels")
            try tmux.send("Enter")
            try tmux.settled(containing: "⏎ commit  Esc cancel")
            try tmux.send("C-u")
            try tmux.sendLiteral("300")
            try tmux.settled(containing: "▸ multifd-channels 300")
            try tmux.send("Enter")

            let refused = try tmux.waitUntil("Enter refuses 300") { $0.contains("Not committed: multifd-channels") }
            #expect(refused.contains("got '300'"), "the field says why")
            #expect(refused.contains("⏎ commit  Esc cancel"), "the field stays open")
            #expect(refused.contains("▸ multifd-channels 300"))
            #expect(!refused.contains("migration.multifd-channels=300"))
            #expect(refused.lines[27] == " -global: nothing to set, every value is QEMU's default")
            #expect(!refused.contains("(modified)"))

            try tmux.send("C-u")
            try tmux.sendLiteral("8")
            try tmux.send("Enter")
            let committed = try tmux.waitUntil("8 is committed") { $0.contains("␣ toggle") && $0.contains("(modified)") }
            #expect(committed.lines.contains { $0.contains(/│▸ multifd-channels +8  │/) }, "the list row shows 8")
            #expect(committed.lines[27] == " -global migration.multifd-channels=8", "the live -global line")
            #expect(committed.contains("now 8 (changed; default 2)"))

            // Esc abandons an edit and keeps the committed value.
            try tmux.send("Enter")
            try tmux.settled(containing: "⏎ commit  Esc cancel")
            try tmux.send("C-u")
            try tmux.sendLiteral("16")
            try tmux.settled(containing: "▸ multifd-channels 16")
            try tmux.send("Escape")
            let cancelled = try tmux.settled(containing: "Edit cancelled; multifd-channels stays 8")
            #expect(cancelled.lines[27] == " -global migration.multifd-channels=8")
        }
    }

    // MARK: Saving

    @Test func saveWritesTheProfileAndKeepsTheVersionBeforeAsBak() throws {
        let folder = try TemporaryFolder()
        let profile = folder.path + "/prod.json"
        try withSession([binary, profile]) { tmux in
            try tmux.settled(containing: " migedit · QEMU 9.0 · prod.json ")
            try tmux.focus("events")
            try tmux.send("Space")
            try tmux.settled(containing: "prod.json (modified)")
            try tmux.send("s")
            let saved = try tmux.settled(containing: "Saved \(profile)")
            #expect(!saved.contains("(modified)"))
            let first = try #require(FileManager.default.contents(atPath: profile))
            let json = try #require(try JSONSerialization.jsonObject(with: first) as? [String: Any])
            #expect(json["qemu"] as? String == "9.0")
            #expect((json["capabilities"] as? [String: Any])?["events"] as? Bool == true)
            #expect(json.keys.sorted() == ["capabilities", "qemu"], "only what differs from the defaults: \(json)")
            #expect(folder.names == ["prod.json"], "no .bak of a file that did not exist, no temporary file")

            try tmux.focus("multifd-channels")
            try tmux.send("Enter")
            try tmux.settled(containing: "⏎ commit  Esc cancel")
            try tmux.send("C-u")
            try tmux.sendLiteral("8")
            try tmux.send("Enter")
            try tmux.settled(containing: "prod.json (modified)")
            try tmux.send("s")
            try tmux.waitUntil("the second save") { $0.contains("Saved \(profile)") && !$0.contains("(modified)") }

            #expect(FileManager.default.contents(atPath: profile + ".bak") == first, "PROFILE.bak is the first save, byte for byte")
            let second = try #require(FileManager.default.contents(atPath: profile))
            let json2 = try #require(try JSONSerialization.jsonObject(with: second) as? [String: Any])
            #expect((json2["capabilities"] as? [String: Any])?["events"] as? Bool == true)
            #expect((json2["parameters"] as? [String: Any])?["multifd-channels"] as? Int == 8)
            #expect(folder.names == ["prod.json", "prod.json.bak"])

            try tmux.send("q")
            #expect(try tmux.waitForExit(timeout: Self.timeout) == .exited(0), "saved, so q quits without asking")
        }
    }

    /// Root ignores permissions, so the unwritable place is a path whose parent is a regular file.
    @Test func failedSaveSaysWhyAndLosesNothing() throws {
        let folder = try TemporaryFolder()
        let blocker = folder.path + "/notadir"
        try Data("a file, not a folder\n".utf8).write(to: URL(fileURLWithPath: blocker))
        let profile = blocker + "/prof.json"
        try withSession([binary, profile]) { tmux in
            try tmux.settled(containing: " migedit · QEMU 9.0 · prof.json ")
            try tmux.focus("events")
            try tmux.send("Space")
            try tmux.settled(containing: "prof.json (modified)")
            try tmux.send("s")

            let failed = try tmux.settled(containing: "Not saved:")
            let message = failed.lines[27...28].map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
            #expect(message == "Not saved: cannot write \(profile): not a directory. Nothing was lost; s retries, S saves elsewhere",
                    "the whole message, over two rows")
            #expect(failed.contains("prof.json (modified)"), "still modified")
            #expect(failed.contains("▸ [x] events"), "the change is still there")
            #expect(tmux.isAlive)
            #expect(FileManager.default.contents(atPath: blocker) == Data("a file, not a folder\n".utf8))
            #expect(folder.names == ["notadir"])

            // Nothing lost: S saves the same document elsewhere.
            let rescue = folder.path + "/rescued.json"
            try tmux.send("S")
            try tmux.settled(containing: "Save profile as: ")
            try tmux.send("C-u")
            try tmux.sendLiteral(rescue)
            try tmux.send("Enter")
            try tmux.settled(containing: "Saved \(rescue)")
            let saved = try #require(FileManager.default.contents(atPath: rescue))
            let json = try #require(try JSONSerialization.jsonObject(with: saved) as? [String: Any])
            #expect((json["capabilities"] as? [String: Any])?["events"] as? Bool == true)

            try tmux.send("q")
            #expect(try tmux.waitForExit(timeout: Self.timeout) == .exited(0))
        }
    }

    // MARK: The terminal

    @Test func resizeReLaysOutAndTooSmallStillQuits() throws {
        try withSession([binary]) { tmux in
            let small = try tmux.waitForFirstFrame()
            #expect(small.lines.count == 30)
            #expect(small.lines.firstIndex { $0.hasPrefix("└") } == 22)
            let smallEntries = small.listEntries

            try tmux.resize(columns: 120, rows: 40)
            let large = try tmux.waitUntil("the 120x40 layout") { $0.lines.firstIndex { $0.hasPrefix("└") } == 30 }
            #expect(large.lines.count == 40)
            #expect(large.lines[1].count == 120, "the pane borders span the new width: \(large.lines[1])")
            #expect(large.lines[0].hasSuffix("✓ accepted"))
            let largeEntries = large.listEntries
            #expect(small.listRows == 20 && large.listRows == 28, "\(small.listRows) → \(large.listRows) list rows")
            #expect(Set(largeEntries).isStrictSuperset(of: smallEntries), "\(smallEntries) → \(largeEntries)")

            try tmux.resize(columns: 60, rows: 20)
            let tooSmall = try tmux.settled(containing: "have 60x20, need 80x24")
            #expect(tooSmall.contains("press q to quit"))
            #expect(!tooSmall.contains("Settings"))
            try tmux.send("j")

            try tmux.resize(columns: 100, rows: 30)
            let back = try tmux.waitUntil("back at 100x30") { $0.lines.firstIndex { $0.hasPrefix("└") } == 22 }
            #expect(back.contains("▸ [ ] xbzrle"), "keys other than q did nothing while too small")

            try tmux.resize(columns: 60, rows: 20)
            try tmux.settled(containing: "terminal too small")
            try tmux.send("q")
            #expect(try tmux.waitForExit(timeout: Self.timeout) == .exited(0))
        }
    }

    @Test func quitWithoutChangesRestoresTheTerminal() throws {
        try withSession(shell: [binary]) { tmux in
            try tmux.waitForFirstFrame()
            try tmux.send("q")
            try expectRestored(tmux, status: 0)
        }
    }

    /// `q` and Ctrl-C with unsaved changes both ask; `n` stays; `y` after `q`, or a second
    /// Ctrl-C, leave without writing anything.
    @Test(arguments: [
        (key: "q", leave: "y", status: Int32(0), question: "Unsaved changes: quit without saving? y quits · s saves first · n stays"),
        (key: "C-c", leave: "C-c", status: Int32(130), question: "n stays · Ctrl-C again quits"),
    ])
    func leavingWithChangesAsksFirst(key: String, leave: String, status: Int32, question: String) throws {
        let folder = try TemporaryFolder()
        try withSession(shell: [binary, folder.path + "/p.json"]) { tmux in
            try tmux.waitForFirstFrame()
            try tmux.send("Space")
            try tmux.settled(containing: "(modified)")
            try tmux.send(key)
            try tmux.settled(containing: question)
            try tmux.send("n")
            let stayed = try tmux.waitUntil("n stays") { !$0.contains("Unsaved changes") && $0.contains("␣ toggle") }
            #expect(stayed.contains("(modified)"))
            #expect(stayed.contains("▸ [x] xbzrle"))
            try tmux.send(key)
            try tmux.settled(containing: question)
            try tmux.send(leave)
            try expectRestored(tmux, status: status)
        }
        #expect(folder.names.isEmpty, "left without saving")
    }

    @Test func ctrlCRestoresTheTerminalAndExits130() throws {
        try withSession(shell: [binary]) { tmux in
            try tmux.waitForFirstFrame()
            try tmux.send("C-c")
            try expectRestored(tmux, status: 130)
        }
    }

    @Test(arguments: [SIGTERM, SIGHUP])
    func killSignalRestoresTheTerminal(signal: Int32) throws {
        let folder = try TemporaryFolder()
        let profile = folder.path + "/signal.json"
        try withSession(shell: [binary, profile]) { tmux in
            try tmux.waitForFirstFrame()
            let pid = try editorProcess(withArgument: profile)
            #expect(kill(pid, signal) == 0)
            try expectRestored(tmux, status: 128 + signal)
            #expect(!(try tmux.capture()).contains("unsaved changes"))
        }
        #expect(folder.names.isEmpty, "nothing unsaved, nothing written")
    }

    // MARK: No lost edits

    @Test(arguments: [SIGTERM, SIGHUP])
    func killSignalWritesUnsavedChangesToProfileSaveAndTheNextSessionOffersThem(signal: Int32) throws {
        let folder = try TemporaryFolder()
        let profile = folder.path + "/p.json"
        try Data("{\"qemu\": \"9.0\"}\n".utf8).write(to: URL(fileURLWithPath: profile))
        try withSession(shell: [binary, profile]) { tmux in
            try tmux.waitForFirstFrame()
            try tmux.focus("events")
            try tmux.send("Space")
            try tmux.settled(containing: "p.json (modified)")
            #expect(kill(try editorProcess(withArgument: profile), signal) == 0)
            try expectRestored(tmux, status: 128 + signal)
            let after = try tmux.capture(joiningWrappedLines: true)
            #expect(after.contains("migedit: unsaved changes written to \(profile).save"), "\(after)")
        }
        #expect(folder.names == ["p.json", "p.json.save"], "atomic: no temporary file left")
        #expect(FileManager.default.contents(atPath: profile) == Data("{\"qemu\": \"9.0\"}\n".utf8), "the profile is untouched")
        let rescued = try #require(FileManager.default.contents(atPath: profile + ".save"))
        let json = try #require(try JSONSerialization.jsonObject(with: rescued) as? [String: Any])
        #expect((json["capabilities"] as? [String: Any])?["events"] as? Bool == true)

        try withSession([binary, profile]) { tmux in
            let offer = try tmux.settled(containing: "p.json.save holds unsaved changes rescued from an earlier session")
            #expect(!offer.contains("(modified)"))
            try tmux.send("l")
            let loaded = try tmux.settled(containing: "Loaded the rescued changes")
            #expect(loaded.contains("p.json (modified)"))
            #expect(loaded.contains(" -global migration.x-events=on\n"))
            try tmux.send("s")
            try tmux.waitUntil("saved") { $0.contains("Saved \(profile)") && !$0.contains("(modified)") }
            try tmux.send("q")
            #expect(try tmux.waitForExit(timeout: Self.timeout) == .exited(0))
        }
        let saved = try #require(FileManager.default.contents(atPath: profile))
        let savedJSON = try #require(try JSONSerialization.jsonObject(with: saved) as? [String: Any])
        #expect((savedJSON["capabilities"] as? [String: Any])?["events"] as? Bool == true)

        try withSession([binary, profile]) { tmux in
            let again = try tmux.waitForFirstFrame()
            #expect(!again.contains("rescued"), "p.json is now newer than p.json.save: no offer")
            try tmux.send("q")
            #expect(try tmux.waitForExit(timeout: Self.timeout) == .exited(0))
        }
    }

    @Test func aNewProfileIsRescuedToMigeditSaveInTheCurrentFolder() throws {
        let folder = try TemporaryFolder()
        try withSession(shell: [binary], directory: folder.path) { tmux in
            try tmux.waitForFirstFrame()
            try tmux.send("Space")
            try tmux.settled(containing: "new profile (modified)")
            #expect(kill(try editorProcess(withArgument: binary), SIGTERM) == 0)
            try expectRestored(tmux, status: 143)
        }
        #expect(folder.names == ["migedit.save"])
        let rescued = try #require(FileManager.default.contents(atPath: folder.path + "/migedit.save"))
        let json = try #require(try JSONSerialization.jsonObject(with: rescued) as? [String: Any])
        #expect((json["capabilities"] as? [String: Any])?["xbzrle"] as? Bool == true)
    }

    @Test func setValuesAreUnsavedChanges() throws {
        let folder = try TemporaryFolder()
        let profile = folder.path + "/p.json"
        let original = Data("{\"qemu\": \"9.0\", \"parameters\": {\"downtime-limit\": 500}}\n".utf8)
        try original.write(to: URL(fileURLWithPath: profile))
        try withSession(shell: [binary, "edit", profile, "--set", "downtime-limit=900"]) { tmux in
            let first = try tmux.waitForFirstFrame()
            #expect(first.contains("p.json (modified)"))
            #expect(first.contains(" -global migration.x-downtime-limit=900\n"))
            try tmux.send("u")
            let undone = try tmux.settled(containing: "Undid: command-line changes")
            #expect(undone.contains(" -global migration.x-downtime-limit=500\n"))
            #expect(!undone.contains("(modified)"))
            try tmux.send("C-r")
            try tmux.settled(containing: "Redid: command-line changes")
            try tmux.send("q")
            try tmux.settled(containing: "Unsaved changes: quit without saving?")
            try tmux.send("y")
            try expectRestored(tmux, status: 0)
        }
        #expect(FileManager.default.contents(atPath: profile) == original, "q then y keeps the file as it was")
    }

    // MARK: Command line

    @Test func printAfterWGivesTheFragmentToCommandSubstitution() throws {
        let script = "out=$(\(shellWords([binary, "edit", "--print", "--set", "multifd=on"]))); status=$?; echo \"OUT=[$out] STATUS=$status\"; sleep 30"
        try withSession(["/bin/bash", "-c", script]) { tmux in
            let first = try tmux.waitForFirstFrame()
            #expect(first.contains("▸ [ ] xbzrle"))
            #expect(first.contains(" -global migration.x-multifd=on\n"))
            #expect(first.contains("new profile (modified)"))
            try tmux.send("w")
            try tmux.settled(containing: "Save profile as: ")
            try tmux.send("Escape")
            try tmux.settled(containing: "␣ toggle")
            try tmux.send("u")
            try tmux.settled(containing: "Undid: command-line changes")
            try tmux.send("w")
            try tmux.settled(containing: "OUT=[] STATUS=0")
        }
        try withSession(["/bin/bash", "-c", script]) { tmux in
            try tmux.waitForFirstFrame()
            try tmux.send("q")
            try tmux.settled(containing: "Unsaved changes: quit without saving?")
            try tmux.send("y")
            let left = try tmux.settled(containing: "OUT=[] STATUS=1")
            #expect(left.contains("migedit: left without w, so nothing was printed"))
        }
        // A shell script dies with the Ctrl-C its child got (so it never reaches the QEMU line);
        // trapping INT lets this one go on, as an interactive shell does, and show the status.
        let interrupted = "trap : INT; out=$(\(shellWords([binary, "edit", "--print"]))); echo \"OUT=[$out] STATUS=$?\"; sleep 30"
        try withSession(["/bin/bash", "-c", interrupted]) { tmux in
            try tmux.waitForFirstFrame()
            try tmux.send("C-c")
            try tmux.settled(containing: "OUT=[] STATUS=130")
        }
    }

    @Test func printAfterWSavesTheSetValuesFirst() throws {
        let folder = try TemporaryFolder()
        let profile = folder.path + "/p.json"
        let script = "out=$(\(shellWords([binary, "edit", profile, "--print", "--set", "multifd=on"]))); echo \"OUT=[$out] STATUS=$?\"; sleep 30"
        try withSession(["/bin/bash", "-c", script]) { tmux in
            try tmux.settled(containing: "p.json (modified)")
            try tmux.send("w")
            try tmux.settled(containing: "OUT=[-global migration.x-multifd=on] STATUS=0")
        }
        let saved = try #require(FileManager.default.contents(atPath: profile))
        let json = try #require(try JSONSerialization.jsonObject(with: saved) as? [String: Any])
        #expect((json["capabilities"] as? [String: Any])?["multifd"] as? Bool == true, "what was printed is what was saved")
    }

    /// Refusing must not wait for input: if it did, `ChildProcess.run`'s limit would throw.
    @Test(arguments: [[], ["edit"], ["edit", "--print"], ["edit", "--monochrome", "x.json"]])
    func notATerminalExitsTwoWithOneLine(arguments: [String]) throws {
        let result = try ChildProcess.run(
            [binary] + arguments, input: Array("q\n".utf8),
            environment: ["PATH": "/usr/bin:/bin", "TERM": "xterm-256color", "LANG": "C.UTF-8"], timeout: 10)
        #expect(result.status == .exited(2))
        #expect(result.standardOutput.isEmpty, "\(result.standardOutput)")
        #expect(result.standardError.hasPrefix("migedit: "))
        #expect(result.standardError.contains("terminal"))
        #expect(result.standardError.filter { $0 == "\n" }.count == 1 && result.standardError.hasSuffix("\n"), "one line: \(result.standardError)")
        #expect(!result.standardError.contains("\u{1B}"), "no escape codes")
    }

    @Test func noColorStartsInMonochrome() throws {
        let colourful = try withSession([binary]) { tmux in
            try tmux.waitForFirstFrame()
            try tmux.focus("events")
            try tmux.send("Space")
            let screen = try tmux.settled(containing: "▸ [x] events")
            #expect(!screen.contains("*[x] events"))
            return try tmux.capture(escapes: true)
        }
        #expect(colourful.usesColour, "the colour scheme, for contrast")

        let monochrome = try withSession([binary], environment: ["NO_COLOR": "1"]) { tmux in
            try tmux.waitForFirstFrame()
            try tmux.focus("events")
            try tmux.send("Space")
            let screen = try tmux.settled(containing: "▸*[x] events")
            #expect(screen.contains("(modified)"))
            return try tmux.capture(escapes: true)
        }
        #expect(!monochrome.usesColour, "NO_COLOR: attributes only")
        #expect(monochrome.contains("\u{1B}[7m") || monochrome.contains(";7m"), "reverse video for the title and selection")
    }

    // MARK: Lessons

    /// Lesson 12 played as a learner would: both hints, the release switched in the version
    /// picker, multifd turned on; the lesson completes, is recorded, and `migedit learn` marks it.
    @Test func aLessonIsPlayedToItsEndAndRecorded() throws {
        let state = try TemporaryFolder()
        let progress = state.path + "/migedit/lessons.json"
        try withSession([binary, "learn", "12"], environment: ["XDG_STATE_HOME": state.path]) { tmux in
            let start = try tmux.waitForFirstFrame()
            #expect(start.contains(" migedit · QEMU 9.0 · lesson 12 "))
            #expect(start.contains("Lesson 12 · Postcopy with parallel channels"))
            #expect(start.contains("Goal: 2 of 3 met"))
            #expect(start.contains("✗ multifd on"))
            try tmux.send("h")
            try tmux.settled(containing: "Still missing: multifd on.")
            try tmux.send("h")
            try tmux.settled(containing: "Hint: Try: switch to QEMU 10.1 (v), then set multifd on.")
            try tmux.send("v")
            try tmux.settled(containing: "QEMU 9.0 is the profile's release")
            try tmux.send("Down", "Down", "Down", "Down")
            try tmux.settled(containing: "Enter switches to QEMU 10.1")
            try tmux.send("Enter")
            try tmux.settled(containing: " migedit · QEMU 10.1 · lesson 12 (modified)")
            try tmux.focus("multifd", showing: "▸ [ ] multifd ")
            try tmux.send("Space")
            let done = try tmux.settled(containing: "✓ Lesson complete: recorded in \(progress)")
            #expect(done.contains("✓ Lesson complete: the goal holds"))
            #expect(done.contains("✓ multifd on"))
            try tmux.send("q")
            #expect(try tmux.waitForExit() == .exited(0), "a lesson leaves without asking about unsaved changes")
        }
        let recorded = try JSON(parsing: String(contentsOfFile: progress, encoding: .utf8))
        #expect(recorded["completed"] == .array([.string("postcopy-multifd")]))
        let list = try ChildProcess.run([binary, "learn"], environment: ["PATH": "/usr/bin:/bin", "XDG_STATE_HOME": state.path])
        #expect(list.standardOutput.contains(" 12 ✓ QEMU 9.0  postcopy-multifd"))
        #expect(!state.names.contains("migedit.save"))
    }

    /// A damaged progress file: the lesson still plays and completes, the status row says the
    /// progress was not saved, and the file is left exactly as it was.
    @Test func aDamagedProgressFileIsReportedAndLeftAlone() throws {
        let state = try TemporaryFolder()
        try FileManager.default.createDirectory(atPath: state.path + "/migedit", withIntermediateDirectories: true)
        let progress = state.path + "/migedit/lessons.json"
        try "not json".write(toFile: progress, atomically: true, encoding: .utf8)
        try withSession([binary, "learn", "switchover-ack"], environment: ["XDG_STATE_HOME": state.path]) { tmux in
            try tmux.waitForFirstFrame()
            try tmux.focus("return-path", showing: "▸ [ ] return-path ")
            try tmux.send("Space")
            let screen = try tmux.settled(containing: "Lesson complete, but progress was not saved:")
            #expect(screen.contains("✓ Lesson complete: the goal holds"))
            try tmux.send("q")
            #expect(try tmux.waitForExit() == .exited(0))
        }
        #expect(try String(contentsOfFile: progress, encoding: .utf8) == "not json")
    }

    // MARK: Helpers

    /// Runs `body` with `command` in a new tmux session and kills the server however it ends.
    /// The command runs in `directory`, or else in a folder of its own: killing the server
    /// hangs up on an editor with unsaved changes, which then writes `migedit.save` there.
    func withSession<T>(
        _ command: [String], columns: Int = 100, rows: Int = 30, directory: String? = nil,
        environment: [String: String] = [:], _ body: (TmuxSession) throws -> T
    ) throws -> T {
        let scratch = try TemporaryFolder()
        return try withExtendedLifetime(scratch) {
            let session = try TmuxSession(
                command: command, columns: columns, rows: rows, directory: directory ?? scratch.path,
                environment: environment)
            defer { session.kill() }
            return try body(session)
        }
    }

    /// Runs the editor from a shell that afterwards reports whether the tty settings are what
    /// they were before, prints `stty -a` and the editor's exit status, then waits (so the pane
    /// stays a live shell; a dead pane's "Pane is dead" line scrolls the screen).
    func withSession<T>(shell editor: [String], directory: String? = nil, _ body: (TmuxSession) throws -> T) throws -> T {
        let script = """
            before=$(stty -g); \(shellWords(editor)); status=$?; after=$(stty -g); \
            if [ "$before" = "$after" ]; then echo TTY=SAME; else echo TTY=CHANGED; fi; \
            stty -a; echo STATUS=$status; sleep 30
            """
        return try withSession(["/bin/bash", "-c", script], directory: directory, body)
    }

    /// After the editor has ended: the shell got the expected status, the tty settings are
    /// exactly those from before, canonical mode and echo are on, the alternate screen is left
    /// and the cursor is visible.
    func expectRestored(_ tmux: TmuxSession, status: Int32, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let screen = try tmux.settled(containing: "STATUS=", joiningWrappedLines: true)
        #expect(screen.contains("STATUS=\(status)\n"), "\(screen)", sourceLocation: sourceLocation)
        #expect(screen.contains("TTY=SAME"), "stty -g differs after the editor", sourceLocation: sourceLocation)
        let words = Set(screen.split(whereSeparator: \.isWhitespace).map(String.init))
        for flag in ["icanon", "echo", "isig", "icrnl", "onlcr", "opost", "echoe"] {
            #expect(words.contains(flag) && !words.contains("-" + flag), "stty shows \(flag) off", sourceLocation: sourceLocation)
        }
        #expect(!screen.contains("Settings"), "the editor's screen is gone", sourceLocation: sourceLocation)
        #expect(try tmux.display("#{alternate_on}") == "0", "left the alternate screen", sourceLocation: sourceLocation)
        #expect(try tmux.display("#{cursor_flag}") == "1", "cursor visible again", sourceLocation: sourceLocation)
    }

    /// The pid of the running `migedit` whose arguments include `argument` (the tmux server and
    /// the shell carry the same text in their command lines, so match the program name too).
    func editorProcess(withArgument argument: String) throws -> pid_t {
        let deadline = ContinuousClock.now + .seconds(Self.timeout)
        repeat {
            for entry in (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? [] {
                guard let pid = pid_t(entry),
                    let name = try? String(contentsOfFile: "/proc/\(entry)/comm", encoding: .utf8),
                    name.trimmingCharacters(in: .newlines) == "migedit",
                    let commandLine = FileManager.default.contents(atPath: "/proc/\(entry)/cmdline")
                else { continue }
                if commandLine.split(separator: 0).contains(where: { Array($0) == Array(argument.utf8) }) {
                    return pid
                }
            }
            usleep(50_000)
        } while ContinuousClock.now < deadline
        throw EndToEndError("no migedit process with argument \(argument)")
    }

    func shellWords(_ words: [String]) -> String {
        words.map { "'" + $0.replacingOccurrences(of: "'", with: "'\\''") + "'" }.joined(separator: " ")
    }
}

struct EndToEndError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

/// A folder under /tmp for one test, removed with everything in it afterwards.
final class TemporaryFolder: Sendable {
    let path: String

    init() throws {
        var template = Array("/tmp/migedit-e2e-XXXXXX".utf8CString)
        guard mkdtemp(&template) != nil else { throw EndToEndError("mkdtemp failed: \(errno)") }
        path = template.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }

    /// The names inside, hidden (temporary) files included.
    var names: Set<String> { Set((try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []) }
}

extension TmuxSession {
    /// Waits for the editor's first frame, so later keys reach it in cbreak mode.
    @discardableResult
    func waitForFirstFrame() throws -> String {
        try waitUntil("the editor's first frame") { $0.contains(" migedit · QEMU ") && $0.contains("q quit") }
    }

    /// Polls the screen until `predicate` holds on two captures in a row that are identical,
    /// and returns that screen; after `timeout` seconds throws with the last screen. Requiring
    /// a settled screen matters: tmux can be captured halfway through the editor's update (the
    /// error pane already new, the status row still old), and a test that then checks the rest
    /// of the screen would fail now and then.
    @discardableResult
    func waitUntil(
        _ what: String, timeout: Double = EditorEndToEndTests.timeout, joiningWrappedLines: Bool = false,
        _ predicate: (String) -> Bool
    ) throws -> String {
        let deadline = ContinuousClock.now + .milliseconds(Int(timeout * 1000))
        var screen = ""
        var previous: String?
        repeat {
            screen = try capture(joiningWrappedLines: joiningWrappedLines)
            if screen == previous, predicate(screen) { return screen }
            previous = screen
            usleep(40_000)
        } while ContinuousClock.now < deadline
        throw TmuxError.textNotFound(what, lastCapture: screen)
    }

    /// The settled screen once it shows `text`.
    @discardableResult
    func settled(containing text: String, joiningWrappedLines: Bool = false) throws -> String {
        try waitUntil("\"\(text)\"", joiningWrappedLines: joiningWrappedLines) { $0.contains(text) }
    }

    /// Focuses an entry the way a user would: `/`, its name, Enter. Waits until the search is
    /// open first, so an entry that was focused already cannot satisfy the wait too early.
    func focus(_ name: String) throws {
        try focus(name, showing: "─ \(name) ─")
    }

    /// Focuses an entry with `/`, waiting for `text` to show that it is focused (in a lesson
    /// the right pane shows the lesson, so the list's selected row tells instead).
    func focus(_ name: String, showing text: String) throws {
        try send("/")
        try settled(containing: "type words to find")
        try sendLiteral(name)
        try send("Enter")
        try settled(containing: text)
    }
}

extension String {
    /// The screen's rows (a capture ends with a newline, which starts no row).
    fileprivate var lines: [Substring] {
        var rows = split(separator: "\n", omittingEmptySubsequences: false)
        if rows.last == "" { rows.removeLast() }
        return rows
    }

    /// The entries shown in the list pane (its rows that are not headings), with runs of
    /// spaces collapsed so that rows compare across widths.
    fileprivate var listEntries: [String] {
        lines.compactMap { line -> String? in
            guard line.hasPrefix("│"), let end = line.dropFirst().firstIndex(of: "│") else { return nil }
            let cell = line[line.index(after: line.startIndex)..<end]
            guard cell.hasPrefix("  ") || cell.hasPrefix("▸ ") else { return nil }
            return cell.dropFirst(2).split(separator: " ").joined(separator: " ")
        }
    }

    /// Rows inside the list pane's box: between the top border (row 1) and the bottom one.
    fileprivate var listRows: Int {
        guard let bottom = lines.firstIndex(where: { $0.hasPrefix("└") }) else { return 0 }
        return bottom - 2
    }

    /// Whether an SGR sequence in a `capture-pane -e` sets a foreground or background colour.
    fileprivate var usesColour: Bool {
        let parameters = matches(of: /\x{1B}\[([0-9;]*)m/).flatMap { $0.output.1.split(separator: ";") }
        return parameters.contains { parameter in
            guard let code = Int(parameter) else { return false }
            return (30...38).contains(code) || (40...48).contains(code) || (90...97).contains(code) || (100...107).contains(code)
        }
    }
}
