/// The one-line key legend at the bottom of every screen: the keys that matter in the current
/// mode, most useful first, cut to what fits; on the main screen `? help` and `q quit` always
/// stay so the way to everything else is never hidden, and so does `v` (shorter labels make
/// room for it at 80 columns). In a lesson `h hint` and `R restart`, then while there are
/// problems `p problems` (and `f fix` when QEMU's first error has one) move up to just after
/// `/ find` wherever `v` still fits beside them.
/// Attached to a running QEMU, `a apply` and `r re-read` take the place of `v`, which the
/// live release does not offer.
enum KeyLegend {
    static func text(for state: EditorState, width: Int) -> String {
        let (entries, tail) = keys(for: state)
        var chosen = fitting(entries, before: tail, width: width)
        if state.mode == .list, state.pane == .list, state.live == nil, !chosen.contains("v version") {
            let front = frontKeys(for: state)
            let compact = state.lesson == nil ? compactMainKeys : compactLessonKeys
            let withProblems = (0..<front.count).map { withFirst(Array(front.dropLast($0)), in: compact) }
            for keys in withProblems + [compact] {
                chosen = fitting(keys, before: tail, width: width)
                if chosen.contains("v QEMU") { break }
            }
        }
        return Wrap.truncated(chosen.joined(separator: separator), width: width)
    }

    /// `keys` with `front` right after `/ find` (and not again later).
    private static func withFirst(_ front: [String], in keys: [String]) -> [String] {
        var keys = keys.filter { !front.contains($0) }
        keys.insert(contentsOf: front, at: (keys.firstIndex(of: "/ find") ?? 0) + 1)
        return keys
    }

    /// The keys that move up: a lesson's `h hint` and `R restart` while one is played, then
    /// while there are problems `p problems`, and `f fix` while QEMU's first error has a fix to
    /// apply.
    private static func frontKeys(for state: EditorState) -> [String] {
        let lesson = state.lesson == nil ? [] : lessonKeys
        guard !state.analysis.problems.isEmpty else { return lesson }
        let hasFix = state.analysis.firstErrorToFix.flatMap(state.fixes.first(for:)) != nil
        return lesson + [problemsKey] + (hasFix ? [fixKey] : [])
    }

    private static let lessonKeys = ["h hint", "R restart"]

    private static let problemsKey = "p problems"
    private static let fixKey = "f fix"

    private static let separator = "  "

    /// The main screen's keys, most useful first.
    private static let mainKeys = [
        "␣ toggle", "⏎ edit", "/ find", "d default", "u undo", "e export", "s save", "v version",
    ]

    /// The main screen's keys while attached to a running QEMU.
    private static let liveKeys = ["␣⏎ change", "a apply", "r re-read", "/ find", "d default", "u undo", "e export", "s save"]

    /// The same keys in fewer columns, for narrow screens.
    private static let compactMainKeys = ["␣⏎ change", "/ find", "d default", "u undo", "e export", "s save", "v QEMU"]

    /// The compact keys in a lesson, where undo and the release matter more than files.
    private static let compactLessonKeys = ["␣⏎ change", "/ find", "u undo", "v QEMU", "d default", "e export", "s save"]

    /// As many of `entries` as fit in `width` with all of `tail` after them.
    private static func fitting(_ entries: [String], before tail: [String], width: Int) -> [String] {
        var used = tail.reduce(0) { $0 + $1.count } + separator.count * max(0, tail.count - 1)
        var chosen: [String] = []
        for entry in entries {
            let cost = entry.count + (chosen.isEmpty && tail.isEmpty ? 0 : separator.count)
            guard used + cost <= width else { break }
            chosen.append(entry)
            used += cost
        }
        return chosen + tail
    }

    private static func keys(for state: EditorState) -> (entries: [String], tail: [String]) {
        switch state.mode {
        case .list:
            if state.pane == .detail {
                return (["↑↓ scroll", "Tab back to list", "␣ toggle", "d default", "u undo"], ["? help", "q quit"])
            }
            let main = (state.live == nil ? mainKeys : liveKeys) + [problemsKey]
            return (withFirst(frontKeys(for: state), in: main) + [
                "i rules", "m map", "] next ✗", "Tab detail"] + (state.lesson == nil ? [] : ["l lesson/details"]) + [ state.filter == .changed ? "c all" : "c changed", "^R redo", "n/N next/prev",
                "o open", "w print & quit",
            ], ["? help", "q quit"])
        case .editing(let edit):
            return ((edit.field.isSelected ? ["type to replace"] : []) + ["⏎ commit", "Esc cancel", "←→ Home End move", "⌫ Del erase"], [])
        case .searching: return (["type words to find", "↑↓ choose", "⏎ jump", "Esc cancel"], [])
        case .help: return (["↑↓ PgUp PgDn scroll", "Esc back"], [])
        case .export: return (["Tab format", "←→ sideways", "↑↓ scroll", "w write to file", "r rehearse", "Esc back"], [])
        case .prompt: return (["⏎ confirm", "Esc cancel", "←→ Home End move"], [])
        case .confirmLeaving(.quit): return (["y quit without saving", "s save and quit", "n stay"], [])
        case .confirmLeaving(.interrupt): return (["y quit without saving", "s save and quit", "n stay", "^C quit"], [])
        case .confirmLeaving(.open): return (["y open without saving", "s save, then open", "n stay"], [])
        case .offerRescue: return (["l load the rescued changes", "i ignore them"], [])
        case .pickVersion: return (["↑↓ choose", "⏎ switch", "Esc cancel"], [])
        case .pickMachine: return (["↑↓ PgUp PgDn choose", "⏎ switch", "Esc cancel"], [])
        case .problems: return (["↑↓ choose", "⏎ go to its item", "f apply its fix", "Esc back"], [])
        case .itemInfo: return (["↑↓ PgUp PgDn scroll", "Esc back"], [])
        case .map(let view) where view.detailScroll != nil: return (["↑↓ PgUp PgDn scroll", "Esc back to the map", "m list"], [])
        case .map: return (["←↑↓→ move", "⏎ rule", "] next ✗", "Tab side rules", "PgUp PgDn page", "Home End row ends"], ["Esc back"])
        case .confirmApply: return (["y apply", "n don't", "↑↓ scroll"], [])
        }
    }
}
