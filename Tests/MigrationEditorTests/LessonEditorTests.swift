import MigrationCore
import Testing
@testable import MigrationEditor

extension EditorState {
    /// The editor playing the built-in lesson `id`.
    static func lesson(_ id: String, size: Size = standardSize) -> EditorState {
        let lesson = LessonLibrary.lesson(named: id)!
        return EditorState(lesson: lesson, number: LessonLibrary.all.firstIndex(of: lesson)! + 1, size: size)
    }

    /// The right pane's text as one string.
    var rightPaneText: String {
        DetailContent.lines(for: self, width: 76).map(\.text).joined(separator: "\n")
    }
}

@Suite("Lessons in the editor")
struct LessonEditorTests {
    @Test func opensOnTheLessonsStartWithItsTaskAndGoal() throws {
        let state = EditorState.lesson("postcopy-multifd")
        let session = try #require(state.lesson)
        #expect(state.document == session.lesson.start)
        #expect(!state.isModified)
        #expect(state.profileName == "lesson 12")
        #expect(!session.status.isMet)
        let pane = state.rightPaneText
        #expect(pane.contains("This QEMU 9.0 profile migrates a busy guest with postcopy-ram."))
        #expect(pane.contains("Goal: 2 of 3 met"))
        #expect(pane.contains("✗ multifd on"))
        #expect(pane.contains("✓ postcopy-ram on"))
        #expect(pane.contains("h gives a hint"))
    }

    @Test func hHintsWhyThenTheChangeAndAChangeStartsTheHintAgain() {
        var state = EditorState.lesson("zero-copy-encrypted")
        state.press(.character("h"))
        #expect(state.rightPaneText.contains("QEMU 9.0 stops at: Zero copy only available for non-compressed non-TLS"))
        #expect(!state.rightPaneText.contains("Try:"))
        state.press(.character("h"))
        #expect(state.rightPaneText.contains("Try: set zero-copy-send off."))
        #expect(state.status?.text == "Hint: Try: set zero-copy-send off.")
        state.press(.character("h"))
        #expect(state.status?.text.hasPrefix("That is the whole hint for this step") == true)
        state.press(Keys.toggle("events"))
        #expect(!state.rightPaneText.contains("Try:"), "a new configuration gets a new hint")
        #expect(state.rightPaneText.contains("h gives a hint"))
    }

    @Test func reachingTheGoalCompletesTheLessonAndAsksOnceToRecordIt() throws {
        var state = EditorState.lesson("switchover-ack")
        let effects = state.press(Keys.toggle("return-path"))
        #expect(effects == [.recordLessonCompleted(id: "switchover-ack")])
        #expect(state.lesson?.status.isMet == true)
        #expect(state.status?.text == "✓ Lesson complete: the goal holds")
        #expect(state.rightPaneText.contains("✓ Lesson complete: the goal holds"))
        #expect(state.rightPaneText.contains("Next: migedit learn 2 (Size the xbzrle cache)."))
        _ = update(&state, .lessonRecorded(path: "/state/migedit/lessons.json"))
        #expect(state.status?.text == "✓ Lesson complete: recorded in /state/migedit/lessons.json")
        #expect(state.press(.character("u"), .control("r")).isEmpty, "recorded once a session")
    }

    @Test func progressThatCannotBeSavedIsSaidAsAnError() {
        var state = EditorState.lesson("switchover-ack")
        state.press(Keys.toggle("return-path"))
        _ = update(&state, .lessonNotRecorded(reason: "p.json is no lesson progress file (left as it was)"))
        #expect(state.status == StatusMessage(text: "Lesson complete, but progress was not saved: p.json is no lesson progress file (left as it was)", kind: .error))
    }

    @Test func capitalRRestartsTheLessonAsOneChangeUUndoes() {
        var state = EditorState.lesson("xbzrle-cache")
        state.press(Keys.set("xbzrle-cache-size", to: "64M"))
        let changed = state.document
        state.press(.character("R"))
        #expect(state.document == state.lesson?.lesson.start)
        #expect(state.status?.text == "Back at the lesson's start (u undoes)")
        state.press(.character("R"))
        #expect(state.status?.text == "Already at the lesson's start")
        state.press(.character("u"))
        #expect(state.document == changed)
    }

    @Test func lSwitchesTheRightPaneBetweenTheLessonAndTheEntry() {
        var state = EditorState.lesson("xbzrle-cache")
        state.press(.character("l"))
        #expect(!state.showsLessonPane)
        #expect(state.rightPaneText.hasPrefix("-global migration.xbzrle-cache-size") || state.rightPaneText.contains("capability"))
        state.press(.character("l"))
        #expect(state.showsLessonPane)
    }

    @Test func theLessonPaneScrollsOnItsOwnAndStaysWhenTheFocusMoves() {
        var state = EditorState.lesson("background-snapshot")
        state.press(.tab, .down, .down)
        #expect(state.lesson?.scroll == 2)
        state.press(.tab, .down, .down)
        #expect(state.lesson?.scroll == 2, "moving in the list keeps the lesson's place")
    }

    @Test func leavingALessonAsksNothingAndRescuesNothing() {
        var state = EditorState.lesson("switchover-ack")
        state.press(Keys.toggle("events"))
        #expect(state.isModified)
        #expect(state.rescueFile == nil)
        #expect(state.press(.character("q")) == [.quit(printing: nil)])
    }

    @Test func lessonKeysDoNothingOutsideALesson() {
        var state = EditorState.fresh()
        for key in ["h", "R", "l"] {
            state.press(.character(Character(key)))
            #expect(state.status?.text == "\(key) does nothing here; ? lists every key")
        }
    }

    @Test func theLegendPutsTheLessonKeysFirstAndKeepsTheRelease() {
        for columns in [80, 100, 120] {
            let state = EditorState.lesson("zero-copy-encrypted", size: Size(columns: columns, rows: 24))
            let legend = KeyLegend.text(for: state, width: columns - 2)
            #expect(legend.contains("h hint  R restart"), "\(columns): \(legend)")
            #expect(legend.contains("v QEMU") || legend.contains("v version"), "\(columns): \(legend)")
            #expect(legend.hasSuffix("? help  q quit"))
        }
    }
}
