import Foundation
import MigrationCore
import Testing
import TestSupport

/// The bash completion `migedit --generate-completion-script bash` prints, driven the way bash
/// drives it: `COMP_WORDS` split as bash splits them (at blanks, and around `=`), `COMP_CWORD`,
/// `COMP_LINE` and `COMP_POINT`, in a real bash, with the real binary answering the custom
/// completions. The candidates are what bash would put after the cursor.
@Suite(.serialized)
final class CompletionTests {
    let binary: String
    let script: String
    let directory: String

    init() throws {
        binary = try ChildProcess.builtProduct(named: "migedit")
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("migedit-completion-\(getpid())").path
        try FileManager.default.createDirectory(atPath: directory + "/profiles", withIntermediateDirectories: true)
        for file in ["prod.json", "host.json", "notes.txt"] {
            try Data().write(to: URL(fileURLWithPath: directory + "/" + file))
        }
        script = directory + "/migedit.bash"
        let generated = try ChildProcess.run([binary, "--generate-completion-script", "bash"])
        #expect(generated.exitCode == 0)
        try generated.standardOutput.write(toFile: script, atomically: true, encoding: .utf8)
    }

    deinit {
        try? FileManager.default.removeItem(atPath: directory)
    }

    /// The directory of the binary, first on PATH so that `migedit` is the one under test.
    var path: String { URL(fileURLWithPath: binary).deletingLastPathComponent().path + ":/usr/bin:/bin" }

    /// The words bash makes of `line`: split at blanks, and `=` a word of its own.
    static func bashWords(_ line: String) -> [String] {
        var words: [String] = []
        for (index, blankSeparated) in line.split(separator: " ", omittingEmptySubsequences: false).enumerated() {
            if index > 0 && blankSeparated.isEmpty && words.last == "" { continue }
            var pieces: [String] = []
            var current = ""
            for character in blankSeparated {
                if character == "=" {
                    if !current.isEmpty { pieces.append(current) }
                    pieces.append("=")
                    current = ""
                } else {
                    current.append(character)
                }
            }
            if !current.isEmpty || pieces.isEmpty { pieces.append(current) }
            words += pieces
        }
        return words
    }

    /// What Tab offers at the end of `line` (a command line starting with `migedit`).
    func complete(_ line: String) throws -> [String] {
        let words = Self.bashWords(line)
        let current = words.last == "=" ? "" : words.last ?? ""
        let previous = words.count > 1 ? words[words.count - 2] : ""
        let driver = """
            cd "$1" && source "$2" && COMP_LINE="$3" && COMP_POINT=${#COMP_LINE} && shift 3 \
            && COMP_WORDS=("$@") && COMP_CWORD=$((${#COMP_WORDS[@]} - 1)) \
            && _migedit_whole_words migedit "$CURRENT" "$PREVIOUS" 2>/dev/null; printf '%s\\n' "${COMPREPLY[@]}"
            """
        let result = try ChildProcess.run(
            ["/bin/bash", "--norc", "--noprofile", "-c", driver, "bash", directory, script, line] + words,
            environment: ["PATH": path, "CURRENT": current, "PREVIOUS": previous])
        #expect(result.exitCode == 0, "\(result.standardError)")
        return result.standardOutput.split(separator: "\n").map(String.init)
    }

    @Test func bashSplitsAtEqualsAsTheseTestsAssume() {
        #expect(Self.bashWords("migedit check --set multifd=o") == ["migedit", "check", "--set", "multifd", "=", "o"])
        #expect(Self.bashWords("migedit check --set multifd=") == ["migedit", "check", "--set", "multifd", "="])
        #expect(Self.bashWords("migedit check ") == ["migedit", "check", ""])
    }

    @Test func qemuOffersTheReleases() throws {
        #expect(try complete("migedit check --qemu ") == QEMUVersion.allCases.map(\.rawValue))
        #expect(try complete("migedit explain --qemu 10.") == ["10.0", "10.1", "10.2"])
    }

    @Test func setOffersEverySettingNameThenItsChoices() throws {
        let names = try complete("migedit check --set ")
        #expect(Set(names) == Set(Catalog.for(.standard).items.map { $0.name + "=" }))
        #expect(try complete("migedit check --set switchover-a") == ["switchover-ack="])
        #expect(try complete("migedit export --set x-mul") == ["x-multifd="], "property names once typed")
        #expect(try complete("migedit check --set multifd=") == ["on", "off"])
        #expect(try complete("migedit check --set multifd=of") == ["off"])
        #expect(try complete("migedit check --set multifd-channels=").isEmpty, "no guessing at numbers")
    }

    @Test func setOffersTheChoicesOfTheReleaseNamed() throws {
        func choices(_ version: QEMUVersion) -> [String] {
            guard case .enumeration(let values)? = Catalog.for(version).item(named: "multifd-compression")?.type else { return [] }
            return values
        }
        #expect(try complete("migedit check --set multifd-compression=") == choices(.standard))
        #expect(try complete("migedit check --qemu 9.2 --set multifd-compression=") == choices(.v9_2))
        #expect(choices(.v9_2) != choices(.standard), "the releases differ, so the test tells them apart")
        #expect(try complete("migedit check --qemu 9.1 --set x-comp").isEmpty, "9.1 removed compress")
    }

