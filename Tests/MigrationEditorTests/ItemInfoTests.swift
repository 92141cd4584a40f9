import MigrationCore
import Testing
@testable import MigrationEditor

@Suite("Item view: every rule of an entry, its side and its history")
struct ItemInfoTests {
    private func lines(_ state: EditorState) -> [String] {
        guard case .itemInfo(let info) = state.mode else { return [] }
        return ItemInfoContent.lines(
            for: info.subject, in: state.document, report: state.report, fixes: state.fixes, width: 100).map(\.text)
    }

    /// The block of lines about one rule: its state line and what follows, up to the next blank.
    private func block(_ id: String, in lines: [String]) -> [String] {
        guard let start = lines.firstIndex(where: { $0.contains("· \(id) ·") }) else { return [] }
        return Array(lines[start...].prefix { !$0.isEmpty })
    }

    @Test func iListsEveryRuleOfTheItemWithItsStateNow() {
        var state = EditorState.fresh()
        state.press(Keys.toggle("postcopy-ram") + Keys.toggle("multifd") + [.character("i")])
        #expect(state.mode == .itemInfo(ItemInfo(subject: .item(.multifd))))
        let text = lines(state)
        let involved = RuleBook.rules(involving: .multifd, in: .v9_0)
        #expect(text.filter { $0.hasPrefix("✗ broken") || $0.hasPrefix("✓ satisfied") || $0.hasPrefix("– not applicable") }.count
            == involved.count, "one entry per rule, broken or not")
        #expect(text.contains("\(involved.count) rules of QEMU 9.0 involve it · 1 broken now"))
        #expect(block("postcopy-ram-vs-multifd", in: text) == [
            "✗ broken · postcopy-ram-vs-multifd · migrate_caps_check",
            "Postcopy is not yet compatible with multifd",
            "with postcopy-ram = on",
            "fix: set postcopy-ram off",
        ])
        #expect(block("multifd-vs-xbzrle", in: text).first == "✓ satisfied · multifd-vs-xbzrle · migrate_caps_check")
        #expect(block("zero-copy-send-needs-plain-multifd", in: text).contains("QEMU skips it while zero-copy-send is off"))
        #expect(block("zero-copy-send-needs-plain-multifd", in: text).first?.hasPrefix("– not applicable") == true)
    }

    @Test func aMessageTwoRulesShareIsMarkedAsCheckedTwice() {
        var state = EditorState.fresh()
        state.press(Keys.find("tls-creds") + [.character("i")])
        let zeroCopy = block("zero-copy-send-needs-plain-multifd", in: lines(state))
        #expect(zeroCopy.contains("same message as zero-copy-send-vs-compression-or-tls: QEMU checks this twice"))
    }

    @Test func theViewShowsTheSideAndTheHistory() {
        var state = EditorState.fresh()
        state.press(Keys.find("postcopy-ram") + [.character("i")])
        let text = lines(state)
        #expect(text.contains { $0.contains("side: must match on both sides") })
        let history = text.drop { $0 != "History across releases" }
        #expect(history.contains("8.1: rule postcopy-ram-vs-multifd added"))
        #expect(history.contains("10.1: rule postcopy-ram-vs-multifd removed"))
    }

    @Test func anItemWhoseSideIsNotCheckedSaysSo() {
        var state = EditorState.fresh()
        state.press(Keys.find("return-path") + [.character("i")])
        #expect(lines(state).contains { $0.contains("side: not recorded yet") })
    }

    @Test func aHostFactListsTheRulesThatReadIt() {
        var state = EditorState.fresh()
        state.press(Keys.find("host.dirty-ring") + [.character("i")])
        let text = lines(state)
        #expect(text.first == "host.dirty-ring · host fact · now off")
        #expect(block("dirty-limit-requires-kvm-dirty-ring", in: text).first?.hasPrefix("– not applicable") == true)
        #expect(!text.contains("History across releases"))
    }

    @Test func movementScrollsAndEscIOrQClose() {
        for key in [Key.escape, .character("i"), .character("q")] {
            var state = EditorState.fresh()
            state.press(Keys.find("multifd") + [.character("i"), .pageDown])
            guard case .itemInfo(let info) = state.mode else {
                Issue.record("the view is open")
                return
            }
            #expect(info.scroll > 0)
            state.press(key)
            #expect(state.mode == .list)
            #expect(state.focus == .item(.multifd))
        }
    }

    @Test func theViewIsDrawnOverTheWholeBody() {
        var state = EditorState.fresh()
        state.press(Keys.find("multifd") + [.character("i")])
        let screen = render(state, size: state.size, monochrome: false)
        let rows = (0..<24).map(screen.text(ofRow:))
        #expect(rows[1].contains("multifd · capability · now off"))
        #expect(rows[22].contains("lines 1-21 of"))
        #expect(rows[23].contains("↑↓ PgUp PgDn scroll  Esc back"))
    }
}
