@testable import MigrationCore
import Testing
@testable import MigrationEditor

extension LiveSnapshot {
    /// What a QEMU of `version` holding `configuration` answers, as the QMP client reads it.
    static func holding(_ configuration: Configuration, version: QEMUVersion = .v10_0, migration: String = "{}") throws -> LiveSnapshot {
        let catalog = Catalog.for(version)
        let capabilities = catalog.items.filter { $0.kind == .capability }.map { item in
            JSON.object([JSONMember(key: "capability", value: .string(item.name)), JSONMember(key: "state", value: .bool(configuration.isOn(item.id)))])
        }
        let parameters = catalog.items.filter { $0.kind == .parameter && (configuration.isChanged($0.id) || $0.isAlwaysReportedByQuery) }.map {
            JSONMember(key: $0.name, value: ValueJSON.encode(configuration[$0.id]))
        }
        let numbers = version.rawValue.split(separator: ".").map { JSON.number(UInt64($0)!) }
        return try LiveSnapshot(replies: [
            "version": .object([JSONMember(key: "qemu", value: .object([
                JSONMember(key: "major", value: numbers[0]), JSONMember(key: "minor", value: numbers[1]), JSONMember(key: "micro", value: .number(2)),
            ]))]),
            "kvm": .object([JSONMember(key: "enabled", value: .bool(true))]),
            "status": .object([JSONMember(key: "status", value: .string("running"))]),
            "migrate": try JSON(parsing: migration),
            "caps": .array(capabilities), "params": .object(parameters),
        ])
    }
}

@Suite("Live editing")
struct LiveEditorTests {
    static let address = "unix:/run/vm1.qmp"

    func attached(_ configuration: Configuration = Configuration(), migration: String = "{}") throws -> EditorState {
        var state = EditorState.fresh()
        state.attach(to: LiveTarget(address: Self.address, snapshot: try .holding(configuration, migration: migration)))
        return state
    }

    var running: Configuration {
        var configuration = Configuration()
        configuration[.multifd] = .bool(true)
        configuration[.multifdChannels] = .number(4)
        return configuration
    }

    @Test func attachingShowsQEMUsSettingsAndTheTargetInTheTitle() throws {
        let state = try attached(running)
        #expect(state.document.configuration == running && state.document.version == .v10_0)
        #expect(!state.isModified)
        let screen = render(state, size: EditorState.standardSize, monochrome: false)
        #expect(screen.text(ofRow: 0).hasPrefix(" migedit · QEMU 10.0.2 at unix:/run/vm1.qmp · applied"))
        #expect(screen.text(ofRow: 23).hasPrefix(" ␣⏎ change  a apply  r re-read"))
    }

    @Test func aShowsTheDifferenceAndYesSendsIt() throws {
        var state = try attached(running)
        state.press(Keys.set("multifd-channels", to: "8") + Keys.toggle("dirty-bitmaps"))
        #expect(render(state, size: EditorState.standardSize, monochrome: false).text(ofRow: 0).contains("· 2 to apply"))
        #expect(state.press(.character("a")).isEmpty)
        guard case .confirmApply(let confirmation) = state.mode else {
            Issue.record("a did not ask: \(state.mode)")
            return
        }
        #expect(confirmation.plan.changes.map(\.id) == [.dirtyBitmaps, .multifdChannels])
        let screen = render(state, size: EditorState.standardSize, monochrome: false)
        #expect(screen.text(ofRow: 1).hasPrefix("  Apply to QEMU 10.0.2 at unix:/run/vm1.qmp: 2 changes"))
        #expect(screen.text(ofRow: 2).hasPrefix("    dirty-bitmaps     off → on"))
        #expect(screen.text(ofRow: 22).hasPrefix(" Send these 2 changes to QEMU 10.0.2? y applies · n goes back"))
        let effects = state.press(.character("y"))
        #expect(effects == [.applyLive(confirmation.plan, wanted: state.document)])
        #expect(state.mode == .list)

        let outcome = LiveApplyOutcome(accepted: 2, refusal: nil, readBack: try .holding(state.document.configuration), wanted: state.document.configuration)
        _ = update(&state, .liveApplied(outcome, wanted: state.document))
        #expect(state.status?.text == "Applied to QEMU 10.0.2 at unix:/run/vm1.qmp: every value reads back as sent")
        #expect(!state.isModified && state.live?.error == nil)
        #expect(render(state, size: EditorState.standardSize, monochrome: false).text(ofRow: 0).contains("· applied"))
    }

    /// A long difference scrolls, and no further than its last line.
    @Test func theQuestionScrollsWithinItsLines() throws {
        var state = try attached()
        for name in ["announce-initial", "announce-max", "announce-rounds", "announce-step", "cpu-throttle-initial",
                     "cpu-throttle-increment", "downtime-limit", "max-cpu-throttle", "multifd-channels", "x-checkpoint-delay",
                     "throttle-trigger-threshold", "max-bandwidth", "avail-switchover-bandwidth", "max-postcopy-bandwidth",
                     "multifd-zlib-level", "multifd-zstd-level", "vcpu-dirty-limit"] {
            state.press(Keys.set(name, to: "7"))
        }
        state.press(Keys.toggle("events") + Keys.toggle("dirty-bitmaps") + [.character("a")])
        state.press(Array(repeating: .pageDown, count: 5))
        guard case .confirmApply(let bottom) = state.mode else {
            Issue.record("a did not ask: \(state.mode)")
            return
        }
        let lines = ApplyScreen.lines(for: bottom, target: state.live?.name ?? "", width: 77).count
        #expect(lines > 21)
        #expect(bottom.scroll == lines - Layout(size: EditorState.standardSize).screenBodyHeight, "stops at the last line")
        state.press(.up)
        guard case .confirmApply(let above) = state.mode else { return }
        #expect(above.scroll == bottom.scroll - 1, "one line up from the bottom, not from past it")
    }

