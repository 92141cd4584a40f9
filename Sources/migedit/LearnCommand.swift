import ArgumentParser
import MigeditIO
import MigrationCore
import MigrationEditor

/// `migedit learn`: the lessons, one of them in the editor with its lesson pane, and the
/// learner's progress (kept under `$XDG_STATE_HOME/migedit/`).
struct LearnCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "learn",
        abstract: "List the lessons, or play one in the editor.",
        discussion: """
            Each lesson opens the editor on a starting configuration with a task and a goal the \
            checker decides. In the editor h gives the next hint (why, then the change), R \
            restarts the lesson and l switches the right pane between the lesson and the \
            entry's details. A lesson is complete when its goal holds; progress is kept in \
            $XDG_STATE_HOME/migedit/lessons.json (~/.local/state/migedit/lessons.json).

            Examples:
              migedit learn                      list the lessons, completed ones marked ✓
              migedit learn 3                    play lesson 3 (or name it: migedit learn xbzrle-cache)
              migedit learn --file lesson.json   play a lesson from a file (README: Lessons)
              migedit learn --reset              forget which lessons were completed
            """)

    @Argument(
        help: "A lesson's number or id, as `migedit learn` lists them.",
        completion: .list(LessonLibrary.all.map(\.id)))
    var lesson: String?

    @Option(name: .customLong("file"), help: ArgumentHelp("Play a lesson from a JSON file.", valueName: "PATH"), completion: Completions.profiles)
    var file: String?

    @Flag(help: "Clear the lesson progress.")
    var reset = false

    @Flag(help: "Use the monochrome scheme (also chosen when NO_COLOR is set).")
    var monochrome = false

    func run() throws {
        let store: ProgressStore
        do {
            store = try ProgressStore.standard()
        } catch {
            throw CLIFailure.badInput(error.message)
        }
        if reset {
            guard lesson == nil, file == nil else { throw CLIFailure.badInput("--reset takes no lesson") }
            Console.output(try store.reset() ? "Cleared the lesson progress (\(store.path))" : "No lesson progress to clear (\(store.path))")
            return
        }
        if lesson != nil, file != nil { throw CLIFailure.badInput("give a lesson or --file, not both") }
        guard let (played, number) = try chosenLesson() else {
            list(store)
            return
        }
        try EditorLoop.requireTerminal()
        let outcome = try EditorLoop.run(monochrome: monochrome) { size in
            EditorState(lesson: played, number: number, size: size)
        }
        if case .interrupted = outcome { throw ExitCode(130) }
    }

    /// The lesson asked for with its number in the list (nil for a file), or nil for the list.
    private func chosenLesson() throws -> (Lesson, Int?)? {
        if let file {
            do {
                return (try Lesson(json: try ProfileFile.readText(file)), nil)
            } catch let error as ImportError {
                throw CLIFailure.badInput("\(file): \(error.message)")
            }
        }
        guard let name = lesson else { return nil }
        guard let found = LessonLibrary.lesson(named: name) else {
            throw CLIFailure.badInput(
                "no lesson '\(name)' (lessons are 1 to \(LessonLibrary.all.count) or their ids; migedit learn lists them)")
        }
        return (found, LessonLibrary.all.firstIndex(of: found).map { $0 + 1 })
    }

    /// Every lesson, a `✓` beside those completed; a progress file that cannot be read is named
    /// on stderr and the list shown without marks.
    private func list(_ store: ProgressStore) {
        let progress: LessonProgress
        switch store.read() {
        case .success(let read): progress = read
        case .failure(let error):
            Console.error("migedit: \(error.message); it is left as it is (migedit learn --reset clears it)")
            progress = LessonProgress()
        }
        let lessons = LessonLibrary.all
        let done = lessons.filter { progress.isCompleted($0.id) }.count
        let idWidth = lessons.map(\.id.count).max() ?? 0
        var lines = ["Lessons: \(done) of \(lessons.count) completed (progress in \(store.path))"]
        for (index, lesson) in lessons.enumerated() {
            let number = String(index + 1), mark = progress.isCompleted(lesson.id) ? "✓" : " "
            let release = "QEMU \(lesson.start.version)"
            lines.append(
                String(repeating: " ", count: 3 - number.count) + number + " " + mark + " "
                    + release + String(repeating: " ", count: 10 - release.count)
                    + lesson.id + String(repeating: " ", count: idWidth + 2 - lesson.id.count) + lesson.title)
        }
        lines.append("migedit learn N plays lesson N in the editor: h hints, R restarts, q leaves.")
        Console.output(lines.joined(separator: "\n"))
    }
}
