import MigrationCore
import Testing
@testable import MigrationEditor

@Suite("Editing a field in place")
struct EditingTests {
    private func editing(_ state: EditorState) -> FieldEdit? {
        if case .editing(let edit) = state.mode { return edit }
        return nil
    }

    @Test func enterOpensTheFieldWithTheCurrentValueAsQEMUWouldSpellIt() {
        var state = EditorState.fresh()
        state.press(Keys.find("xbzrle-cache-size") + [.enter])
        let edit = editing(state)
        #expect(edit?.field.text == "64M")
        #expect(edit?.field.cursor == 3)
    }

    @Test func enterCommitsAParsableValue() {
        var state = EditorState.fresh()
        state.press(Keys.set("xbzrle-cache-size", to: "128M"))
        #expect(state.mode == .list)
        #expect(state["xbzrle-cache-size"] == .number(128 << 20))
        #expect(state.history.undoStack.last?.label == "xbzrle-cache-size = 128 MiB")
    }

    @Test func aValueThatBreaksARuleCanStillBeCommitted() {
        var state = EditorState.fresh()
        state.press(Keys.set("multifd-channels", to: "0"))
        #expect(state["multifd-channels"] == .number(0))
        #expect(state.report.firstError?.ruleID == "multifd-channels-range")
    }

    @Test func enterRefusesAnUnparsableValueAndSaysWhy() {
        var state = EditorState.fresh()
        state.press(Keys.set("multifd-channels", to: "300"))
        let edit = editing(state)
        #expect(edit?.rejected == true)
        #expect(edit?.feedback == .invalid("multifd-channels: expects an integer 0..255 (uint8), got '300'"))
        #expect(state["multifd-channels"] == .number(2))
        let screen = render(state, size: state.size, monochrome: false)
        #expect(screen.text(ofRow: 21).contains("Not committed: multifd-channels: expects an integer"), "over two rows")
        #expect(screen.text(ofRow: 22).contains("'300'"))
        state.press(.backspace)
        #expect(editing(state)?.rejected == false, "the refusal is shown until the next key")
    }

    @Test func escapeCancelsAndRestores() {
        var state = EditorState.fresh()
        state.press(Keys.edit("downtime-limit", to: "9999") + [.escape])
        #expect(state.mode == .list)
        #expect(state["downtime-limit"] == .number(300))
        #expect(state.status?.text == "Edit cancelled; downtime-limit stays 300 ms")
        #expect(state.history.undoStack.count == 0)
    }

    @Test func feedbackIsLiveOnEveryKeystroke() {
        var state = EditorState.fresh()
        state.press(Keys.find("downtime-limit") + [.enter, .control("u")])
        guard case .invalid = editing(state)?.feedback else {
            Issue.record("an empty number does not parse")
            return
        }
        state.press(Keys.type("3000000"))
        guard case .valid(let trial, let findings) = editing(state)?.feedback else {
            Issue.record("3000000 should parse")
            return
        }
        #expect(trial.configuration[.downtimeLimit] == .number(3_000_000))
        #expect(findings.map(\.ruleID) == ["downtime-limit-range"])
        state.press(.backspace)
        guard case .valid(_, let fewer) = editing(state)?.feedback else {
            Issue.record("300000 should parse")
            return
        }
        #expect(fewer.isEmpty)
        #expect(state.report.isAccepted, "nothing is committed while typing")
    }

    @Test func cursorKeysEditInsideTheField() {
        var state = EditorState.fresh()
        state.press(Keys.edit("tls-creds", to: "tls0"))
        state.press(.left, .left, .character("-"))
        #expect(editing(state)?.field.text == "tl-s0")
        state.press(.home, .character("x"))
        #expect(editing(state)?.field.text == "xtl-s0")
        state.press(.delete)
        #expect(editing(state)?.field.text == "xl-s0")
        state.press(.end, .backspace)
        #expect(editing(state)?.field.text == "xl-s")
        state.press(.right, .delete, .home, .backspace)
        #expect(editing(state)?.field.text == "xl-s", "Delete at the end and Backspace at the start do nothing")
        #expect(editing(state)?.field.cursor == 0)
    }

    @Test func textFieldsAcceptEmptyText() {
        var state = EditorState.fresh()
        state.press(Keys.set("tls-creds", to: "tls0"))
        #expect(state["tls-creds"] == .text("tls0"))
        state.press(Keys.set("tls-creds", to: ""))
        #expect(state["tls-creds"] == .text(""))
    }

    @Test func aStringThatBreaksARuleIsReported() {
        var state = EditorState.fresh()
        state.press(Keys.toggle("multifd") + Keys.toggle("zero-copy-send") + Keys.edit("tls-creds", to: "tls0"))
        guard case .valid(_, let findings) = editing(state)?.feedback else {
            Issue.record("any text parses as a string")
            return
        }
        #expect(findings.map(\.ruleID).contains("zero-copy-send-vs-compression-or-tls"))
    }

    @Test func thePageSizeHostFactIsEditedAsText() {
        var state = EditorState.fresh()
        state.press(Keys.edit("host.page-size", to: "1000"))
        guard case .invalid(let message) = editing(state)?.feedback else {
            Issue.record("1000 is not a power of two")
            return
        }
        #expect(message.contains("power of two"))
        state.press(.control("u"))
        state.press(Keys.type("65536") + [.enter])
        #expect(state.document.host.pageSize == 65536)
    }

    @Test func committingTheSameValueRecordsNothing() {
        var state = EditorState.fresh()
        state.press(Keys.set("downtime-limit", to: "300"))
        #expect(state.history.undoStack.isEmpty)
        #expect(state.status?.text == "downtime-limit unchanged")
    }

    @Test func theFieldIsDrawnInPlaceWithTheCursorInIt() {
        var state = EditorState.fresh()
        state.press(Keys.edit("downtime-limit", to: "42"))
        let screen = render(state, size: state.size, monochrome: false)
        let cursor = try! #require(screen.cursor)
        #expect(screen.text(ofRow: cursor.row).contains("downtime-limit 42"))
        #expect(screen[cursor.row, cursor.column - 1].character == "2")
        #expect(screen[cursor.row, cursor.column].role == .input)
    }
}
