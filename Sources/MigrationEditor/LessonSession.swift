import MigrationCore

/// A lesson being played in the editor (`migedit learn N`): the lesson, its goal judged on the
/// current document, the hint shown so far, and whether completion has been reported. The
/// goal is judged on every change (one check), the hint only when `h` asks for it (it tries
/// fixes and other releases).
public struct LessonSession: Hashable, Sendable {
    public let lesson: Lesson
    /// Its number in `migedit learn`'s list; nil for a lesson read from a file.
    public let number: Int?
    /// The goal judged on `judged`.
    public private(set) var status: LessonGoalStatus
    /// The document `status` (and the hint) are for.
    private(set) var judged: Profile
    /// The hint for `judged`, once `h` asked for it.
    private(set) var hint: LessonHint?
    /// How much of the hint shows: 0 nothing, 1 what stands in the way, 2 also the change.
    private(set) var hintLevel = 0
    /// Whether the right pane shows the lesson (else the focused entry's details).
    var showsPane = true
    /// The first line of the lesson pane shown; kept apart from the detail pane's, which
    /// starts again on every entry, so moving in the list leaves the hint in view.
    var scroll = 0
    /// Completion was reported to the outside (once a session).
    var isRecorded = false

    init(lesson: Lesson, number: Int?, document: Profile) {
        self.lesson = lesson
        self.number = number
        judged = document
        status = lesson.goal.status(of: document)
    }

    /// Judges a changed document; its hints start again from none.
    mutating func judge(_ document: Profile) {
        guard document != judged else { return }
        judged = document
        status = lesson.goal.status(of: document)
        hint = nil
        hintLevel = 0
    }

    /// Shows one more step of the hint; false when everything is shown already.
    mutating func revealHint() -> Bool {
        if hint == nil { hint = LessonCoach.hint(for: lesson.goal, in: judged) }
        guard hintLevel < 2 else { return false }
        hintLevel += 1
        return true
    }

    /// How the title and the pane name the lesson: `lesson 3` or its id for a lesson file.
    var name: String { number.map { "lesson \($0)" } ?? "lesson \(lesson.id)" }

    /// The lesson after this one in `migedit learn`'s list, with its number.
    var next: (number: Int, lesson: Lesson)? {
        guard let number, number < LessonLibrary.all.count else { return nil }
        return (number + 1, LessonLibrary.all[number])
    }
}

extension EditorState {
    /// A state for playing `lesson` (numbered `number` in the list, nil for a lesson file): its
    /// start is the document, counted as saved, on a terminal of `size`.
    public init(lesson: Lesson, number: Int?, size: Size) {
        self.init(
            configuration: lesson.start.configuration, host: lesson.start.host, version: lesson.start.version, size: size)
        self.lesson = LessonSession(lesson: lesson, number: number, document: document)
    }

    /// `h`: the next step of the hint for where the learner is now.
    mutating func revealLessonHint() {
        guard var session = lesson else { return }
        if session.status.isMet {
            status = .info("The goal holds: nothing to hint at. R restarts the lesson")
            return
        }
        session.showsPane = true
        if !session.revealHint() {
            status = .info("That is the whole hint for this step; make the change, then h hints at the next")
        } else if session.hintLevel > 1, let hint = session.hint {
            status = .info("Hint: " + LessonPane.change(hint))
        }
        session.scroll = LessonPane.goalLine(for: session, width: Layout(size: size).detailTextWidth)
        lesson = session
    }

    /// `R`: back to the lesson's start, as one change `u` undoes.
    mutating func restartLesson() {
        guard let session = lesson else { return }
        status = change("restart the lesson") { $0 = session.lesson.start }
            ? .info("Back at the lesson's start (u undoes)")
            : .info("Already at the lesson's start")
    }

    /// `l`: the lesson pane or the focused entry's details in the right pane.
    mutating func toggleLessonPane() {
        guard var session = lesson else { return }
        session.showsPane.toggle()
        detailScroll = 0
        lesson = session
        status = .info(session.showsPane ? "The lesson pane is back; l shows the entry's details" : "The entry's details; l shows the lesson again")
    }

    /// Judges the lesson's goal on the document after a change, and reports completion once.
    mutating func judgeLesson() -> [EditorEffect] {
        guard var session = lesson else { return [] }
        session.judge(document)
        defer { lesson = session }
        guard session.status.isMet, !session.isRecorded else { return [] }
        session.isRecorded = true
        session.showsPane = true
        session.scroll = LessonPane.goalLine(for: session, width: Layout(size: size).detailTextWidth)
        status = .info("\(Marker.accepted) Lesson complete: the goal holds")
        return [.recordLessonCompleted(id: session.lesson.id)]
    }

    /// Whether the right pane shows the lesson: while one is played and shown, except while a
    /// search lists its matches or a field is edited there.
    var showsLessonPane: Bool {
        guard lesson?.showsPane == true else { return false }
        switch mode {
        case .searching, .editing: return false
        default: return true
        }
    }
}
