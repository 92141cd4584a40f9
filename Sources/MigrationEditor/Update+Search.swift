import MigrationCore

extension EditorState {
    /// `/`: opens the search prompt, remembering where the user was.
    mutating func startSearch() {
        pane = .list
        mode = .searching(SearchSession(origin: focus, originFilter: filter, version: document.version))
    }

    /// Keys while searching: typing refines the query and jumps to the best match at once;
    /// Up/Down choose among the matches; Enter keeps the jump; Esc goes back to where the user was.
    mutating func handleSearching(_ key: Key, _ session: SearchSession) -> [EditorEffect] {
        var session = session
        switch key {
        case .escape:
            mode = .list
            filter = session.originFilter
            focusOn(session.origin)
            return []
        case .enter:
            mode = .list
            guard let match = session.results.currentMatch else {
                focusOn(session.origin)
                if !session.results.query.isEmpty {
                    status = .info("No setting matches '\(session.results.query)'")
                }
                return []
            }
            lastSearch = session.results
            show(match)
            status = .info(searchPosition(session.results) + " · n next · N previous")
            return []
        case .up, .control("p"): session.results.step(by: -1)
        case .down, .control("n"), .tab: session.results.step(by: 1)
        default:
            guard session.field.handle(key) else { return [] }
            session.results = SearchResults(query: session.field.text, version: document.version)
        }
        mode = .searching(session)
        if let match = session.results.currentMatch { show(match) } else { focusOn(session.origin) }
        return []
    }

    /// `n` / `N`: the next or previous match of the last confirmed search.
    mutating func stepSearch(by delta: Int) {
        guard var results = lastSearch, !results.matches.isEmpty else {
            status = .info("No search yet: / searches names and descriptions")
            return
        }
        results.step(by: delta)
        lastSearch = results
        if let match = results.currentMatch { show(match) }
        status = .info(searchPosition(results))
    }

    /// Focuses a match, showing all settings when the changed-only view hides it.
    private mutating func show(_ subject: Subject) {
        if filter == .changed, !document.isChanged(subject) { filter = .all }
        focusOn(subject)
    }

    private func searchPosition(_ results: SearchResults) -> String {
        "'\(results.query)': match \(results.current + 1) of \(results.matches.count)"
    }
}
