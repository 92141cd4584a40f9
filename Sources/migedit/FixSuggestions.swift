import MigrationCore

/// What `check --suggest` adds to a report: each diagnostic's fixes, as the `--set` and
/// `--host` words that apply them, and the releases that accept the configuration as it is.
struct FixSuggestions {
    /// The words of one fix: `NAME=VALUE` for `--set` (values in QEMU's `-global` syntax) and
    /// `FACT=VALUE` for `--host`, so each can be pasted back onto the command line.
    struct Words {
        let settings: [String]
        let hostFacts: [String]

        /// `--set xbzrle-cache-size=4096 --host dirty-ring=on`, shell-quoted.
        var commandLine: String {
            (settings.map { "--set " + ShellWords.quote($0) } + hostFacts.map { "--host " + ShellWords.quote($0) })
                .joined(separator: " ")
        }
    }

    /// The fixes of each diagnostic of the report, in the report's order.
    let fixes: [[Words]]
    let acceptedBy: [QEMUVersion]

    /// `recent` lists the settings the user changed last first, so fixes keep them if they can.
    init(_ report: Report, for profile: Profile, recent: [ItemID]) {
        fixes = report.diagnostics.map { diagnostic in
            Fixes.for(diagnostic, in: profile.configuration, on: profile.host, recent: recent).map { fix in
                Words(
                    settings: fix.settingWords(for: profile.version).map { $0.name + "=" + $0.value },
                    hostFacts: fix.hostFactWords.map { $0.name + "=" + $0.value })
            }
        }
        acceptedBy = QEMUVersion.releases(accepting: profile.configuration, on: profile.host)
    }

    /// The line saying which releases would take the configuration unchanged.
    var acceptedByLine: String { QEMUVersion.acceptedAsIs(by: acceptedBy) }
}
