import MigrationCore
import Testing
@testable import MigrationEditor

@Suite("Problems list, jumping to marked entries, messages QEMU checks twice")
struct ProblemsListTests {
    private func text(_ state: EditorState) -> [String] {
        let screen = render(state, size: state.size, monochrome: false)
        return (0..<state.size.rows).map(screen.text(ofRow:))
    }

    /// zero-copy-send with TLS (checked twice, first in migrate_params_check: QEMU's first), and
    /// postcopy-ram + multifd.
    private func troubled() -> EditorState {
        var state = EditorState.fresh(size: Size(columns: 100, rows: 30))
        state.press(Keys.toggle("postcopy-ram") + Keys.toggle("multifd") + Keys.toggle("zero-copy-send")
            + Keys.set("tls-creds", to: "tls0"))
        return state
    }

    @Test func theListSaysWhichReleasesAcceptTheConfigurationAsItIs() {
        var state = EditorState.fresh(size: Size(columns: 100, rows: 30))
        state.press(Keys.toggle("postcopy-ram") + Keys.toggle("multifd") + [.character("p")])
        #expect(text(state).contains { $0.contains("accepted as is by QEMU 7.2 to 8.0, 10.1 and later") }, "\(text(state))")
        var stuck = troubled()
        stuck.press(.character("p"))
        #expect(text(stuck).contains { $0.contains("no QEMU release from \(QEMUVersion.span) accepts it as is") })
    }

