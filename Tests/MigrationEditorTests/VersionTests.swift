import MigrationCore
import Testing
@testable import MigrationEditor

@Suite("QEMU releases and the version picker")
struct VersionTests {
    private func row(_ screen: Screen, containing text: String) -> Int? {
        (0..<screen.size.rows).first { screen.text(ofRow: $0).contains(text) }
    }

    /// Every entry the list offers, wherever it is scrolled.
    private func listedNames(_ state: EditorState) -> [String] {
        state.rows.compactMap(\.subject).map(\.name)
    }

    /// `v`, then Down or Up until `version` is highlighted, then Enter.
    private func pick(_ version: QEMUVersion, from current: QEMUVersion) -> [Key] {
        let all = QEMUVersion.allCases
        let steps = all.firstIndex(of: version)! - all.firstIndex(of: current)!
        return [.character("v")] + Array(repeating: steps > 0 ? Key.down : .up, count: abs(steps)) + [.enter]
    }

    @Test func theListShowsOnlyTheReleasesItems() {
        for version in QEMUVersion.allCases {
            let state = EditorState.fresh(version: version)
            let items = state.rows.compactMap(\.subject).compactMap { subject -> ItemID? in
                if case .item(let id) = subject { return id }
                return nil
            }
            #expect(items == Catalog.for(version).items.map(\.id), "QEMU \(version)")
        }
        let names = listedNames(EditorState.fresh(version: .v7_2))
        #expect(!names.contains("switchover-ack"))
        #expect(!names.contains("mapped-ram"))
        #expect(names.contains("x-postcopy-preempt-break-huge"))
        #expect(!listedNames(EditorState.fresh()).contains("x-postcopy-preempt-break-huge"))
    }

    @Test func aNewStateStartsOnItsReleasesFirstEntryAndTitle() {
        let state = EditorState(version: .v7_2, size: EditorState.standardSize)
        #expect(state.document.version == .v7_2)
        #expect(!state.isModified)
        #expect(state.focus == subject("xbzrle"))
        let screen = render(state, size: state.size, monochrome: false)
        #expect(screen.text(ofRow: 0).hasPrefix(" migedit · QEMU 7.2 · new profile "))
        #expect(screen.text(ofRow: Layout(size: state.size).errorTop).contains("✓ QEMU 7.2 accepts this configuration"))
    }

