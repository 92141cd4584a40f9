import MigrationCore
import Testing
@testable import MigrationEditor

/// No lost edits: everything that would drop unsaved changes (q, Ctrl-C, o) asks first, the
/// command line's values count as changes, and changes rescued by a signal come back.
@Suite("Unsaved changes")
struct UnsavedChangesTests {
    private func json(_ document: Profile) -> String {
        document.json
    }

    // MARK: o

    @Test func openingWithoutChangesDoesNotAsk() {
        var state = EditorState.fresh()
        state.press(.character("o"), .control("u"))
        #expect(state.press(Keys.type("b.json") + [.enter]) == [.open(path: "b.json")])
    }

    @Test func openingWithUnsavedChangesAsksAndStays() {
        var state = EditorState.fresh(profilePath: "a.json")
        state.press(.character(" "), .character("o"), .control("u"))
        #expect(state.press(Keys.type("b.json") + [.enter]).isEmpty)
        #expect(state.mode == .confirmLeaving(.open(path: "b.json")))
        let screen = render(state, size: state.size, monochrome: false)
        #expect(screen.text(ofRow: 21).contains("Unsaved changes: open b.json without saving them? y opens"))
        #expect(screen.text(ofRow: 23).contains("y open without saving  s save, then open  n stay"))
        for stay in [Key.character("n"), .escape] {
            state.mode = .confirmLeaving(.open(path: "b.json"))
            #expect(state.press(stay).isEmpty)
            #expect(state.mode == .list)
            #expect(state.isModified && state.profilePath == "a.json")
        }
    }

    @Test func openingWithUnsavedChangesCanDiscardThem() {
        var state = EditorState.fresh(profilePath: "a.json")
        state.press(.character(" "), .character("o"), .control("u"))
        state.press(Keys.type("b.json") + [.enter])
        #expect(state.press(.character("y")) == [.open(path: "b.json")])
        #expect(update(&state, .opened(Profile(), path: "b.json")) == [.lookForRescue(profilePath: "b.json")])
        #expect(state.profilePath == "b.json" && !state.isModified)
        state.press(.character("u"))
        #expect(state["xbzrle"] == .bool(true), "u still brings the discarded changes back")
    }

    @Test func openingWithUnsavedChangesCanSaveThemFirst() {
        var state = EditorState.fresh(profilePath: "a.json")
        state.press(.character(" "), .character("o"), .control("u"))
        state.press(Keys.type("b.json") + [.enter])
        #expect(state.press(.character("s")) == [.save(path: "a.json", contents: json(state.document))])
        #expect(update(&state, .saved(path: "a.json")) == [.open(path: "b.json")])
    }

    @Test func aFailedSaveBeforeOpeningOpensNothing() {
        var state = EditorState.fresh(profilePath: "a.json")
        state.press(.character(" "), .character("o"), .control("u"))
        state.press(Keys.type("b.json") + [.enter, .character("s")])
        #expect(update(&state, .saveFailed(reason: "disk full")).isEmpty)
        #expect(state.isModified && state.profilePath == "a.json")
    }

    // MARK: Ctrl-C

    @Test func ctrlCWithoutChangesLeavesAtOnce() {
        var state = EditorState.fresh()
        #expect(state.press(.control("c")) == [.interrupt])
    }

    @Test func ctrlCWithChangesAsksAndASecondCtrlCLeaves() {
        var state = EditorState.fresh()
        state.press(.character(" "))
        #expect(state.press(.control("c")).isEmpty)
        #expect(state.mode == .confirmLeaving(.interrupt))
        let screen = render(state, size: state.size, monochrome: false)
        let question = screen.text(ofRow: 21) + screen.text(ofRow: 22)
        #expect(question.contains("Unsaved changes: quit without saving?"))
        #expect(question.contains("Ctrl-C again quits"), "the whole question shows, over two rows")
        #expect(state.press(.control("c")) == [.interrupt])
    }

    @Test func ctrlCQuestionAnswers() {
        var state = EditorState.fresh(profilePath: "p.json")
        state.press(.character(" "), .control("c"))
        #expect(state.press(.character("n")).isEmpty)
        #expect(state.mode == .list && state.isModified)
        state.press(.control("c"))
        #expect(state.press(.character("y")) == [.interrupt])
        state.mode = .list
        state.press(.control("c"))
        #expect(state.press(.character("s")) == [.save(path: "p.json", contents: json(state.document))])
        #expect(update(&state, .saved(path: "p.json")) == [.interrupt], "saved, then leaves as Ctrl-C does")
    }

    @Test func ctrlCAtTheQuitQuestionLeaves() {
        var state = EditorState.fresh()
        state.press(.character(" "), .character("q"))
        #expect(state.press(.control("c")) == [.interrupt])
    }

    @Test func ctrlCWorksInEveryModeAndWhenTooSmall() {
        var state = EditorState.fresh()
        state.press(.character(" "), .character("?"))
        #expect(state.press(.control("c")).isEmpty)
        #expect(state.mode == .confirmLeaving(.interrupt))
        state.press(.character("n"), .resize(Size(columns: 40, rows: 10)))
        #expect(state.press(.control("c")).isEmpty)
        let screen = render(state, size: state.size, monochrome: false)
        #expect((0..<10).contains { screen.text(ofRow: $0).contains("quit without saving?") })
        #expect(state.press(.control("c")) == [.interrupt])
    }

    // MARK: Command-line changes