    @Test func hostOffersTheFactsThenTheirValues() throws {
        #expect(try complete("migedit check --host ") == HostFact.allCases.map { $0.rawValue + "=" })
        #expect(try complete("migedit check --host write-tracking=") == HostFact.writeTracking.choices)
        #expect(try complete("migedit verify --host kvm=") == ["on", "off"])
        #expect(try complete("migedit check --host page-size=") == [Host.standard.value(of: .pageSize)])
        let afterComma = try complete("migedit check --host compression-methods=zstd,")
        #expect(afterComma == CompressionMethods.names.filter { $0 != "zstd" }.map { "zstd," + $0 })
        #expect(try complete("migedit import --host incoming=p") == ["pending"])
    }

    @Test func formatOffersTheFormats() throws {
        #expect(try complete("migedit export --format ") == ExportFormat.allCases.map(\.rawValue))
        #expect(try complete("migedit import --from ") == ImportFormat.allCases.map(\.rawValue))
    }

    @Test func explainOffersEveryRuleItemAndHostFact() throws {
        let offered = Set(try complete("migedit explain "))
        let rules = RuleBook.rules(for: .standard).map(\.id)
        #expect(offered == Set(rules + Catalog.for(.standard).allNames + HostFact.allCases.map(\.rawValue)))
        #expect(try complete("migedit explain switchover-ack-r") == ["switchover-ack-requires-return-path"])
        #expect(try complete("migedit explain postcopy-ram-vs-m") == ["postcopy-ram-vs-multifd"])
        #expect(try complete("migedit explain --qemu 10.1 postcopy-ram-vs-m").isEmpty, "10.1 dropped the rule")
    }

    @Test func profilesAreJSONFiles() throws {
        #expect(try complete("migedit check ").sorted() == ["host.json", "prod.json", "profiles"])
        #expect(try complete("migedit export --host-from ").sorted() == ["host.json", "prod.json", "profiles"])
        let first = try complete("migedit ")
        #expect(first.contains("check") && first.contains("prod.json") && !first.contains("notes.txt"))
    }

    /// Types a command line a piece at a time with Tab after each, in a shell set up by
    /// `setup`, and waits for the line Tab should have made of it after `prompt`: a name, then
    /// its value after `=` (on/off, a release's choice, a host fact's).
    func typeWithTabs(_ shell: [String], setup: String, prompt: String) throws {
        // tmux keeps its server's PATH in a new pane whatever -e says, so env sets it.
        let session = try TmuxSession(command: ["/usr/bin/env", "PATH=" + path] + shell, directory: directory)
        defer { session.kill() }
        try session.sendLiteral(setup)
        try session.send("Enter")
        try session.sendLiteral("migedit check --qemu 9.1 --set switchover-a")
        try session.send("Tab")
        try session.waitFor("--set switchover-ack=")
        for piece in ["of", "--set multifd-compression=qp", "--host dirty-r"] {
            try session.sendLiteral(piece)
            try session.send("Tab")
        }
        try session.waitFor(prompt + "migedit check --qemu 9.1 --set switchover-ack=off --set multifd-compression=qpl --host dirty-ring=")
        try session.send("C-u")
    }

    /// The same through readline in an interactive bash: Tab after a name adds `=` and no space,
    /// Tab after `NAME=` and a letter finishes the value, so the words split at `=` are handled.
    @Test func tabInAnInteractiveBash() throws {
        try typeWithTabs(["PS1=$ ", "/bin/bash", "--norc", "--noprofile"], setup: "source \(script)", prompt: "$ ")
    }

    /// Zsh keeps `NAME=VALUE` whole but would put a space after `NAME=`; migedit's script keeps
    /// the cursor after the `=` so the value can follow.
    @Test func tabInAnInteractiveZsh() throws {
        let functions = directory + "/zsh"
        try FileManager.default.createDirectory(atPath: functions, withIntermediateDirectories: true)
        let generated = try ChildProcess.run([binary, "--generate-completion-script", "zsh"])
        try generated.standardOutput.write(toFile: functions + "/_migedit", atomically: true, encoding: .utf8)
        try typeWithTabs(
            ["zsh", "-f"], setup: "fpath=(\(functions) $fpath); autoload -Uz compinit && compinit -u; PS1='%% '; clear",
            prompt: "% ")
    }

    /// Fish reads the completions swift-argument-parser writes for it, which ask the binary
    /// for values the same way; `complete -C` cannot run them (fish refuses `commandline`
    /// outside an interactive shell), so this types in a private interactive fish whose
    /// configuration and data stay in the test's directory.
    @Test func tabInAnInteractiveFish() throws {
        let generated = try ChildProcess.run([binary, "--generate-completion-script", "fish"])
        try generated.standardOutput.write(toFile: directory + "/migedit.fish", atomically: true, encoding: .utf8)
        try typeWithTabs(
            ["XDG_CONFIG_HOME=\(directory)/fish-config", "XDG_DATA_HOME=\(directory)/fish-data", "fish", "--no-config", "--private"],
            setup: "source \(directory)/migedit.fish; function fish_prompt; echo '> '; end; clear", prompt: "> ")
    }
}
