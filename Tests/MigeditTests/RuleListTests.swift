import Foundation
import MigrationCore
import Testing
import TestSupport

/// `explain --list` is what users grep and scripts iterate; every id it prints must be found
/// by grepping the sources for it, once, with the rule's message and explanation beside it.
@Suite(.serialized)
struct RuleListTests {
    /// Every Swift source under `Sources/`, by path.
    static let sources: [String: String] = {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Sources")
        var files: [String: String] = [:]
        let walker = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil)
        while let url = walker?.nextObject() as? URL {
            if url.pathExtension == "swift", let text = try? String(contentsOf: url, encoding: .utf8) { files[url.path] = text }
        }
        return files
    }()

    func run(_ arguments: String...) throws -> ChildProcess.Output {
        try ChildProcess.run([try ChildProcess.builtProduct(named: "migedit")] + arguments, environment: ["PATH": "/usr/bin:/bin"])
    }

    @Test("every listed id is one string literal in Sources/, in every release", arguments: QEMUVersion.allCases)
    func everyIDIsALiteral(_ version: QEMUVersion) throws {
        let listed = try run("explain", "--list", "--qemu", version.rawValue)
        #expect(listed.exitCode == 0)
        let ids = listed.standardOutput.split(separator: "\n").map(String.init)
        #expect(ids == RuleBook.rules(for: version).map(\.id), "QEMU's order")
        for id in ids {
            let count = Self.sources.values.reduce(0) { $0 + $1.components(separatedBy: "\"\(id)\"").count - 1 }
            #expect(count == 1, "\"\(id)\" appears \(count) times as a literal")
        }
    }

    @Test("every rule's message and explanation are literals in its family's file")
    func messagesAreFoundWhereTheRuleIs() throws {
        let rules = Self.sources.filter { $0.key.contains("/Rules/") }
        for rule in RuleBook.all {
            let caseName = ".\(String(describing: rule.identity)),"
            let homes = rules.filter { $0.value.contains(caseName) }
            #expect(homes.count == 1, "\(rule.id) is defined in \(homes.count) files")
            guard let home = homes.first?.value else { continue }
            #expect(home.contains("\"\(rule.message)") || home.contains(rule.message.prefix(40)), "\(rule.id): message not beside it")
            #expect(home.contains(String(rule.explanation.prefix(30))), "\(rule.id): explanation not beside it")
        }
    }

    @Test func theJSONListCarriesWhatScriptsNeed() throws {
        let result = try run("explain", "--list", "--json", "--qemu", "10.1")
        let list = try #require(try JSON(parsing: result.standardOutput).arrayValue)
        #expect(list.count == RuleBook.rules(for: .v10_1).count)
        let first = try #require(list.first)
        #expect(first["id"] == .string("multifd-compression-needs-build-support"))
        #expect(first["severity"] == .string("error"))
        #expect(first["items"] == .array([.string("multifd-compression"), .string("host.compression-methods")]))
        let multifd = list.first { $0["id"] == .string("multifd-vs-xbzrle") }
        #expect(multifd?["releases"] == .array(["8.2", "9.0", "9.1", "9.2", "10.0", "10.1", "10.2"].map { .string($0) }))
        #expect(!list.contains { $0["id"] == .string("postcopy-ram-vs-multifd") }, "10.1 lifted it")
    }

    @Test func listAndNameAreExclusive() throws {
        #expect(try run("explain").exitCode == 2)
        #expect(try run("explain", "--list", "multifd").exitCode == 2)
        #expect(try run("explain", "multifd", "--json").exitCode == 2)
    }
}