    @Test func zeroCopyWithTLSIsOneProblemCheckedTwice() throws {
        let state = troubled()
        #expect(state.report.errors.count == 3, "the checker reports each check")
        let problems = state.analysis.problems
        #expect(problems.count == 2)
        let zeroCopy = try #require(problems.first { $0.message.hasPrefix("Zero copy") })
        #expect(zeroCopy.diagnostics.map(\.ruleID) == ["zero-copy-send-vs-compression-or-tls", "zero-copy-send-needs-plain-multifd"])
        #expect(zeroCopy.repeatNote == "QEMU checks this twice: in migrate_params_check (rule zero-copy-send-vs-compression-or-tls)"
            + " and migrate_caps_check (rule zero-copy-send-needs-plain-multifd)")
        #expect(zeroCopy.subjects.first == .item(.zeroCopySend))
        #expect(zeroCopy.subjects.contains(.item(.tlsCreds)))
    }

    @Test func theErrorPaneAndTitleShowARepeatedMessageOnce() {
        let rows = text(troubled())
        #expect(rows[0].contains("✗ 2 errors, 0 warnings"))
        let errorPane = rows[(Layout(size: Size(columns: 100, rows: 30)).errorTop)...]
        #expect(errorPane.filter { $0.contains("Zero copy only available") }.count == 1)
        #expect(errorPane.contains { $0.contains("(QEMU checks this twice)") })
    }

    @Test func theDetailPaneShowsARepeatedMessageOnceAndNamesBothChecks() {
        var state = troubled()
        state.press(Keys.find("zero-copy-send"))
        let lines = DetailContent.lines(for: state, width: 60).map(\.text)
        #expect(lines.filter { $0.hasPrefix("✗ Zero copy only available") }.count == 1)
        let joined = lines.joined(separator: " ")
        #expect(joined.contains("QEMU checks this twice: in migrate_params_check"))
        #expect(joined.contains("rules zero-copy-send-vs-compression-or-tls and zero-copy-send-needs-plain-multifd"))
    }

    @Test func typingAValueThatBreaksACheckMadeTwiceSaysItOnce() {
        var state = EditorState.fresh()
        state.press(Keys.toggle("multifd") + Keys.toggle("zero-copy-send") + Keys.edit("tls-creds", to: "tls0"))
        let lines = DetailContent.lines(for: state, width: 60).map(\.text)
        #expect(lines.filter { $0.contains("would break: Zero copy") }.count == 1)
        #expect(!text(state)[state.size.rows - 2].contains("more"), "one problem, nothing more")
    }

    @Test func pListsEveryProblemQEMUsFirstMarked() {
        var state = troubled()
        state.press(.character("p"))
        #expect(state.mode == .problems(ProblemsList()))
        let rows = text(state)
        #expect(rows.contains { $0.contains("▶ ✗ [QEMU first] Zero copy only available for non-compressed non-TLS") })
        #expect(rows.contains { $0.contains("  ✗ Postcopy is not yet compatible with multifd") })
        #expect(rows.contains { $0.contains("postcopy-ram = on · multifd = on") })
        #expect(rows.contains { $0.contains("zero-copy-send = on · tls-creds = tls0") })
        #expect(rows.filter { $0.contains("Zero copy only available") }.count == 1)
        #expect(rows.contains { $0.contains("QEMU checks this twice") })
        #expect(rows[28].contains("Problem 1 of 2 · Enter goes to zero-copy-send"))
        #expect(rows[29].contains("⏎ go to its item"))
    }

    @Test func enterGoesToTheSelectedProblemsFirstItem() {
        var state = troubled()
        state.press(Keys.find("xbzrle"))
        state.press(.character("p"), .down, .enter)
        #expect(state.mode == .list)
        #expect(state.focus == .item(.postcopyRam))
        state.press(.character("p"), .enter)
        #expect(state.focus == .item(.zeroCopySend))
    }

    @Test func enterShowsEverySettingWhenTheItemIsHiddenByTheChangedView() {
        var state = EditorState.fresh()
        state.press(Keys.toggle("zero-copy-send"))
        state.press(.character("c"), .character("p"))
        state.press(.down, .up)
        state.press(.enter)
        #expect(state.filter == .all || state.document.isChanged(state.focus))
        #expect(state.focusRow != nil, "the item Enter went to is on screen")
    }

    @Test func escQAndPCloseTheList() {
        for key in [Key.escape, .character("q"), .character("p")] {
            var state = troubled()
            let focus = state.focus
            state.press(.character("p"), .down, key)
            #expect(state.mode == .list)
            #expect(state.focus == focus, "closing goes nowhere")
        }
    }

    @Test func anAcceptedConfigurationSaysSo() {
        var state = EditorState.fresh()
        state.press(.character("p"))
        #expect(text(state).contains { $0.contains("✓ QEMU 9.0 accepts this configuration: no errors, no warnings") })
        state.press(.enter)
        #expect(state.mode == .list)
    }

    @Test func bracketsVisitTheMarkedEntriesInListOrderAndWrapAround() {
        var state = troubled()
        state.press(.home)
        var visited: [Subject] = []
        for _ in 0..<5 {
            state.press(.character("]"))
            visited.append(state.focus)
        }
        #expect(visited == [.item(.postcopyRam), .item(.multifd), .item(.zeroCopySend), .item(.tlsCreds), .item(.postcopyRam)])
        state.press(.character("["))
        #expect(state.focus == .item(.tlsCreds))
    }

    @Test func bracketsOnAnAcceptedConfigurationSaySo() {
        var state = EditorState.fresh()
        let focus = state.focus
        state.press(.character("]"))
        #expect(state.focus == focus)
        #expect(state.status?.text == "No entry is in an error or warning")
    }

    @Test func theLegendAndHelpNameTheNewKeys() {
        let state = EditorState.fresh(size: Size(columns: 200, rows: 30))
        let legend = KeyLegend.text(for: state, width: 198)
        #expect(legend.contains("p problems"))
        #expect(legend.contains("] next ✗"))
        #expect(legend.contains("i rules"))
        let help = HelpText.lines(width: 100).map(\.text).joined(separator: "\n")
        #expect(help.contains("list every error and warning"))
        #expect(help.contains("next / previous entry marked ✗ or △"))
    }
}