    @Test func commandLineChangesAreUnsavedAndUndoable() {
        var state = EditorState.fresh(profilePath: "p.json")
        var changed = Configuration()
        changed[.downtimeLimit] = .number(900)
        state.applyCommandLineChanges(Profile(configuration: changed))
        #expect(state["downtime-limit"] == .number(900))
        #expect(state.isModified)
        #expect(render(state, size: state.size, monochrome: false).text(ofRow: 0).contains("p.json (modified)"))
        #expect(state.press(.character("q")).isEmpty, "q asks")
        state.press(.escape, .character("u"))
        #expect(state["downtime-limit"] == Profile().configuration[.downtimeLimit])
        #expect(!state.isModified)
    }

    @Test func noCommandLineChangesMeansNothingModified() {
        var state = EditorState.fresh(profilePath: "p.json")
        state.applyCommandLineChanges(Profile())
        #expect(!state.isModified)
        #expect(state.press(.character("u")).isEmpty && state.status?.text == "Nothing to undo")
    }

    // MARK: Rescue files

    @Test func theRescueFileHoldsUnsavedChangesOnly() {
        var state = EditorState.fresh(profilePath: "dir/p.json")
        #expect(state.rescueFile == nil, "nothing unsaved, nothing written")
        state.press(.character(" "))
        #expect(state.rescueFile == RescueFile(path: "dir/p.json.save", contents: json(state.document)))
        var new = EditorState.fresh()
        new.press(.character(" "))
        #expect(new.rescueFile?.path == "migedit.save")
    }

    @Test func startingOnAProfileLooksForItsRescueFile() {
        #expect(EditorState.fresh(profilePath: "p.json").startupEffects == [.lookForRescue(profilePath: "p.json")])
        #expect(EditorState.fresh().startupEffects.isEmpty)
    }

    @Test func aRescueFileIsOfferedAndLoadedAsUnsavedChanges() {
        var state = EditorState.fresh(profilePath: "p.json")
        var rescued = Configuration()
        rescued[.multifd] = .bool(true)
        _ = update(&state, .foundRescue(Profile(configuration: rescued), path: "p.json.save"))
        guard case .offerRescue(let offer) = state.mode else {
            Issue.record("the rescue file is offered")
            return
        }
        #expect(offer.path == "p.json.save")
        let screen = render(state, size: state.size, monochrome: false)
        #expect((screen.text(ofRow: 21) + screen.text(ofRow: 22)).contains("p.json.save holds unsaved changes rescued"))
        #expect(screen.text(ofRow: 23).contains("l load the rescued changes  i ignore them"))
        #expect(state.press(.character("l")).isEmpty)
        #expect(state["multifd"] == .bool(true))
        #expect(state.isModified, "s writes them to the profile")
        #expect(state.press(.character("s")) == [.save(path: "p.json", contents: json(state.document))])
        _ = update(&state, .saved(path: "p.json"))
        state.press(.character("u"))
        #expect(state["multifd"] == .bool(false), "loading is one undoable step")
    }

    @Test func aRescueFileCanBeIgnored() {
        var state = EditorState.fresh(profilePath: "p.json")
        var rescued = Configuration()
        rescued[.multifd] = .bool(true)
        _ = update(&state, .foundRescue(Profile(configuration: rescued), path: "p.json.save"))
        state.press(.character("i"))
        #expect(state.mode == .list && !state.isModified)
        #expect(state.status?.text == "Ignored p.json.save; it stays on disk")
    }

    @Test func aRescueFileThatChangesNothingIsNotOffered() {
        var state = EditorState.fresh(profilePath: "p.json")
        _ = update(&state, .foundRescue(Profile(), path: "p.json.save"))
        #expect(state.mode == .list)
    }

    @Test func anUnreadableRescueFileIsReported() {
        var state = EditorState.fresh(profilePath: "p.json")
        _ = update(&state, .rescueUnreadable(reason: "p.json.save: not valid JSON"))
        #expect(state.status == StatusMessage(text: "A rescue file was found but not loaded: p.json.save: not valid JSON", kind: .error))
    }

    // MARK: ~ in file names

    @Test func promptsExpandALeadingTilde() {
        var state = EditorState.fresh()
        state.homeDirectory = "/home/ada"
        state.press(.character(" "), .character("S"), .control("u"))
        #expect(state.press(Keys.type("~/x.json") + [.enter]) == [.save(path: "/home/ada/x.json", contents: json(state.document))])
        _ = update(&state, .saved(path: "/home/ada/x.json"))
        state.press(.character("o"), .control("u"))
        #expect(state.press(Keys.type("~/y.json") + [.enter]) == [.open(path: "/home/ada/y.json")])
    }

    @Test(arguments: [
        ("~", "/home/ada"), ("~/", "/home/ada/"), ("~/a/b.json", "/home/ada/a/b.json"),
        ("~ada/x.json", "~ada/x.json"), ("a/~/x", "a/~/x"), ("x.json", "x.json"),
    ])
    func tildeExpansion(path: String, expanded: String) {
        #expect(HomeDirectory.expanding(path, home: "/home/ada") == expanded)
        #expect(HomeDirectory.expanding(path, home: "/home/ada/") == expanded)
        #expect(HomeDirectory.expanding(path, home: nil) == path)
    }

    // MARK: Saving what QEMU would reject

    @Test func savingARejectedProfileSaysSo() {
        var state = EditorState.fresh(profilePath: "p.json")
        state.press(Keys.toggle("postcopy-ram") + Keys.toggle("multifd") + [.character("s")])
        _ = update(&state, .saved(path: "p.json"))
        #expect(state.status?.text == "Saved p.json (QEMU 9.0 would reject it: 1 error)")
    }
}