    @Test func postcopyBlocktimeHasAGlobalPropertyFrom10_1() throws {
        var state = EditorState.fresh(version: .v10_1)
        state.press(Keys.find("postcopy-blocktime"))
        var screen = render(state, size: state.size, monochrome: false)
        var line = try #require(row(screen, containing: "] postcopy-blocktime"))
        #expect(!screen.text(ofRow: line).contains("(QMP)"))
        #expect(DetailContent.lines(for: state, width: 200).first?.text == "-global migration.postcopy-blocktime=off")
        state.press(.character(" "))
        #expect(state.analysis.globalExport.text == "-global migration.postcopy-blocktime=on")

        state = EditorState.fresh()
        state.press(Keys.find("postcopy-blocktime"))
        screen = render(state, size: state.size, monochrome: false)
        line = try #require(row(screen, containing: "] postcopy-blocktime"))
        #expect(screen.text(ofRow: line).contains("(QMP)"))
        #expect(DetailContent.lines(for: state, width: 200).first?.text
            == "QMP only (no -global property before QEMU 10.1): set it with QMP or HMP")
        state.press(.character(" "))
        #expect(state.analysis.globalExport.text.isEmpty)
        #expect(state.analysis.globalExport.notes.count == 1)
    }

    @Test func pickingAReleaseThatLacksAChangedValueDropsItAndSaysSo() {
        var state = EditorState.fresh()
        state.press(Keys.toggle("compress") + Keys.set("compress-level", to: "5") + Keys.toggle("multifd") + Keys.find("compress"))
        #expect(state.focus == subject("compress"))
        state.press(pick(.v9_1, from: .v9_0))
        #expect(state.document.version == .v9_1)
        #expect(state.status?.text == "QEMU 9.1: dropped compress, compress-level (not in 9.1)")
        #expect(state["compress"] == .bool(false))
        #expect(state["compress-level"] == .number(1))
        #expect(state["multifd"] == .bool(true), "values 9.1 has are kept")
        #expect(state.focus == subject("events"), "the focus moves to the nearest entry 9.1 has")
        #expect(state.isModified)
        #expect(state.history.undoStack.count == 4, "the switch is one step")
        let screen = render(state, size: state.size, monochrome: false)
        #expect(screen.text(ofRow: 0).hasPrefix(" migedit · QEMU 9.1 · new profile (modified)"))
        #expect(screen.text(ofRow: Layout(size: state.size).exportRow).hasPrefix(" -global migration.x-multifd=on "))
        #expect(!listedNames(state).contains("compress"))
    }

    @Test func undoRestoresTheReleaseAndTheDroppedValues() {
        var state = EditorState.fresh()
        state.press(Keys.toggle("compress") + pick(.v9_1, from: .v9_0))
        state.press(.character("u"))
        #expect(state.document.version == .v9_0)
        #expect(state["compress"] == .bool(true))
        #expect(state.focus == subject("compress"))
        #expect(state.status?.text == "Undid: switch to QEMU 9.1")
        #expect(render(state, size: state.size, monochrome: false).text(ofRow: 0).hasPrefix(" migedit · QEMU 9.0 "))
        state.press(.control("r"))
        #expect(state.document.version == .v9_1)
        #expect(state["compress"] == .bool(false))
        state.press(.character("u"), .character("u"))
        #expect(state.document == Profile())
        #expect(!state.isModified)
    }

    @Test func aSwitchThatDropsNothingSaysSo() {
        var state = EditorState.fresh()
        state.press(Keys.toggle("multifd") + pick(.v10_0, from: .v9_0))
        #expect(state.status?.text == "QEMU 10.0: nothing dropped, every value carries over")
        #expect(state["multifd"] == .bool(true))
        #expect(state.isModified)
    }

    @Test func aChoiceTheReleaseLacksIsDroppedToo() {
        var state = EditorState.fresh(version: .v9_1)
        state.press(Keys.find("multifd-compression") + Array(repeating: .character(" "), count: 3))
        #expect(state["multifd-compression"] == .choice("qpl"))
        state.press(pick(.v9_0, from: .v9_1))
        #expect(state.status?.text == "QEMU 9.0: dropped multifd-compression=qpl (not in 9.0)")
        #expect(state["multifd-compression"] == .choice("none"))
    }

    @Test func theChecksFollowTheRelease() {
        var state = EditorState.fresh()
        state.press(Keys.toggle("postcopy-ram") + Keys.toggle("multifd"))
        #expect(state.report.firstError?.ruleID == "postcopy-ram-vs-multifd")
        #expect(state.analysis.mark(of: subject("multifd")) == .error)
        state.press(pick(.v10_1, from: .v9_0))
        #expect(state.report.diagnostics.allSatisfy { $0.ruleID != "postcopy-ram-vs-multifd" })
        #expect(state.report.isAccepted)
        #expect(state.analysis.mark(of: subject("multifd")) != .error)
        let screen = render(state, size: state.size, monochrome: false)
        #expect(screen.text(ofRow: 0).contains("✓ accepted"))
        #expect(screen.text(ofRow: Layout(size: state.size).errorTop).contains("✓ QEMU 10.1 accepts this configuration"))
    }

    @Test func aChoiceCyclesThroughTheReleasesChoices() {
        var state = EditorState.fresh()
        state.press(pick(.v9_2, from: .v9_0) + Keys.find("multifd-compression"))
        var seen: [String] = []
        for _ in 0..<6 {
            state.press(.character(" "))
            seen.append(state["multifd-compression"].string)
        }
        #expect(seen == ["zlib", "zstd", "qatzip", "qpl", "uadk", "none"])
        state = EditorState.fresh()
        state.press(Keys.find("multifd-compression") + [.character(" "), .character(" "), .character(" ")])
        #expect(state["multifd-compression"] == .choice("none"), "9.0 has three choices")
    }

    @Test func theWhatIfMarksUseTheReleasesChecks() {
        var state = EditorState.fresh()
        state.press(Keys.toggle("postcopy-ram"))
        #expect(state.analysis.mark(of: subject("multifd")) == .whatIf)
        state.press(pick(.v10_1, from: .v9_0))
        #expect(state.analysis.mark(of: subject("multifd")) == .none)
    }

    @Test func theSizeSyntaxFollowsTheRelease() {
        var state = EditorState.fresh(version: .v7_2)
        state.press(Keys.edit("xbzrle-cache-size", to: ".5M"))
        guard case .editing(let old) = state.mode, case .invalid = old.feedback else {
            Issue.record("7.2 needs digits before the fraction")
            return
        }
        state = EditorState.fresh()
        state.press(Keys.set("xbzrle-cache-size", to: ".5M"))
        #expect(state["xbzrle-cache-size"] == .number(512 << 10))
    }

    @Test func savesExportsAndPrintsUseTheRelease() {
        var state = EditorState.fresh(profilePath: "p.json")
        state.press(pick(.v10_1, from: .v9_0) + Keys.toggle("postcopy-blocktime"))
        let saved = state.press(.character("s"))
        let json = Profile(configuration: state.document.configuration, host: state.document.host, version: .v10_1).json
        #expect(saved == [.save(path: "p.json", contents: json)])
        #expect(json.contains("\"10.1\""))
        _ = update(&state, .saved(path: "p.json"))
        state.press(.character("e"))
        #expect(state.mode.exportView?.export.text == "-global migration.postcopy-blocktime=on")
        state.press(.escape)
        #expect(state.press(.character("w")) == [.quit(printing: "-global migration.postcopy-blocktime=on")])
    }

    @Test func anOpenedProfileBringsItsRelease() {
        var state = EditorState.fresh()
        var configuration = Configuration()
        configuration[.xPostcopyPreemptBreakHuge] = .bool(false)
        _ = update(&state, .opened(Profile(configuration: configuration, version: .v7_2), path: "old.json"))
        #expect(state.document.version == .v7_2)
        #expect(!state.isModified)
        #expect(listedNames(state).contains("x-postcopy-preempt-break-huge"))
        state.press(.character("u"))
        #expect(state.document.version == .v9_0)
    }

    @Test func searchFindsOnlyTheReleasesEntries() {
        #expect(SearchIndex.matches(for: "mapped-ram", in: .v7_2).isEmpty)
        #expect(SearchIndex.matches(for: "mapped-ram", in: .v9_0).first == subject("mapped-ram"))
        #expect(SearchIndex.matches(for: "migration.postcopy-blocktime", in: .v9_0).isEmpty, "no property before 10.1")
        #expect(SearchIndex.matches(for: "migration.postcopy-blocktime", in: .v10_1) == [subject("postcopy-blocktime")])
        #expect(SearchIndex.matches(for: "multifd level", in: .v9_2).prefix(3)
            == [subject("multifd-zlib-level"), subject("multifd-zstd-level"), subject("multifd-qatzip-level")])

        var state = EditorState.fresh()
        state.press(Keys.find("compress"))
        state.press(pick(.v9_1, from: .v9_0) + [.character("n")])
        #expect(state.focus != subject("compress"), "n searches the new release")
        #expect(state.status?.text.hasPrefix("'compress': match 2 of") == true)
    }

    @Test func thePickerOpensOnTheCurrentReleaseAndMoves() {
        var state = EditorState.fresh()
        state.press(.character("v"))
        #expect(pickerSelection(state) == .v9_0)
        state.press(.down, .character("j"))
        #expect(pickerSelection(state) == .v9_2)
        state.press(.up, .character("k"), .character("k"))
        #expect(pickerSelection(state) == .v8_2)
        state.press(.character("g"), .up)
        #expect(pickerSelection(state) == .v7_2, "stops at the oldest")
        state.press(.character("G"), .down)
        #expect(pickerSelection(state) == .v10_2, "stops at the newest")
        state.press(.home)
        #expect(pickerSelection(state) == .v7_2)
        state.press(.end)
        #expect(pickerSelection(state) == .v10_2)
        #expect(state.document == Profile(), "moving changes nothing")
    }

    @Test func escapeAndVCancelThePicker() {
        for cancel in [Key.escape, .character("v"), .character("q")] {
            var state = EditorState.fresh()
            state.press(.character("v"), .down, cancel)
            #expect(state.mode == .list)
            #expect(state.document == Profile())
            #expect(state.history.undoStack.isEmpty)
            #expect(state.status?.text == "Still QEMU 9.0")
        }
    }

    @Test func pickingTheCurrentReleaseChangesNothing() {
        var state = EditorState.fresh()
        state.press(.character("v"), .enter)
        #expect(state.mode == .list)
        #expect(state.history.undoStack.isEmpty)
        #expect(!state.isModified)
        #expect(state.status?.text == "Already editing for QEMU 9.0")
    }

    @Test func otherKeysAreIgnoredWhileThePickerIsOpen() {
        var state = EditorState.fresh()
        state.press(.character("v"), .character(" "), .character("d"), .character("s"), .character("u"))
        #expect(pickerSelection(state) == .v9_0)
        #expect(state.document == Profile())
    }

    @Test func thePickerListsEveryReleaseWithItsNoteAndMarksTheCurrentOne() throws {
        var state = EditorState.fresh()
        state.press(Keys.toggle("compress") + [.character("v"), .down])
        let screen = render(state, size: state.size, monochrome: false)
        for version in QEMUVersion.allCases {
            let line = try #require(row(screen, containing: ReleaseNotes.hint(for: version)), "QEMU \(version) is listed")
            #expect(screen.text(ofRow: line).contains(" \(version.rawValue) "))
        }
        let current = try #require(row(screen, containing: "(current)"))
        #expect(screen.text(ofRow: current).contains(" 9.0 "))
        let selected = try #require(row(screen, containing: "▸ 9.1"))
        let line = screen.text(ofRow: selected)
        let release = line.distance(from: line.startIndex, to: try #require(line.firstRange(of: "9.1")).lowerBound)
        #expect(screen[selected, release].role == .selected)
        let layout = Layout(size: state.size)
        #expect(screen.text(ofRow: layout.statusRow).hasPrefix(" Enter switches to QEMU 9.1 and resets compress"))
        #expect(screen.text(ofRow: layout.legendRow).contains("Esc cancel"))
    }

    @Test func theHelpAndLegendMentionV() {
        #expect(HelpText.lines(width: 200).contains { $0.text.hasPrefix("v ") })
        let wide = EditorState.fresh(size: Size(columns: 120, rows: 40))
        #expect(render(wide, size: wide.size, monochrome: false).text(ofRow: 39).contains("v version"))
    }

    @Test func deprecationIsStatedForTheRelease() {
        var state = EditorState.fresh()
        state.press(Keys.find("compress"))
        #expect(DetailContent.lines(for: state, width: 200).map(\.text)
            .contains("deprecated in QEMU 9.0: QEMU warns when it is used, and 9.1 removes it"))
        state = EditorState.fresh(version: .v8_1)
        state.press(Keys.find("compress"))
        #expect(!DetailContent.lines(for: state, width: 200).contains { $0.text.hasPrefix("deprecated") })
        state = EditorState.fresh(version: .v9_2)
        state.press(Keys.find("zero-blocks"))
        #expect(DetailContent.lines(for: state, width: 200).map(\.text)
            .contains("deprecated in QEMU 9.2: QEMU warns when it is used"))
    }

    @Test func cprExecCommandIsReadOnly() {
        var state = EditorState.fresh(version: .v10_2)
        state.press(Keys.find("cpr-exec-command") + [.enter])
        #expect(state.mode == .list)
        #expect(state.status?.text == "cpr-exec-command is a JSON list: set it in a profile (o opens one) or through QMP; d clears it")
    }

    /// The picker's notes name only what the catalog says changed in that release. Each clause
    /// of a note is "adds", "deprecates", "removes" or "has" a list of items or enum choices,
    /// "<item> gets a -global property", or a label (distribution, "reference") naming no setting.
    @Test(arguments: QEMUVersion.allCases)
    func theReleaseNotesAgreeWithTheCatalog(version: QEMUVersion) {
        let all = QEMUVersion.allCases
        let catalog = Catalog.for(version)
        let previous = version.index > 0 ? Catalog.for(all[version.index - 1]) : nil
        let next = version.index + 1 < all.count ? Catalog.for(all[version.index + 1]) : nil
        func choices(_ item: Item?) -> [String] {
            guard case .enumeration(let choices)? = item?.type else { return [] }
            return choices
        }
        /// An item new in this release, or a choice new in it of an item named by the qualifiers
        /// before it ("multifd qatzip").
        func isNew(_ words: [String]) -> Bool {
            let name = words.last!
            if catalog.item(named: name) != nil { return previous?.item(named: name) == nil }
            return catalog.items.contains { item in
                words.dropLast().allSatisfy { item.name.contains($0) } && choices(item).contains(name)
                    && !choices(previous?.item(item.id)).contains(name)
            }
        }
        let note = ReleaseNotes.hint(for: version)
        for clause in note.split(separator: " · ").map(String.init) {
            let words = clause.split(separator: " ").map(String.init)
            let verb = words[0]
            let entries = clause.dropFirst(verb.count + 1).split(separator: ", ").map { $0.split(separator: " ").map(String.init) }
            switch verb {
            case "adds":
                for entry in entries { #expect(isNew(entry), "QEMU \(version): '\(clause)'") }
            case "deprecates":
                for entry in entries {
                    #expect(catalog.item(named: entry.last!)?.isDeprecated == true
                        && previous?.item(named: entry.last!)?.isDeprecated != true, "QEMU \(version): '\(clause)'")
                }
            case "removes":
                for entry in entries {
                    #expect(catalog.item(named: entry.last!) == nil && previous?.item(named: entry.last!) != nil,
                            "QEMU \(version): '\(clause)'")
                }
            case "has":
                for entry in entries {
                    #expect(catalog.item(named: entry.last!) != nil && next?.item(named: entry.last!) == nil,
                            "QEMU \(version): '\(clause)' (a note names what the next release drops)")
                }
            default:
                if clause.hasSuffix(" gets a -global property") {
                    #expect(catalog.item(named: verb)?.property != nil && previous?.item(named: verb)?.property == nil,
                            "QEMU \(version): '\(clause)'")
                } else {
                    let named = words.filter { word in
                        catalog.item(named: word) != nil || catalog.items.contains { choices($0).contains(word) }
                    }
                    #expect(named.isEmpty, "QEMU \(version): label '\(clause)' names \(named)")
                }
            }
        }
    }
}

/// The release highlighted in the open version picker; nil when it is not open.
func pickerSelection(_ state: EditorState) -> QEMUVersion? {
    if case .pickVersion(let picker) = state.mode { return picker.selection }
    return nil
}
