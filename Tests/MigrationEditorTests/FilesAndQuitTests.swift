import MigrationCore
import Testing
@testable import MigrationEditor

@Suite("Saving, opening, exporting and quitting")
struct FilesAndQuitTests {
    private func profileJSON(_ state: EditorState) -> String {
        Profile(configuration: state.document.configuration, host: state.document.host).json
    }

    @Test func qQuitsAtOnceWhenNothingChanged() {
        var state = EditorState.fresh()
        #expect(state.press(.character("q")) == [.quit(printing: nil)])
    }

    @Test func qAsksWhenThereAreUnsavedChanges() {
        var state = EditorState.fresh()
        state.press(.character(" "))
        #expect(state.press(.character("q")).isEmpty)
        #expect(state.mode == .confirmLeaving(.quit))
        state.press(.character("n"))
        #expect(state.mode == .list)
        state.press(.character("q"), .escape)
        #expect(state.mode == .list)
        state.press(.character("q"))
        #expect(state.press(.character("y")) == [.quit(printing: nil)])
    }

    @Test func undoingEveryChangeMeansNothingToAsk() {
        var state = EditorState.fresh()
        state.press(.character(" "), .character("u"))
        #expect(state.press(.character("q")) == [.quit(printing: nil)])
    }

    @Test func wSavesThenQuitsPrintingTheGlobalLine() {
        var state = EditorState.fresh(profilePath: "/tmp/prod.json")
        state.press(Keys.toggle("multifd") + Keys.set("multifd-channels", to: "8"))
        let effects = state.press(.character("w"))
        let json = Profile(configuration: state.document.configuration, host: state.document.host).json
        #expect(effects == [.save(path: "/tmp/prod.json", contents: json)])
        #expect(update(&state, .saved(path: "/tmp/prod.json"))
            == [.quit(printing: "-global migration.x-multifd=on -global migration.multifd-channels=8")])
    }

    @Test func wOnANewProfileAsksWhereToSaveFirst() {
        var state = EditorState.fresh()
        state.press(Keys.toggle("multifd"))
        #expect(state.press(.character("w")).isEmpty)
        guard case .prompt(let prompt) = state.mode else {
            Issue.record("w did not ask for a file name")
            return
        }
        #expect(prompt.purpose == .save(then: .quit(printing: "-global migration.x-multifd=on")))
    }

    @Test func wRefusesWhatQEMURefuses() {
        var state = EditorState.fresh(profilePath: "/tmp/prod.json")
        state.press(Keys.toggle("postcopy-ram") + Keys.toggle("multifd"))
        #expect(state.press(.character("w")).isEmpty)
        #expect(state.status?.kind == .error)
        #expect(state.status?.text.contains("Postcopy is not yet compatible with multifd") == true)
    }

    @Test func aFailedSaveBeforeWStaysInTheEditor() {
        var state = EditorState.fresh(profilePath: "/tmp/prod.json")
        state.press(Keys.toggle("events"))
        _ = state.press(.character("w"))
        #expect(update(&state, .saveFailed(reason: "cannot write /tmp/prod.json: read-only file system")).isEmpty)
        #expect(state.isModified)
    }

    @Test func wOnTheDefaultsPrintsAnEmptyLine() {
        var state = EditorState.fresh()
        #expect(state.press(.character("w")) == [.quit(printing: "")])
    }

    @Test func sSavesToTheProfilePath() {
        var state = EditorState.fresh(profilePath: "/tmp/prod.json")
        state.press(.character(" "))
        let effects = state.press(.character("s"))
        #expect(effects == [.save(path: "/tmp/prod.json", contents: profileJSON(state))])
        #expect(state.isModified, "still modified until the save is confirmed")
        _ = update(&state, .saved(path: "/tmp/prod.json"))
        #expect(!state.isModified)
        #expect(state.status?.text == "Saved /tmp/prod.json")
    }

    @Test func sOnANewProfileAsksForAPath() {
        var state = EditorState.fresh()
        state.press(.character(" "))
        #expect(state.press(.character("s")).isEmpty)
        guard case .prompt(let prompt) = state.mode else {
            Issue.record("s on a new profile prompts")
            return
        }
        #expect(prompt.purpose == .save(then: .stay))
        #expect(prompt.field.text == "migration.json")
        state.press(.control("u"))
        let effects = state.press(Keys.type("a.json") + [.enter])
        #expect(effects == [.save(path: "a.json", contents: profileJSON(state))])
        _ = update(&state, .saved(path: "a.json"))
        #expect(state.profilePath == "a.json")
        #expect(state.profileName == "a.json")
    }

    @Test func anEmptyFileNameIsNotAccepted() {
        var state = EditorState.fresh()
        state.press(.character("s"), .control("u"))
        #expect(state.press(.enter).isEmpty)
        #expect(state.status?.text == "Type a file name, or Esc to cancel")
        state.press(.escape)
        #expect(state.mode == .list)
    }

    @Test func shiftSSavesUnderAnotherName() {
        var state = EditorState.fresh(profilePath: "dir/old.json")
        state.press(.character("S"))
        guard case .prompt(let prompt) = state.mode else {
            Issue.record("S prompts")
            return
        }
        #expect(prompt.field.text == "dir/old.json")
    }

    @Test func aFailedSaveSaysWhyAndLosesNothing() {
        var state = EditorState.fresh(profilePath: "/ro/prod.json")
        state.press(.character(" "), .character("s"))
        let document = state.document
        _ = update(&state, .saveFailed(reason: "/ro/prod.json: Permission denied"))
        #expect(state.status == StatusMessage(
            text: "Not saved: /ro/prod.json: Permission denied. Nothing was lost; s retries, S saves elsewhere",
            kind: .error))
        #expect(state.document == document)
        #expect(state.isModified)
        let screen = render(state, size: state.size, monochrome: false)
        #expect(screen.text(ofRow: 21).contains("Not saved: /ro/prod.json: Permission denied"), "over two rows")
        #expect(screen.text(ofRow: 22).contains("elsewhere"))
        #expect(screen[21, 1].role == .error)
    }

    @Test func theQuitQuestionCanSaveFirst() {
        var state = EditorState.fresh(profilePath: "p.json")
        state.press(.character(" "), .character("q"))
        let effects = state.press(.character("s"))
        #expect(effects == [.save(path: "p.json", contents: profileJSON(state))])
        #expect(update(&state, .saved(path: "p.json")) == [.quit(printing: nil)])
    }

    @Test func theQuitQuestionAsksForAPathWhenThereIsNone() {
        var state = EditorState.fresh()
        state.press(.character(" "), .character("q"), .character("s"))
        let effects = state.press(.enter)
        #expect(effects == [.save(path: "migration.json", contents: profileJSON(state))])
        #expect(update(&state, .saved(path: "migration.json")) == [.quit(printing: nil)])
    }

    @Test func aFailedSaveBeforeQuittingDoesNotQuit() {
        var state = EditorState.fresh(profilePath: "p.json")
        state.press(.character(" "), .character("q"), .character("s"))
        #expect(update(&state, .saveFailed(reason: "disk full")).isEmpty)
        #expect(update(&state, .saved(path: "p.json")).isEmpty, "a later save does not quit either")
    }

    @Test func oPromptsAndAsksTheOutsideToOpen() {
        var state = EditorState.fresh()
        state.press(.character("o"))
        let effects = state.press(Keys.type("prod.json") + [.enter])
        #expect(effects == [.open(path: "prod.json")])
        #expect(state.mode == .list)
    }

    @Test func anOpenedProfileReplacesTheDocumentAsOneUndoableStep() {
        var state = EditorState.fresh()
        state.press(.character(" "))
        var configuration = Configuration()
        configuration[.multifd] = .bool(true)
        var host = Host.standard
        host.kvm = false
        _ = update(&state, .opened(Profile(configuration: configuration, host: host), path: "/p/prod.json"))
        #expect(state.document == Profile(configuration: configuration, host: host))
        #expect(!state.isModified)
        #expect(state.profilePath == "/p/prod.json")
        #expect(state.profileName == "prod.json")
        state.press(.character("u"))
        #expect(state["xbzrle"] == .bool(true))
        #expect(state.isModified, "the undone document is still unsaved")
        #expect(state.profilePath == nil, "undo goes back to the file the document belongs to")
        #expect(state.press(.character("s")).isEmpty, "s asks for a path instead of overwriting prod.json")
        state.press(.escape)
        state.press(.control("r"))
        #expect(state.profilePath == "/p/prod.json")
        #expect(!state.isModified)
    }

    @Test func aFailedOpenSaysWhy() {
        var state = EditorState.fresh()
        _ = update(&state, .openFailed(reason: "profile is not valid JSON"))
        #expect(state.status == StatusMessage(text: "Could not open the profile: profile is not valid JSON", kind: .error))
    }

    @Test func theExportScreenCyclesFormats() {
        var state = EditorState.fresh()
        state.press(Keys.toggle("multifd") + [.character("e")])
        #expect(state.mode.exportView?.format == .global)
        state.press(.tab)
        #expect(state.mode.exportView?.format == .qmp)
        state.press(.tab)
        #expect(state.mode.exportView?.format == .hmp)
        state.press(.tab)
        #expect(state.mode.exportView?.format == .json)
        state.press(.tab)
        #expect(state.mode.exportView?.format == .virsh)
        state.press(.tab)
        #expect(state.mode.exportView?.format == .global)
        state.press(.backTab)
        #expect(state.mode.exportView?.format == .virsh)
        state.press(.backTab)
        #expect(state.mode.exportView?.format == .json)
        state.press(.backTab)
        #expect(state.mode.exportView?.format == .hmp)
        #expect(state.mode.exportView?.export.text == "migrate_set_capability multifd on")
        state.press(.escape)
        #expect(state.mode == .list)
    }

    @Test func wOnTheExportScreenWritesTheShownFormat() {
        var state = EditorState.fresh(profilePath: "prod.json")
        state.press(Keys.toggle("multifd") + [.character("e"), .tab, .character("w")])
        guard case .prompt(let prompt) = state.mode else {
            Issue.record("w prompts for a file")
            return
        }
        #expect(prompt.field.text == "prod.qmp")
        let effects = state.press(.enter)
        let qmp = Exporter.export(state.document.configuration, host: state.document.host, format: .qmp).text
        #expect(effects == [.writeExport(path: "prod.qmp", contents: qmp + "\n")])
        #expect(state.mode.exportView?.format == .qmp, "back on the export screen")
        _ = update(&state, .exported(path: "prod.qmp"))
        #expect(state.status?.text == "Wrote the export to prod.qmp")
        _ = update(&state, .exportFailed(reason: "no space"))
        #expect(state.status == StatusMessage(text: "Could not write the export: no space", kind: .error))
    }

    @Test func theExportScreenScrolls() {
        var state = EditorState.fresh()
        for name in ["multifd", "events", "return-path", "switchover-ack", "auto-converge", "release-ram"] {
            state.press(Keys.toggle(name))
        }
        for name in ["downtime-limit", "max-bandwidth", "announce-max", "announce-initial", "announce-rounds", "multifd-channels", "compress-level", "cpu-throttle-initial"] {
            state.press(Keys.set(name, to: "7"))
        }
        state.press(.character("e"), .backTab, .pageDown)
        #expect((state.mode.exportView?.scroll ?? 0) > 0)
        state.press(.home)
        #expect(state.mode.exportView?.scroll == 0)
    }

    @Test func helpOpensAndCloses() {
        var state = EditorState.fresh()
        for close in [Key.escape, .character("q"), .character("?"), .function(1)] {
            state.press(.character("?"))
            #expect(state.mode == .help(scroll: 0))
            state.press(.down)
            #expect(state.mode == .help(scroll: 1))
            state.press(close)
            #expect(state.mode == .list)
        }
        state.press(.function(1))
        #expect(state.mode == .help(scroll: 0))
    }

    @Test func helpListsEveryKey() {
        let lines = HelpText.lines(width: 200).map(\.text)
        for key in ["↑ ↓  k j", "PgUp PgDn", "Home End  g G", "Tab", "Space", "Enter", "d ", "u  Ctrl-R", "Esc",
                    "← → Home End", "Ctrl-U", "Backspace Del", "/ ", "n N", "c ", "a ", "r ", "e ", "s S", "o ", "w ", "q ", "Ctrl-C", "? F1"] {
            #expect(lines.contains { $0.hasPrefix(key) }, "help lists \(key)")
        }
    }
}
