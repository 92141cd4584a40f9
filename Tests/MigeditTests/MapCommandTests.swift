import Foundation
import MigrationCore
import Testing
import TestSupport

/// `migedit map` through the real binary: each format on stdout or in a file, the profile and
/// `--diff` reaching the picture, the same bytes from two processes, and bad input.
@Suite(.serialized)
final class MapCommandTests {
    let binary: String
    let folder: String

    init() throws {
        binary = try ChildProcess.builtProduct(named: "migedit")
        var template = Array("/tmp/migedit-map-cli-XXXXXX".utf8CString)
        folder = String(cString: try #require(mkdtemp(&template)))
    }

    deinit {
        try? FileManager.default.removeItem(atPath: folder)
    }

    func run(_ arguments: String...) throws -> ChildProcess.Output {
        try ChildProcess.run([binary] + arguments, environment: ["PATH": "/usr/bin:/bin"])
    }

    func file(_ name: String, _ text: String) throws -> String {
        let path = folder + "/" + name
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    @Test func textMapOfTheDefaultRelease() throws {
        let result = try run("map")
        #expect(result.exitCode == 0 && result.standardError.isEmpty)
        #expect(result.standardOutput.hasPrefix("QEMU 9.0 migration constraint map\n"))
        #expect(result.standardOutput.contains(" postcopy-ram-vs-multifd: postcopy-ram conflicts with multifd\n"))
        let newest = try run("map", "--qemu", "10.1")
        #expect(newest.standardOutput.hasPrefix("QEMU 10.1 migration constraint map\n"))
        #expect(!newest.standardOutput.contains("postcopy-ram-vs-multifd"))
    }

    @Test func profileIsMarkedInEveryFormat() throws {
        let profile = try file("prod.json", #"{"qemu": "9.0", "capabilities": {"postcopy-ram": true, "multifd": true}}"#)
        let text = try run("map", profile)
        #expect(text.exitCode == 0)
        #expect(text.standardOutput.contains("\(profile): settings changed (marked *): 2 · pairs broken now (!): 1 · other rules broken now: 0"))
        #expect(text.standardOutput.contains(" ! postcopy-ram-vs-multifd: "))
        let svg = try run("map", profile, "--format", "svg")
        #expect(svg.standardOutput.hasPrefix("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg "))
        #expect(svg.standardOutput.contains(">▸ postcopy-ram</text>"))
        #expect(svg.standardOutput.contains("stroke-width=\"3\""))
        let html = try run("map", profile, "--format", "html")
        #expect(html.standardOutput.hasPrefix("<!DOCTYPE html>\n"))
        #expect(html.standardOutput.contains("<dt id=\"rule-postcopy-ram-vs-multifd\" class=\"broken\">"))
    }

    @Test func diffInEveryFormatAndTheSameBytesFromTwoProcesses() throws {
        for format in ["text", "svg", "html"] {
            let first = try run("map", "--diff", "9.0", "10.1", "--format", format)
            let second = try run("map", "--diff", "9.0", "10.1", "--format", format)
            #expect(first.exitCode == 0 && first.standardError.isEmpty, "\(format): \(first.standardError)")
            #expect(first.output == second.output, "\(format) differs between runs")
            #expect(first.standardOutput.contains("QEMU 9.0 → 10.1: what changed in the migration constraint map"))
            #expect(first.standardOutput.contains("postcopy-ram-vs-multifd"))
        }
        let svg = try run("map", "--qemu", "8.2", "--format", "svg")
        #expect(svg.output == (try run("map", "--qemu", "8.2", "--format", "svg")).output)
    }

    @Test func outputFileHoldsWhatStdoutWould() throws {
        let path = folder + "/map.html"
        let written = try run("map", "--qemu", "9.1", "--format", "html", "-o", path)
        #expect(written.exitCode == 0 && written.output.isEmpty && written.standardError.isEmpty)
        let printed = try run("map", "--qemu", "9.1", "--format", "html")
        #expect(FileManager.default.contents(atPath: path).map([UInt8].init) == printed.output)
    }

    @Test(arguments: [
        (["map", "--qemu", "9.9"], "unknown QEMU release '9.9'"),
        (["map", "--format", "png"], "The value 'png' is invalid for '--format <format>'"),
        (["map", "--diff", "9.0"], "migedit: --diff takes two releases, e.g. --diff 9.0 9.1 (got 1)"),
        (["map", "--diff", "9.0", "9.1", "10.0"], "migedit: --diff takes two releases, e.g. --diff 9.0 9.1 (got 3)"),
        (["map", "--diff", "9.0", "9.9"], "migedit: unknown QEMU release '9.9' in --diff; known: 7.2, 8.0"),
        (["map", "--diff", "9.0", "10.1", "--qemu", "9.0"], "migedit: --diff names both releases; leave out --qemu"),
        (["map", "/nonexistent/profile.json"], "migedit: cannot read /nonexistent/profile.json: no such file"),
        (["map", "--set", "compress=on", "--diff", "9.0", "9.1"], "migedit: compress was removed after QEMU 9.0"),
        (["map", "-o", "/"], "migedit: cannot write /: it is a directory"),
    ])
    func badInputExitsTwoWithOneLine(arguments: [String], message: String) throws {
        let result = try ChildProcess.run([binary] + arguments, environment: ["PATH": "/usr/bin:/bin"])
        #expect(result.exitCode == 2)
        #expect(result.output.isEmpty)
        #expect(result.standardError.contains(message), "\(result.standardError)")
        #expect(result.standardError.split(separator: "\n").count == 1, "one line: \(result.standardError)")
    }

    @Test func unreadableProfileIsBadInput() throws {
        let profile = try file("broken.json", "{\"capabilities\": {\"multifd\": \"yes\"}}")
        let result = try run("map", profile, "--format", "svg")
        #expect(result.exitCode == 2 && result.output.isEmpty)
        #expect(result.standardError == "migedit: \(profile): profile: multifd expects true or false, got \"yes\"\n")
    }
}

/// The pictures and the example the README shows are what the binary draws today.
@Suite(.serialized)
struct MapDocumentationTests {
    let binary: String
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    init() throws {
        binary = try ChildProcess.builtProduct(named: "migedit")
    }

    @Test(arguments: [
        ("docs/map-9.0.svg", ["map", "--qemu", "9.0", "--format", "svg"]),
        ("docs/map-8.2-to-10.1.svg", ["map", "--diff", "8.2", "10.1", "--format", "svg"]),
    ])
    func committedPicturesAreCurrent(path: String, arguments: [String]) throws {
        let committed = try #require(FileManager.default.contents(atPath: root.appendingPathComponent(path).path))
        let drawn = try ChildProcess.run([binary] + arguments, environment: ["PATH": "/usr/bin:/bin"])
        #expect([UInt8](committed) == drawn.output, "regenerate: swift run migedit \(arguments.joined(separator: " ")) > \(path)")
        let readme = try String(contentsOf: root.appendingPathComponent("README.md"), encoding: .utf8)
        #expect(readme.contains("swift run migedit \(arguments.joined(separator: " ")) > \(path)"))
        #expect(readme.contains("](\(path))"))
    }

    /// The README's `migedit map` example: its lines (`…` stands for lines left out) appear in
    /// the output in the same order.
    @Test func readmeExampleIsWhatTheBinaryPrints() throws {
        let readme = try String(contentsOf: root.appendingPathComponent("README.md"), encoding: .utf8)
        let example = try #require(readme.components(separatedBy: "\n$ migedit map ").dropFirst().first)
        let lines = example.components(separatedBy: "\n")
        let expected = lines.dropFirst().prefix { $0 != "```" }.filter { $0 != "…" }
        let output = try ChildProcess.run([binary] + ShellWords.split("map " + lines[0]), environment: ["PATH": "/usr/bin:/bin"])
            .standardOutput.components(separatedBy: "\n")
        var remaining = output[...]
        for line in expected {
            guard let found = remaining.firstIndex(of: line) else {
                Issue.record("README line not in order in `migedit map \(lines[0])`: \(line)")
                return
            }
            remaining = remaining[(found + 1)...]
        }
        #expect(expected.count > 20)
    }
}
