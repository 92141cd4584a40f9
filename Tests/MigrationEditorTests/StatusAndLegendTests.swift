import MigrationCore
import Testing
@testable import MigrationEditor

@Suite("Status row, key legend and small terminals")
struct StatusAndLegendTests {
    private func text(_ state: EditorState, size: Size? = nil) -> [String] {
        let size = size ?? state.size
        let screen = render(state, size: size, monochrome: false)
        return (0..<size.rows).map(screen.text(ofRow:))
    }

    @Test func aLongStatusWrapsOntoTheRowAbove() {
        var state = EditorState.fresh(size: Size(columns: 100, rows: 30), profilePath: "ro/p.json")
        state.press(.character(" "), .character("s"))
        _ = update(&state, .saveFailed(reason: "cannot write ro/p.json.bak: permission denied"))
        let rows = text(state)
        let both = rows[27].trimmingCharacters(in: .whitespaces) + " " + rows[28].trimmingCharacters(in: .whitespaces)
        #expect(both == "Not saved: cannot write ro/p.json.bak: permission denied. Nothing was lost; s retries, S saves elsewhere")
    }

    @Test func aShortStatusStaysOnItsRow() {
        var state = EditorState.fresh()
        state.press(.character("c"))
        let rows = text(state)
        #expect(rows[22].contains("Nothing differs from QEMU's defaults"))
        #expect(rows[21].hasPrefix(" -global: nothing to set"), "the -global line is untouched")
    }

    @Test(arguments: [Size(columns: 80, rows: 24), Size(columns: 100, rows: 30), Size(columns: 120, rows: 40)])
    func theKeyLegendKeepsTheVersionKey(size: Size) {
        let state = EditorState.fresh(size: size)
        let legend = text(state)[size.rows - 1]
        #expect(legend.contains("v version") || legend.contains("v QEMU"), "\(legend)")
        #expect(legend.contains("? help  q quit"))
        #expect(legend.contains("s save") && legend.contains("e export") && legend.contains("u undo"))
    }

    @Test func theFullLabelsStayWhereTheyFit() {
        let legend = text(EditorState.fresh(size: Size(columns: 100, rows: 30)))[29]
        #expect(legend.hasPrefix(" ␣ toggle  ⏎ edit  / find"))
        #expect(legend.contains("v version"))
    }

    @Test(arguments: [
        Size(columns: 79, rows: 24), Size(columns: 40, rows: 10), Size(columns: 22, rows: 6), Size(columns: 20, rows: 5),
    ])
    func tooSmallShowsTheActualSizeFirst(size: Size) throws {
        var state = EditorState.fresh()
        state.press(.resize(size))
        let rows = text(state)
        let first = try #require(rows.firstIndex { !$0.trimmingCharacters(in: .whitespaces).isEmpty })
        let shown = rows[first...].joined(separator: " ")
        #expect(rows[first].contains("have \(size.columns)x\(size.rows),"), "\(rows)")
        #expect(shown.contains("need 80x24"), "\(rows)")
        #expect(!shown.contains("…"), "nothing of the size is cut: \(rows)")
    }

    @Test func tooSmallAtFortyByTenSaysHowToLeave() {
        var state = EditorState.fresh()
        state.press(.resize(Size(columns: 40, rows: 10)))
        let shown = text(state).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        #expect(shown == ["have 40x10, need 80x24", "terminal too small: enlarge the window,", "or press q to quit"])
    }
}
