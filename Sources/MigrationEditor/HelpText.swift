import MigrationCore

/// The help screen's text: every key, grouped by what it is for, and what the markers mean.
public enum HelpText {
    private static let keyWidth = 16

    private static let groups: [(title: String, keys: [(String, String)])] = [
        ("Moving", [
            ("↑ ↓  k j", "previous / next setting"),
            ("PgUp PgDn", "a page up / down"),
            ("Home End  g G", "first / last setting"),
            ("Tab", "switch between the list and the detail pane (which then scrolls)"),
        ]),
        ("Changing", [
            ("Space", "toggle on/off, or cycle a choice or host fact forward"),
            ("← →", "cycle a choice or host fact backward / forward (a toggle flips)"),
            ("Enter", "edit a number or text in place (toggles and choices: as Space)"),
            ("0-9", "on a number: start typing a new value with that digit"),
            ("d", "reset the setting to QEMU's default"),
            ("u  Ctrl-R", "undo / redo, as far back as the session goes"),
        ]),
        ("Editing a field", [
            ("", "the value shown starts selected: typing replaces it, a movement key keeps it"),
            ("Enter", "commit (only a value that parses)"),
            ("Esc", "cancel and keep the old value"),
            ("← → Home End", "move in the field (Ctrl-A and Ctrl-E work too)"),
            ("Ctrl-U", "erase everything before the cursor"),
            ("Backspace Del", "erase before / at the cursor"),
        ]),
        ("Problems, fixes and rules", [
            ("p", "list every error and warning (QEMU's first marked \(Marker.qemuFirstArrow)) with the items involved, their values and the first fix; Enter goes to the first item, f applies the fix, Esc goes back"),
            ("f", "apply the first fix of the error QEMU prints (shown as fix (f) in the error pane), as one change u undoes; fixes keep what you changed last when they can"),
            ("] [", "next / previous entry marked \(Marker.error) or \(Marker.warning)"),
            ("i", "every rule the entry takes part in (broken, satisfied or not applicable now, with the other items' values), which side of the migration it belongs to, and its history across releases"),
            ("m", "the constraint map of the release: every capability, and the parameters rules tie to them, on both axes, one glyph per pair (see Markers); changed settings highlighted, cells broken now in the error colour"),
        ]),
        ("In the map", [
            ("←→↑↓  h l k j", "move over the cells; below the last row, on into the rules of 3+ settings or the host"),
            ("PgUp PgDn  g G", "a page up / down, the first / last row"),
            ("Home End", "the first / last column of the row"),
            ("Tab", "between the grid and the rules of 3+ settings or the host (beside the grid, below it on narrow screens)"),
            ("] [", "next / previous cell or rule broken now"),
            ("Enter", "the selected rules in full: state now, QEMU's message, the values, the fix, the releases and why"),
            ("Esc q m", "back to the list (from a rule's detail, Esc goes back to the map)"),
        ]),
        ("Lessons (migedit learn N)", [
            ("h", "the lesson's next hint, one step at a time: first what stands in the way and why (QEMU's message and the rule's reason), then the change to make; a hint never adds an error or moves away from the goal"),
            ("R", "restart the lesson from its start, as one change u undoes"),
            ("l", "show the focused entry's details instead of the lesson pane, and back"),
            ("", "the lesson pane shows the task and the goal, each part met (\(Marker.accepted)) or still missing (\(Marker.error)); when the goal holds the lesson is complete and recorded"),
        ]),
        ("Finding", [
            ("/", "search names (with or without x-), -global properties, descriptions"),
            ("", "several words must all match; ↑↓ choose, Enter jumps, Esc goes back"),
            ("n N", "next / previous match"),
            ("c", "show only changed settings, or all of them again"),
        ]),
        ("A running QEMU (migedit edit --qmp SOCKET)", [
            ("", "the title names QEMU and its release; edits are checked locally as always"),
            ("a", "show what differs from what QEMU holds and the QMP that sends it; y applies it, and QEMU's refusals appear in the error pane"),
            ("r", "read QEMU's settings again (u brings back what they replaced)"),
            ("u", "undo goes back as far as the settings read at attach, which a applies like any other"),
            ("v o", "off while attached: the release and the settings are QEMU's own"),
        ]),
        ("QEMU release", [
            ("v", "pick the release the profile is for (\(QEMUVersion.span)): settings, checks, exports follow it"),
            ("", "each release shows its verdict on the settings: ✓, or ✗ and the message QEMU would print first"),
            ("", "values it lacks go back to their defaults (the status row names them); u undoes"),
            ("M", "pick the machine type QEMU runs (-M), with the compat properties each sets: they become the defaults, and exports leave them out"),
        ]),
        ("Files and output", [
            ("e", "export screen: -global, QMP, HMP, profile JSON or virsh migrate options (Tab switches); long lines are cut, never wrapped, and ← → scroll sideways; w writes it to a file; r rehearses the migration between two real QEMUs (the binary asked for) and shows the result above the export"),
            ("s S", "save the profile / save it under another name (~ is your home folder)"),
            ("o", "open a profile (asks first when there are unsaved changes; u undoes the open)"),
            ("w", "save if needed, quit and print the -global line (migedit edit --print)"),
            ("q", "quit (asks first when there are unsaved changes)"),
            ("Ctrl-C", "quit, asking as q does; a second Ctrl-C quits without saving"),
            ("", "if migedit is killed or its terminal closes, unsaved changes go to PROFILE.save; opening PROFILE offers them back"),
            ("? F1", "this help; Esc, q or ? closes it"),
        ]),
        ("Markers", [
            ("[x] [ ]", "a capability or flag that is on / off"),
            (Marker.error, "involved in an error: QEMU would refuse this configuration"),
            (Marker.warning, "involved in a warning: QEMU accepts it but complains"),
            (Marker.whatIf, "changing it would add an error"),
            (Marker.qmpOnly, "no -global property on this host: set it with QMP or HMP"),
            (Marker.qemuFirst, "the error QEMU itself prints (it stops at its first check)"),
            (Marker.changed, "changed from the default (monochrome; colour shows it too)"),
        ] + MapMark.allCases.map { (String($0.glyph), "map: " + $0.legend) }),
    ]

