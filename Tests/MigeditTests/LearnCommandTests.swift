import Foundation
import MigrationCore
import Testing
import TestSupport

/// `migedit learn` through the real binary: the list with progress marks, picking a lesson,
/// lesson files, and the progress file under XDG_STATE_HOME (cleared, or left alone when it
/// is not a progress file).
@Suite(.serialized)
struct LearnCommandTests {
    let binary: String
    let state: TemporaryFolder

    init() throws {
        binary = try ChildProcess.builtProduct(named: "migedit")
        state = try TemporaryFolder()
    }

    var progressPath: String { state.path + "/migedit/lessons.json" }

    func learn(_ arguments: String..., environment: [String: String]? = nil) throws -> ChildProcess.Output {
        try ChildProcess.run(
            [binary, "learn"] + arguments,
            environment: environment ?? ["PATH": "/usr/bin:/bin", "XDG_STATE_HOME": state.path, "HOME": "/nonexistent"])
    }

    func writeProgress(_ text: String) throws {
        try FileManager.default.createDirectory(atPath: state.path + "/migedit", withIntermediateDirectories: true)
        try text.write(toFile: progressPath, atomically: true, encoding: .utf8)
    }

    func expectBadInput(_ result: ChildProcess.Output, mentioning text: String, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(result.exitCode == 2, sourceLocation: sourceLocation)
        #expect(result.standardOutput.isEmpty, sourceLocation: sourceLocation)
        #expect(result.standardError.hasPrefix("migedit: "), "\(result.standardError)", sourceLocation: sourceLocation)
        #expect(result.standardError.split(separator: "\n").count == 1, "\(result.standardError)", sourceLocation: sourceLocation)
        #expect(result.standardError.contains(text), "\(result.standardError)", sourceLocation: sourceLocation)
    }

    @Test func listsEveryLessonWithItsReleaseAndMarksTheCompletedOnes() throws {
        let fresh = try learn()
        #expect(fresh.exitCode == 0)
        #expect(fresh.standardError.isEmpty)
        let lines = fresh.standardOutput.split(separator: "\n").map(String.init)
        #expect(lines.first == "Lessons: 0 of \(LessonLibrary.all.count) completed (progress in \(progressPath))")
        #expect(lines.count == LessonLibrary.all.count + 2)
        #expect(lines[1] == "  1   QEMU 8.1  switchover-ack                An acknowledgement needs a way back")
        #expect(lines.contains(" 12   QEMU 9.0  postcopy-multifd              Postcopy with parallel channels"))

        try writeProgress(#"{"completed": ["postcopy-multifd"]}"#)
        let after = try learn().standardOutput
        #expect(after.hasPrefix("Lessons: 1 of \(LessonLibrary.all.count) completed"))
        #expect(after.contains(" 12 ✓ QEMU 9.0  postcopy-multifd"))
        #expect(after.contains("  1   QEMU 8.1  switchover-ack"))
    }

    @Test func aProgressFileThatIsNoneIsNamedOnceAndLeftAsItIs() throws {
        try writeProgress("{\"completed\": [oops")
        let result = try learn()
        #expect(result.exitCode == 0, "the list is still shown")
        #expect(result.standardOutput.hasPrefix("Lessons: 0 of"))
        #expect(result.standardError.split(separator: "\n").count == 1, "\(result.standardError)")
        #expect(result.standardError.hasPrefix("migedit: \(progressPath) is no lesson progress file: not valid JSON"))
        #expect(result.standardError.contains("migedit learn --reset"))
        #expect(try String(contentsOfFile: progressPath, encoding: .utf8) == "{\"completed\": [oops")
    }

    @Test func resetRemovesOnlyTheProgressFile() throws {
        try writeProgress(#"{"completed": ["switchover-ack"]}"#)
        try "keep".write(toFile: state.path + "/migedit/other", atomically: true, encoding: .utf8)
        let cleared = try learn("--reset")
        #expect(cleared.exitCode == 0)
        #expect(cleared.standardOutput == "Cleared the lesson progress (\(progressPath))\n")
        #expect(!FileManager.default.fileExists(atPath: progressPath))
        #expect(FileManager.default.fileExists(atPath: state.path + "/migedit/other"))
        #expect(try learn("--reset").standardOutput == "No lesson progress to clear (\(progressPath))\n")
        expectBadInput(try learn("--reset", "3"), mentioning: "--reset takes no lesson")
    }

    @Test func progressGoesUnderHomeWhenXDGStateHomeIsUnsetOrRelative() throws {
        let result = try learn(environment: ["PATH": "/usr/bin:/bin", "XDG_STATE_HOME": "relative/state", "HOME": state.path])
        #expect(result.standardOutput.hasPrefix("Lessons: 0 of \(LessonLibrary.all.count) completed (progress in \(state.path)/.local/state/migedit/lessons.json)"))
        expectBadInput(try learn(environment: ["PATH": "/usr/bin:/bin"]), mentioning: "neither XDG_STATE_HOME nor HOME is set")
    }

    @Test func anUnknownLessonIsBadInput() throws {
        expectBadInput(try learn("99"), mentioning: "no lesson '99' (lessons are 1 to \(LessonLibrary.all.count) or their ids")
        expectBadInput(try learn("postcopy"), mentioning: "no lesson 'postcopy'")
        expectBadInput(try learn("3", "--file", "x.json"), mentioning: "give a lesson or --file, not both")
    }

    @Test func aLessonNeedsATerminal() throws {
        expectBadInput(try learn("postcopy-multifd"), mentioning: "the editor needs an interactive terminal")
    }

    /// The README's example lesson file is one: it parses, its solution solves it, and its
    /// hints lead a learner there.
    @Test func theReadmesExampleLessonIsALesson() throws {
        let readme = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("README.md")
        let text = try String(contentsOf: readme, encoding: .utf8)
        let block = try #require(text.components(separatedBy: "<!-- lesson-example:begin -->\n```json\n").last?
            .components(separatedBy: "```\n<!-- lesson-example:end -->").first)
        let lesson = try Lesson(json: block)
        var profile = lesson.start
        for _ in 0..<12 {
            guard let hint = LessonCoach.hint(for: lesson.goal, in: profile) else { break }
            for step in hint.steps { step.apply(to: &profile) }
        }
        #expect(lesson.goal.status(of: profile).isMet)
    }

    @Test func aLessonFileIsReadAndCheckedBeforeTheEditorStarts() throws {
        let file = state.path + "/lesson.json"
        try #"{"id": "mine", "title": "t", "task": "t", "goal": {"values": {"multifd": true}}, "solution": ["set events=on"]}"#
            .write(toFile: file, atomically: true, encoding: .utf8)
        expectBadInput(try learn("--file", file), mentioning: "\(file): lesson: the solution does not reach the goal (still missing: multifd on)")
        expectBadInput(try learn("--file", state.path + "/missing.json"), mentioning: "cannot read \(state.path)/missing.json")
        try #"{"id": "mine", "title": "t", "task": "t", "goal": {"values": {"multifd": true}}, "solution": ["set multifd=on"]}"#
            .write(toFile: file, atomically: true, encoding: .utf8)
        expectBadInput(try learn("--file", file), mentioning: "the editor needs an interactive terminal")
    }
}
