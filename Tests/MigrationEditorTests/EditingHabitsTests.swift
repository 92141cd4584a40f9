import MigrationCore
import Testing
@testable import MigrationEditor

@Suite("Editing habits: typing replaces, choices cycle both ways, digits start an edit")
struct EditingHabitsTests {
    private func field(_ state: EditorState) -> TextField? {
        if case .editing(let edit) = state.mode { return edit.field }
        return nil
    }

    @Test func typingIntoAFreshlyOpenedFieldReplacesTheOldValue() {
        var state = EditorState.fresh()
        state.press(Keys.find("multifd-channels") + [.enter])
        #expect(field(state)?.text == "2")
        #expect(field(state)?.isSelected == true, "the old value is selected")
        state.press(Keys.type("8") + [.enter])
        #expect(state["multifd-channels"] == .number(8), "8, not 28")
    }

    @Test func movementKeysKeepTheOldValueForAmending() {
        for key in [Key.left, .right, .home, .end, .control("a"), .control("e")] {
            var state = EditorState.fresh()
            state.press(Keys.find("multifd-channels") + [.enter, key])
            #expect(field(state)?.isSelected == false)
            state.press(.end, .character("0"), .enter)
            #expect(state["multifd-channels"] == .number(20), "\(key) kept the 2")
        }
    }

    @Test func backspaceErasesTheSelectedValue() {
        var state = EditorState.fresh()
        state.press(Keys.find("downtime-limit") + [.enter, .backspace])
        #expect(field(state)?.text == "")
        state.press(Keys.type("500") + [.enter])
        #expect(state["downtime-limit"] == .number(500))
    }

    @Test func aDigitOnANumericRowStartsAFreshEditWithIt() {
        var state = EditorState.fresh()
        state.press(Keys.find("multifd-channels") + Keys.type("16"))
        #expect(field(state)?.text == "16")
        state.press(.enter)
        #expect(state["multifd-channels"] == .number(16))
        #expect(state.mode == .list)
    }

    @Test func aDigitOnTheHostPageSizeStartsAnEdit() {
        var state = EditorState.fresh()
        state.press(Keys.find("host.page-size") + Keys.type("8192") + [.enter])
        #expect(state.document.host.value(of: .pageSize) == "8192")
    }

    @Test func aDigitElsewhereStillDoesNothing() {
        for name in ["tls-creds", "multifd", "multifd-compression"] {
            var state = EditorState.fresh()
            state.press(Keys.find(name) + [.character("4")])
            #expect(state.mode == .list, "\(name)")
            #expect(state.document == EditorState.fresh().document)
        }
    }

    @Test func leftAndRightCycleAChoiceBothWaysAndWrap() {
        var state = EditorState.fresh(version: .v10_0)
        state.press(Keys.find("multifd-compression"))
        guard case .enumeration(let choices) = state.document.item(.multifdCompression).type else {
            Issue.record("multifd-compression is a choice")
            return
        }
        #expect(state["multifd-compression"] == .choice(choices[0]))
        state.press(.left)
        #expect(state["multifd-compression"] == .choice(choices[choices.count - 1]), "Left from the first wraps to the last")
        state.press(.right)
        #expect(state["multifd-compression"] == .choice(choices[0]))
        state.press(.right, .character(" "))
        #expect(state["multifd-compression"] == .choice(choices[2]), "Right and Space both go forward")
    }

    @Test func leftAndRightCycleAHostFactAndFlipAToggle() {
        var state = EditorState.fresh()
        state.press(Keys.find("host.write-tracking") + [.left])
        #expect(state.document.host.value(of: .writeTracking) == "available", "Left from compatible, the last choice")
        state.press(Keys.find("events") + [.right])
        #expect(state["events"] == .bool(true))
        state.press(.left)
        #expect(state["events"] == .bool(false))
    }

    @Test func leftOnAFieldExplainsInsteadOfChanging() {
        var state = EditorState.fresh()
        state.press(Keys.find("downtime-limit") + [.left])
        #expect(state.mode == .list)
        #expect(state.status?.text.contains("Space and ←→ change toggles and choices") == true)
    }

    @Test func otherPromptsDoNotSelect() {
        var state = EditorState.fresh(profilePath: "p.json")
        state.press(.character("S"), .character("x"))
        guard case .prompt(let prompt) = state.mode else {
            Issue.record("S asks for a name")
            return
        }
        #expect(prompt.field.text == "p.jsonx", "typing into a file-name prompt appends")
    }
}
