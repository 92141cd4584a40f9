import MigrationCore
import Testing
@testable import MigrationEditor

@Suite("Fixes in the editor: f, the problems list, the panes and the item view")
struct FixInEditorTests {
    private func rows(_ state: EditorState) -> [String] {
        let screen = render(state, size: state.size, monochrome: false)
        return (0..<state.size.rows).map(screen.text(ofRow:))
    }

    /// postcopy-ram, then multifd: QEMU 9.0 refuses the pair, multifd was changed last.
    private func conflict() -> EditorState {
        var state = EditorState.fresh(size: Size(columns: 120, rows: 40))
        state.press(Keys.toggle("postcopy-ram") + Keys.toggle("multifd"))
        return state
    }

    @Test func fSetsTheNearestCacheSizeAsOneChangeThatUUndoes() throws {
        var state = EditorState.fresh()
        state.press(Keys.set("xbzrle-cache-size", to: "1000"))
        let error = try #require(state.report.firstError)
        state.press(.character("f"))
        #expect(state["xbzrle-cache-size"] == .number(4096))
        // Labelled in the command line's words, as `check --suggest` prints the fix.
        #expect(state.history.undoStack.last?.label == "fix: xbzrle-cache-size = 4K")
        #expect(state.status?.text == "fix: xbzrle-cache-size = 4K · cleared: \(error.message) · u undoes")
        #expect(state.focus == .item(.xbzrleCacheSize))
        state.press(.character("u"))
        #expect(state["xbzrle-cache-size"] == .number(1000))
    }

    @Test func fKeepsTheLatestChange() {
        var state = conflict()
        #expect(state.history.recentItems(current: state.document) == [.multifd, .postcopyRam])
        state.press(.character("f"))
        #expect(state["postcopy-ram"] == .bool(false))
        #expect(state["multifd"] == .bool(true))
        #expect(state.report.errors.isEmpty)

        var other = EditorState.fresh()
        other.press(Keys.toggle("multifd") + Keys.toggle("postcopy-ram") + [.character("f")])
        #expect(other["multifd"] == .bool(false), "postcopy-ram was changed last, so it stays")
        #expect(other["postcopy-ram"] == .bool(true))
    }

    @Test func fWithoutAnErrorSaysSo() {
        var state = EditorState.fresh()
        state.press(.character("f"))
        #expect(state.status?.text == "No error to fix: QEMU 9.0 accepts this configuration")
        #expect(state.history.undoStack.isEmpty)
    }

    @Test func aHostFactFixChangesTheHost() throws {
        // Multifd after incoming started: turning multifd off would break zero-copy-send, so
        // the first fix is a host that has not started incoming yet.
        var configuration = Configuration()
        configuration[.multifd] = .bool(true)
        configuration[.zeroCopySend] = .bool(true)
        var host = Host()
        try host.set(.incoming, to: "started")
        var state = EditorState(configuration: configuration, host: host, size: Size(columns: 120, rows: 40))
        #expect(state.report.firstError?.ruleID == "multifd-before-incoming")
        #expect(rows(state).contains { $0.contains("needs (f): host incoming=no") })
        state.press(.character("f"))
        #expect(state.document.host.value(of: .incoming) == "no")
        #expect(state.document.configuration == configuration)
        #expect(state.history.undoStack.last?.label == "fix: host incoming=no")
        #expect(state.focus == .host(.incoming))
        state.press(.character("u"))
        #expect(state.document.host.value(of: .incoming) == "started")
    }

    @Test func theErrorPaneAndDetailPaneShowTheFix() {
        let state = conflict()
        #expect(rows(state)[Layout(size: state.size).errorTop...].contains { $0.contains("fix (f): set postcopy-ram off") })
        let detail = DetailContent.lines(for: state, width: 60).map(\.text)
        #expect(detail.contains("fix (f): set postcopy-ram off"))
    }

    @Test func theProblemsListShowsEachProblemsFixAndFAppliesTheSelectedOne() {
        var state = conflict()
        state.press(Keys.toggle("zero-copy-send") + Keys.set("tls-creds", to: "tls0") + [.character("p")])
        let text = rows(state)
        #expect(state.analysis.problems.map { $0.diagnostics[0].ruleID }
            == ["zero-copy-send-vs-compression-or-tls", "postcopy-ram-vs-multifd"])
        #expect(text.contains { $0.contains("fix: set zero-copy-send off") })
        #expect(text.contains { $0.contains("fix: set postcopy-ram off") })
        #expect(text[state.size.rows - 2].contains("f applies its fix"))
        #expect(text[state.size.rows - 1].contains("f apply its fix"))
        state.press(.down, .character("f"))
        #expect(state.mode == .list)
        #expect(state["postcopy-ram"] == .bool(false))
        #expect(state["zero-copy-send"] == .bool(true), "QEMU's first error is left alone")
    }

    @Test func theItemViewShowsABrokenRulesFix() {
        var state = conflict()
        state.press(.character("i"))
        guard case .itemInfo(let info) = state.mode else {
            Issue.record("the item view is not open")
            return
        }
        let lines = ItemInfoContent.lines(
            for: info.subject, in: state.document, report: state.report, fixes: state.fixes, width: 100).map(\.text)
        #expect(lines.contains("fix: set postcopy-ram off"))
    }
}
