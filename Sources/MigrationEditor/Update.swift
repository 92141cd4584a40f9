import MigrationCore

/// Applies one action to the editor and returns what the outside must do. This is the only way
/// the state changes; afterwards the analysis, rows and scroll position are brought up to date.
public func update(_ state: inout EditorState, _ action: EditorAction) -> [EditorEffect] {
    var effects: [EditorEffect]
    switch action {
    case .key(let key): effects = state.handle(key)
    case .saved(let path): effects = state.didSave(to: path)
    case .saveFailed(let reason): effects = state.saveFailed(reason)
    case .opened(let profile, let path): effects = state.didOpen(profile, from: path)
    case .openFailed(let reason):
        state.status = .error("Could not open the profile: \(reason)")
        effects = []
    case .exported(let path): effects = state.didExport(to: path)
    case .exportFailed(let reason):
        state.status = .error("Could not write the export: \(reason)")
        effects = []
    case .foundRescue(let profile, let path):
        state.didFindRescue(profile, at: path)
        effects = []
    case .rescueUnreadable(let reason):
        state.status = .error("A rescue file was found but not loaded: \(reason)")
        effects = []
    case .lessonRecorded(let path):
        state.status = .info("\(Marker.accepted) Lesson complete: recorded in \(path)")
        effects = []
    case .lessonNotRecorded(let reason):
        state.status = .error("Lesson complete, but progress was not saved: \(reason)")
        effects = []
    case .liveRead(let snapshot):
        state.didReadLive(snapshot)
        effects = []
    case .liveApplied(let outcome, let wanted):
        state.didApplyLive(outcome, wanted: wanted)
        effects = []
    case .liveFailed(let reason):
        state.liveFailed(reason)
        effects = []
    case .rehearsalProgress(let step):
        state.updateRehearsal { $0.steps.append(step) }
        effects = []
    case .rehearsed(let result):
        state.updateRehearsal { $0.result = result }
        effects = []
    case .rehearsalFailed(let reason):
        state.updateRehearsal { $0.failure = reason }
        effects = []
    }
    state.refresh()
    effects += state.judgeLesson()
    return effects
}

extension EditorState {
    /// Routes a key to the open mode. Resizes are handled first because they matter in every
    /// mode; the status message lasts until the next key.
    mutating func handle(_ key: Key) -> [EditorEffect] {
        if case .resize(let newSize) = key {
            size = newSize
            return []
        }
        status = nil
        if key == .control("c") { return interrupt() }
        if mode.isTooSmall(size) { return handleWhileTooSmall(key) }
        switch mode {
        case .list: return handleList(key)
        case .editing(let edit): return handleEditing(key, edit)
        case .searching(let session): return handleSearching(key, session)
        case .help(let scroll): return handleHelp(key, scroll: scroll)
        case .export(let view): return handleExport(key, view)
        case .prompt(let prompt): return handlePrompt(key, prompt)
        case .confirmLeaving(let leaving): return handleConfirmLeaving(key, leaving)
        case .offerRescue(let offer): return handleRescueOffer(key, offer)
        case .pickVersion(let picker): return handleVersionPicker(key, picker)
        case .pickMachine(let picker): return handleMachinePicker(key, picker)
        case .problems(let list): return handleProblemsList(key, list)
        case .itemInfo(let info): return handleItemInfo(key, info)
        case .map(let view): return handleMap(key, view)
        case .confirmApply(let confirmation): return handleConfirmApply(key, confirmation)
        }
    }

    /// Below 80x24 (40x12 in the map) only quitting works (and answering the unsaved-changes question), so a user
    /// who shrank the window by accident loses nothing and one who wants out can still leave.
    private mutating func handleWhileTooSmall(_ key: Key) -> [EditorEffect] {
        if case .confirmLeaving(let leaving) = mode { return handleConfirmLeaving(key, leaving) }
        guard key == .character("q") else { return [] }
        mode = .list
        return requestQuit()
    }

    /// Keys of the main screen. Movement keys go to the detail pane when it has the focus;
    /// every command acts on the focused entry whichever pane is active.
    private mutating func handleList(_ key: Key) -> [EditorEffect] {
        if pane == .detail, scrollDetail(key) { return [] }
        switch key {
        case .up, .character("k"): moveFocus(by: -1)
        case .down, .character("j"): moveFocus(by: 1)
        case .pageUp: moveFocus(by: -max(1, Layout(size: size).listHeight - 1))
        case .pageDown: moveFocus(by: max(1, Layout(size: size).listHeight - 1))
        case .home, .character("g"): moveFocus(by: -rows.count)
        case .end, .character("G"): moveFocus(by: rows.count)
        case .tab, .backTab:
            pane = pane == .list ? .detail : .list
        case .escape:
            pane = .list
        case .character(" "), .right: toggleFocused()
        case .left: toggleFocused(by: -1)
        case .enter: activateFocused()
        case .character("d"): resetFocused()
        case .character("u"): undo()
        case .control("r"): redo()
        case .character("/"): startSearch()
        case .character("n"): stepSearch(by: 1)
        case .character("N"): stepSearch(by: -1)
        case .character("c"): toggleChangedOnly()
        case .character("a"): requestApply()
        case .character("r"): return requestReread()
        case .character("e"): mode = .export(exportView(.global))
        case .character("s"): return save(then: .stay)
        case .character("S"): promptForSave(then: .stay)
        case .character("o") where live != nil, .character("v") where live != nil:
            status = .info("Attached to \(live?.name ?? "QEMU"): the release and settings are QEMU's own; u and r go back")
        case .character("o"): mode = .prompt(Prompt(purpose: .open, field: TextField(profilePath ?? "")))
        case .character("v"): openVersionPicker()
        case .character("M"): openMachinePicker()
        case .character("p"): openProblemsList()
        case .character("f"): fixFirstError()
        case .character("i"): openItemInfo()
        case .character("h") where lesson != nil: revealLessonHint()
        case .character("R") where lesson != nil: restartLesson()
        case .character("l") where lesson != nil: toggleLessonPane()
        case .character("m"): openMap()
        case .character("]"): jumpToMarkedEntry(by: 1)
        case .character("["): jumpToMarkedEntry(by: -1)
        case .character("?"), .function(1): mode = .help(scroll: 0)
        case .character("q"): return requestQuit()
        case .character("w"): return writeAndQuit()
        case .character(let character) where character.isASCII && character.isNumber
            && EntryKind.takesDigits(focus, in: document):
            // A digit on a numeric row starts a fresh value with it, as in a spreadsheet.
            startEditing()
            if case .editing(let edit) = mode { return handleEditing(key, edit) }
        case .character(let character):
            status = .info("\(character) does nothing here; ? lists every key")
        default: break
        }
        return []
    }

    /// `c`: only the settings changed from their defaults, or all of them again.
    private mutating func toggleChangedOnly() {
        guard filter == .all else {
            filter = .all
            status = .info("Showing all settings")
            return
        }
        filter = .changed
        let count = document.release.subjects.filter(document.isChanged).count
        status = .info(count == 0
            ? "Nothing differs from QEMU's defaults; c shows all settings"
            : "Showing the \(count) changed \(count == 1 ? "entry" : "entries"); c shows all")
    }
}
