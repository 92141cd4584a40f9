import Foundation
import MigrationCore
import MigrationEditor
import Testing
import TestSupport

/// `scripts/install` into a temporary prefix, from the debug build the tests already have (the
/// release build with the Swift runtime linked in takes minutes; the script checks that one with
/// ldd itself): what lands where, that the pages render and say what they must, and that
/// `--uninstall` leaves the prefix as it found it.
@Suite(.serialized)
final class InstallTests {
    let binary: String
    let prefix: String
    let repository: String

    init() throws {
        binary = try ChildProcess.builtProduct(named: "migedit")
        prefix = FileManager.default.temporaryDirectory.appendingPathComponent("migedit-install-\(getpid())").path
        var directory = URL(fileURLWithPath: binary).deletingLastPathComponent()
        while directory.lastPathComponent != ".build" && directory.path != "/" { directory.deleteLastPathComponent() }
        repository = directory.deletingLastPathComponent().path
    }

    deinit {
        try? FileManager.default.removeItem(atPath: prefix)
    }

    /// Runs with a PATH that has no Swift toolchain on it.
    func run(_ arguments: [String], environment: [String: String] = [:]) throws -> ChildProcess.Output {
        try ChildProcess.run(arguments, environment: ["PATH": "/usr/bin:/bin", "LANG": "C.UTF-8"].merging(environment) { $1 }, timeout: 60)
    }

    func install(_ extra: String...) throws -> ChildProcess.Output {
        let from = URL(fileURLWithPath: binary).deletingLastPathComponent().path
        return try run([repository + "/scripts/install", "--prefix", prefix] + (extra.isEmpty ? ["--from-build", from] : extra))
    }

    /// Every file and directory under the prefix, relative to it.
    func tree() -> Set<String> {
        Set(FileManager.default.enumerator(atPath: prefix)?.allObjects.compactMap { $0 as? String } ?? [])
    }

    /// The subcommands a user can type, as the binary's own help dump lists them.
    func subcommands() throws -> [String] {
        let dump = try JSON(parsing: try run([binary, "--experimental-dump-help"]).standardOutput)
        return (dump["command"]?["subcommands"]?.arrayValue ?? []).compactMap { $0["commandName"]?.stringValue }
            .filter { $0 != "help" }
    }

    @Test func installsBinaryPagesAndCompletionsAndUninstallsExactlyThem() throws {
        try FileManager.default.createDirectory(atPath: prefix + "/share/man/man1", withIntermediateDirectories: true)
        try Data("someone else's page\n".utf8).write(to: URL(fileURLWithPath: prefix + "/share/man/man1/other.1"))
        let before = tree()

        let installed = try install()
        #expect(installed.exitCode == 0, "\(installed.standardError)")
        let manifest = try String(contentsOfFile: prefix + "/share/migedit/install-manifest", encoding: .utf8)
        let files = manifest.split(separator: "\n").filter { $0.hasPrefix("file ") }.map { String($0.dropFirst(5)) }
        let pages = ["migedit"] + (try subcommands()).map { "migedit-" + $0 }
        #expect(pages.count > 8, "one page per subcommand")
        let expected = ["bin/migedit", "share/bash-completion/completions/migedit", "share/zsh/site-functions/_migedit",
                        "share/fish/vendor_completions.d/migedit.fish", "share/migedit/install-manifest"]
            + pages.map { "share/man/man1/\($0).1" }
        #expect(Set(files) == Set(expected.map { prefix + "/" + $0 }))
        for file in files { #expect(FileManager.default.fileExists(atPath: file), "\(file)") }

        let check = try run([prefix + "/bin/migedit", "check", "--set", "postcopy-ram=on", "--set", "multifd=on"])
        #expect(check.exitCode == 1)
        #expect(check.standardOutput.hasPrefix("✗ rejected by QEMU 9.0: 1 error"))

        let bash = try String(contentsOfFile: prefix + "/share/bash-completion/completions/migedit", encoding: .utf8)
        #expect(bash == (try run([binary, "--generate-completion-script", "bash"])).standardOutput)
        #expect(bash.contains("complete -o filenames -F _migedit_whole_words migedit"))
        #expect(try String(contentsOfFile: prefix + "/share/zsh/site-functions/_migedit", encoding: .utf8).hasPrefix("#compdef migedit"))
        #expect(try String(contentsOfFile: prefix + "/share/fish/vendor_completions.d/migedit.fish", encoding: .utf8).contains("complete -c 'migedit'"))

        for page in pages {
            let path = "\(prefix)/share/man/man1/\(page).1"
            let warnings = try run(["groff", "-man", "-Tutf8", "-ww", "-z", path])
            #expect(warnings.exitCode == 0 && warnings.standardError.isEmpty, "\(page): \(warnings.standardError)")
        }
        let manual = try run(["man", "-l", prefix + "/share/man/man1/migedit.1"], environment: ["MANWIDTH": "120"])
        #expect(manual.exitCode == 0, "\(manual.standardError)")
        for section in ["SYNOPSIS", "COMMANDS", "VALUES", "HOST FACTS", "EXIT STATUS", "SEE ALSO"] {
            #expect(manual.standardOutput.contains("\n" + section + "\n"), "\(section)")
        }
        for command in try subcommands() { #expect(manual.standardOutput.contains("migedit " + command)) }
        for fact in HostFact.allCases { #expect(manual.standardOutput.contains("  \(fact.rawValue)=")) }
        for code in ["0", "1", "2", "128+N"] { #expect(manual.standardOutput.contains("  \(code)  ")) }
        #expect(manual.standardOutput.contains(ValueType.size.syntax))
        #expect(manual.standardOutput.contains("migedit check --set postcopy-ram=on --set multifd=on"), "examples")

        let edit = try run(["man", "-l", prefix + "/share/man/man1/migedit-edit.1"], environment: ["MANWIDTH": "120"])
        #expect(edit.standardOutput.contains("\nKEYS\n"))
        for line in HelpText.plainLines(width: 76) where !line.isEmpty {
            #expect(edit.standardOutput.contains(line.trimmingCharacters(in: .whitespaces)), "key line: \(line)")
        }

        let again = try install()
        #expect(again.exitCode == 0)
        let reinstalled = try String(contentsOfFile: prefix + "/share/migedit/install-manifest", encoding: .utf8)
        #expect(Set(reinstalled.split(separator: "\n")) == Set(manifest.split(separator: "\n")))

        let uninstalled = try install("--uninstall")
        #expect(uninstalled.exitCode == 0, "\(uninstalled.standardError)")
        #expect(tree() == before, "exactly what was there before")
        let nothing = try install("--uninstall")
        #expect(nothing.exitCode == 2)
        #expect(nothing.standardError.split(separator: "\n").count == 1)
    }

    /// The page writer refuses input that is not ArgumentParser's help dump in one line, and
    /// writes nothing.
    @Test func manualWriterRefusesWhatIsNotAHelpDump() throws {
        let writer = try ChildProcess.builtProduct(named: "migedit-manual")
        try FileManager.default.createDirectory(atPath: prefix, withIntermediateDirectories: true)
        for input in ["nonsense", #"{"serializationVersion": 7, "command": {}}"#] {
            let result = try ChildProcess.run([writer, prefix], input: Array(input.utf8))
            #expect(result.exitCode == 2)
            #expect(result.standardError.split(separator: "\n").count == 1, "\(result.standardError)")
            #expect(tree().isEmpty)
        }
    }
}
