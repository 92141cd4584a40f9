import MigrationCore
import Testing
@testable import MigrationEditor

@Suite("Search")
struct SearchTests {
    /// The matches among QEMU 9.0's entries.
    private func matches(_ query: String, in version: QEMUVersion = .v9_0) -> [Subject] {
        SearchIndex.matches(for: query, in: version)
    }

    @Test func namesComeBeforeDescriptions() {
        let matches = matches("multifd")
        #expect(matches.first == subject("multifd"))
        let names = matches.prefix(while: { $0 != subject("compress") })
        #expect(names.contains(subject("multifd-channels")))
        #expect(matches.contains(subject("compress")), "its description mentions multifd")
        #expect(matches.firstIndex(of: subject("compress"))! > matches.firstIndex(of: subject("multifd-zstd-level"))!)
    }

    @Test func everyTermMustMatch() {
        let both = matches("multifd level")
        #expect(Array(both.prefix(2)) == [subject("multifd-zlib-level"), subject("multifd-zstd-level")])
        #expect(Array(both.dropFirst(2)) == [subject("compress")], "its description names multifd and compress-level")
        #expect(matches("MULTIFD   zstd  level") == [subject("multifd-zstd-level")])
        #expect(matches("multifd nonsense").isEmpty)
    }

    @Test func xPrefixIsOptionalBothWays() {
        #expect(matches("x-multifd").first == subject("multifd"))
        #expect(matches("x-dirty-bitmaps").first == subject("dirty-bitmaps"))
        #expect(matches("vcpu-dirty-limit-period").first == subject("x-vcpu-dirty-limit-period"))
    }

    @Test func anExactNameComesFirst() {
        #expect(matches("block").prefix(2) == [subject("block"), subject("zero-blocks")])
        #expect(matches(" x-block ").first == subject("block"))
        #expect(matches("kvm").first == .host(.kvm))
    }

    @Test func propertyNamesAndHostFactsAreSearched() {
        #expect(matches("migration.x-downtime-limit") == [subject("downtime-limit")])
        #expect(matches("host.dirty-ring") == [.host(.dirtyRing)])
    }

    @Test func descriptionsAreSearched() {
        #expect(matches("userfaultfd").contains(subject("postcopy-ram")))
    }

    @Test func typingJumpsToTheBestMatchAtOnce() {
        var state = EditorState.fresh()
        state.press([.character("/")] + Keys.type("zstd"))
        #expect(state.focus == subject("multifd-zstd-level"))
        guard case .searching(let session) = state.mode else {
            Issue.record("the search prompt stays open while typing")
            return
        }
        #expect(session.field.text == "zstd")
        state.press(.down)
        #expect(state.focus == session.results.matches[1])
        state.press(.up)
        #expect(state.focus == subject("multifd-zstd-level"))
    }

    @Test func keysThatAreCommandsElsewhereAreTypedIntoTheQuery() {
        var state = EditorState.fresh()
        state.press([.character("/")] + Keys.type("q n d"))
        guard case .searching(let session) = state.mode else {
            Issue.record("still searching")
            return
        }
        #expect(session.field.text == "q n d")
        #expect(state.document == Profile())
    }

    @Test func escapeGoesBackToWhereTheUserWas() {
        var state = EditorState.fresh()
        state.press(.down, .down, .character("/"))
        state.press(Keys.type("zstd") + [.escape])
        #expect(state.focus == subject("auto-converge"))
        #expect(state.mode == .list)
    }

    @Test func enterJumpsAndNAndShiftNStepThroughTheMatches() {
        var state = EditorState.fresh()
        state.press(Keys.find("multifd level"))
        #expect(state.focus == subject("multifd-zlib-level"))
        #expect(state.status?.text == "'multifd level': match 1 of 3 · n next · N previous")
        state.press(.character("n"))
        #expect(state.focus == subject("multifd-zstd-level"))
        state.press(.character("n"), .character("n"))
        #expect(state.focus == subject("multifd-zlib-level"), "n wraps round")
        state.press(.character("N"))
        #expect(state.focus == subject("compress"))
        #expect(state.status?.text == "'multifd level': match 3 of 3")
    }

    @Test func nBeforeAnySearchExplains() {
        var state = EditorState.fresh()
        state.press(.character("n"))
        #expect(state.status?.text == "No search yet: / searches names and descriptions")
    }

    @Test func enterWithoutMatchesStaysPut() {
        var state = EditorState.fresh()
        state.press(.down)
        state.press(Keys.find("nothing-like-this"))
        #expect(state.focus == subject("rdma-pin-all"))
        #expect(state.status?.text == "No setting matches 'nothing-like-this'")
    }

    @Test func aMatchHiddenByTheChangedViewShowsAllAgain() {
        var state = EditorState.fresh()
        state.press(Keys.toggle("multifd") + [.character("c")])
        state.press(Keys.find("zstd"))
        #expect(state.filter == .all)
        #expect(state.focus == subject("multifd-zstd-level"))
    }

    @Test func escapeRestoresTheChangedView() {
        var state = EditorState.fresh()
        state.press(Keys.toggle("multifd") + [.character("c"), .character("/")] + Keys.type("zstd") + [.escape])
        #expect(state.filter == .changed)
        #expect(state.focus == subject("multifd"))
    }

    @Test func theDetailPaneListsTheMatches() {
        var state = EditorState.fresh()
        state.press([.character("/")] + Keys.type("multifd level"))
        let lines = DetailContent.lines(for: state, width: 60)
        #expect(lines.map(\.text) == [
            "3 matches · ↑↓ choose · Enter jump",
            "multifd-zlib-level · parameter",
            "multifd-zstd-level · parameter",
            "compress · capability",
        ])
        #expect(lines[1].role == .selected)
    }
}