    @Test func noSaysNoAndNothingIsSent() throws {
        var state = try attached()
        state.press(Keys.toggle("events"))
        state.press(.character("a"))
        #expect(state.press(.character("n")).isEmpty)
        #expect(state.mode == .list && state.status?.text == "Nothing was sent to QEMU")
    }

    @Test func nothingIsSentThatTheLocalCheckRejects() throws {
        var state = try attached()
        state.press(Keys.toggle("switchover-ack"))
        #expect(state.press(.character("a")).isEmpty)
        #expect(state.mode == .list)
        #expect(state.status == .error("QEMU 10.0 would refuse this: Capability 'switchover-ack' requires capability 'return-path'; nothing is sent"))
    }

    @Test func capabilitiesWaitForARunningMigrationButParametersDoNot() throws {
        var state = try attached(migration: #"{"status": "active"}"#)
        state.press(Keys.toggle("events"))
        state.press(.character("a"))
        #expect(state.mode == .list)
        #expect(state.status?.text == "A migration runs (active): There's a migration process in progress; only parameters can change now")
        state.press(.character("u"))
        state.press(Keys.set("max-bandwidth", to: "1G") + [.character("a")])
        #expect(state.mode != .list)
    }

    @Test func qemusRefusalGoesToTheErrorPaneAndTheEditsStay() throws {
        var state = try attached()
        state.press(Keys.toggle("events") + [.character("a"), .character("y")])
        let edited = state.document
        let outcome = LiveApplyOutcome(
            accepted: 0, refusal: "There's a migration process in progress", readBack: try .holding(Configuration()), wanted: edited.configuration)
        _ = update(&state, .liveApplied(outcome, wanted: edited))
        #expect(state.document == edited)
        #expect(state.live?.error == "QEMU refused: There's a migration process in progress")
        let screen = render(state, size: EditorState.standardSize, monochrome: false)
        #expect(screen.text(ofRow: Layout(size: EditorState.standardSize).errorTop).hasPrefix(" ✗ QEMU refused: There's a migration process in progress"))
    }

    @Test func aValueNotTakenIsReported() throws {
        var state = try attached()
        state.press(Keys.set("multifd-zstd-level", to: "5") + [.character("a"), .character("y")])
        let wanted = state.document
        let outcome = LiveApplyOutcome(accepted: 1, refusal: nil, readBack: try .holding(Configuration()), wanted: wanted.configuration)
        _ = update(&state, .liveApplied(outcome, wanted: wanted))
        #expect(state.live?.error == "QEMU did not take multifd-zstd-level (holds 1)")
        #expect(state.status == .error("Applied, but QEMU did not take 1 of the changes"))
        #expect(state.isModified)
    }

    @Test func aQEMUThatWentAwayKeepsTheEdits() throws {
        var state = try attached(running)
        state.press(Keys.set("downtime-limit", to: "900") + [.character("a"), .character("y")])
        let edited = state.document
        _ = update(&state, .liveFailed(reason: "QEMU at unix:/run/vm1.qmp went away (the QMP connection closed)"))
        #expect(state.document == edited)
        #expect(state.status == .error("QEMU at unix:/run/vm1.qmp went away (the QMP connection closed); your edits are kept"))
        let screen = render(state, size: EditorState.standardSize, monochrome: false)
        #expect(screen.text(ofRow: Layout(size: EditorState.standardSize).errorTop).contains("went away"))
    }

    @Test func rRereadsAndUndoGoesBackToTheAttachValuesWhichApply() throws {
        var state = try attached(running)
        state.press(Keys.set("multifd-channels", to: "16"))
        #expect(state.press(.character("r")) == [.readLive(host: state.document.host)])
        var elsewhere = running
        elsewhere[.maxBandwidth] = .number(1 << 30)
        _ = update(&state, .liveRead(try .holding(elsewhere)))
        #expect(state.document.configuration == elsewhere && !state.isModified)
        #expect(state.status?.text == "Read QEMU 10.0.2 at unix:/run/vm1.qmp again; u brings back what it replaced")
        state.press(.character("u"), .character("u"))
        #expect(state.document == (try LiveSnapshot.holding(running)).profile, "back to the values read at attach")
        state.press(.character("a"))
        guard case .confirmApply(let confirmation) = state.mode else {
            Issue.record("the attach values cannot be applied: \(state.mode)")
            return
        }
        #expect(confirmation.plan.changes == [LiveChange(id: .maxBandwidth, running: .number(1 << 30), wanted: .number(128 << 20))])
    }

    @Test func withoutAQEMUTheLiveKeysSaySo() {
        var state = EditorState.fresh()
        #expect(state.press(.character("a")).isEmpty)
        #expect(state.status?.text == "a applies the settings to a running QEMU; attach to one with migedit edit --qmp SOCKET")
        #expect(state.press(.character("r")).isEmpty)
        #expect(state.mode == .list)
    }

    @Test func theReleaseIsQEMUsOwn() throws {
        var state = try attached()
        state.press(.character("v"))
        #expect(state.mode == .list)
        #expect(state.status?.text.hasPrefix("Attached to QEMU 10.0.2 at unix:/run/vm1.qmp: the release") == true)
    }
}
