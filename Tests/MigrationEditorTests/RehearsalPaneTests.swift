import MigrationCore
import Testing
@testable import MigrationEditor

/// `r` on the export screen: asks for the binary, asks the outside to rehearse the document,
/// and shows the steps, then the result, above the export.
@Suite("Rehearsal pane")
struct RehearsalPaneTests {
    private func body(_ state: EditorState) -> [String] {
        let screen = render(state, size: state.size, monochrome: false)
        return (3..<(state.size.rows - 2)).map { screen.text(ofRow: $0).trimmingTrailingSpaces }
    }

    /// A result as the rehearsal reports one.
    private func result(_ outcome: RehearsalOutcome, mismatches: [PairMismatch] = []) -> RehearsalResult {
        var statistics = RehearsalStatistics()
        statistics.totalTime = 26
        statistics.transferred = 476_477
        return RehearsalResult(
            qemuVersion: "10.0.2", workload: "idle", memoryMiB: 128, transport: "a UNIX socket", outcome: outcome,
            statistics: statistics, guestRuns: outcome == .completed ? true : nil, mismatches: mismatches)
    }

    @Test func rAsksForTheBinaryAndEnterRehearsesTheDocument() {
        var state = EditorState.fresh()
        state.rehearsalBinary = "/opt/qemu/bin/qemu-system-x86_64"
        state.press(Keys.toggle("multifd") + [.character("e")])
        #expect(state.press(.character("r")).isEmpty)
        let screen = render(state, size: state.size, monochrome: false)
        #expect(screen.text(ofRow: state.size.rows - 2).hasPrefix(" Rehearse with QEMU binary: /opt/qemu/bin/qemu-system-x86_64"))
        #expect(state.press(.enter) == [.rehearse(state.document, binary: "/opt/qemu/bin/qemu-system-x86_64")])
        #expect(state.document.configuration.isOn(.multifd))
        #expect(state.mode.exportView?.rehearsal?.isRunning == true)
        #expect(body(state).prefix(2) == [" Rehearsal with /opt/qemu/bin/qemu-system-x86_64", "   running: starting two QEMUs"])
        #expect(body(state)[3] == " -global migration.x-multifd=on")
    }

    @Test func escAtThePromptReturnsToTheExportWithoutRehearsing() {
        var state = EditorState.fresh()
        state.press(.character("e"), .character("r"))
        #expect(state.press(.escape).isEmpty)
        #expect(state.mode.exportView != nil && state.mode.exportView?.rehearsal == nil)
    }

    @Test func theBinaryTypedIsRememberedForTheNextRehearsal() {
        var state = EditorState.fresh()
        state.press([.character("e"), .character("r")] + Array(repeating: Key.backspace, count: 40) + Keys.type("/usr/bin/qemu"))
        #expect(state.press(.enter) == [.rehearse(state.document, binary: "/usr/bin/qemu")])
        #expect(state.rehearsalBinary == "/usr/bin/qemu")
    }

    @Test func progressThenTheResultAreShownAboveTheExport() {
        var state = EditorState.fresh()
        state.press(.character("e"), .character("r"), .enter)
        _ = update(&state, .rehearsalProgress("source active, destination active"))
        #expect(body(state)[1] == "   running: source active, destination active")
        _ = update(&state, .rehearsed(result(.completed)))
        let rows = body(state)
        #expect(rows[1] == "   rehearsal  QEMU 10.0.2, 128 MiB, idle guest, over a UNIX socket")
        #expect(rows[2] == "   outcome    completed")
        #expect(rows.contains("   transferred         476 477 bytes"))
        #expect(state.status?.text == "✓ Rehearsal completed: the guest runs on the destination")
    }

    @Test func aStuckRehearsalIsAnErrorOnTheStatusRow() {
        var state = EditorState.fresh()
        state.press(.character("e"), .character("r"), .enter)
        _ = update(&state, .rehearsed(result(.stuck(source: "active", destination: "setup", after: 30))))
        #expect(state.status == .error("Rehearsal stuck after 30 s: source active, destination setup"))
        #expect(body(state).contains("   outcome    stuck after 30 s: source active, destination setup"))
    }

    @Test func noUsableQEMUIsSaidInThePaneAndOnTheStatusRow() {
        var state = EditorState.fresh()
        state.press(.character("e"), .character("r"), .enter)
        _ = update(&state, .rehearsalFailed(reason: "no usable QEMU: cannot start qemu-system-x86_64"))
        #expect(body(state)[1] == "   ✗ no usable QEMU: cannot start qemu-system-x86_64")
        #expect(state.status == .error("No rehearsal: no usable QEMU: cannot start qemu-system-x86_64"))
    }

    /// A result that arrives after the user left the export screen changes nothing.
    @Test func aResultOutsideTheExportScreenIsIgnored() {
        var state = EditorState.fresh()
        let before = state
        _ = update(&state, .rehearsed(result(.completed)))
        #expect(state.mode == before.mode && state.status == before.status)
    }
}

extension String {
    fileprivate var trimmingTrailingSpaces: String {
        var text = self
        while text.hasSuffix(" ") { text.removeLast() }
        return text
    }
}