    /// The help screen as plain lines `width` wide, for `migedit edit --help` and the manual,
    /// so they list the keys the editor itself shows.
    public static func plainLines(width: Int) -> [String] {
        lines(width: width).map { String(repeating: " ", count: $0.indent) + $0.text }
    }

    /// One line per key (meanings wrapped under themselves), with a heading and a blank line
    /// per group.
    static func lines(width: Int) -> [StyledLine] {
        var lines: [StyledLine] = []
        let meaningWidth = max(10, width - keyWidth - 2)
        for group in groups {
            if !lines.isEmpty { lines.append(StyledLine(text: "", role: .normal)) }
            lines.append(StyledLine(text: group.title, role: .heading))
            for (key, meaning) in group.keys {
                let padded = key + String(repeating: " ", count: max(1, keyWidth - key.count))
                for (index, part) in TextWrap.lines(meaning, width: meaningWidth).enumerated() {
                    lines.append(StyledLine(text: (index == 0 ? padded : String(repeating: " ", count: keyWidth)) + part, role: .normal, indent: 2))
                }
            }
        }
        return lines
    }
}

extension Renderer {
    /// The help screen, scrolled when it does not fit (the status row says where it is).
    mutating func drawHelp(scroll: Int) {
        drawScrolledBody(HelpText.lines(width: Renderer.helpWidth(columns)), scroll: scroll)
    }

    /// Lines over the whole body between the title row and the legend, from `scroll` (kept in
    /// range); when they do not all fit, the status row says which lines show.
    mutating func drawScrolledBody(_ lines: [StyledLine], scroll: Int) {
        let height = layout.screenBodyHeight
        let scroll = min(scroll, max(0, lines.count - height))
        for offset in 0..<min(height, lines.count - scroll) {
            let line = lines[scroll + offset]
            screen.put(line.text, row: 1 + offset, column: 2 + line.indent, role: line.role, width: columns - 3 - line.indent)
        }
        if lines.count > height {
            let position = "lines \(scroll + 1)-\(min(lines.count, scroll + height)) of \(lines.count)"
            screen.put(position, row: layout.statusRow, column: columns - 1 - position.count, role: .muted)
        }
    }

    /// The width help text wraps to on a screen this wide.
    static func helpWidth(_ columns: Int) -> Int { columns - 5 }
}
