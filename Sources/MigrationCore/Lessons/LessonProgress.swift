/// Which lessons a learner has completed, as kept in the progress file
/// (`$XDG_STATE_HOME/migedit/lessons.json`): `{"completed": ["switchover-ack", …]}`. Members
/// it does not know are kept as they are, so a newer migedit's additions survive an older one
/// recording a lesson.
public struct LessonProgress: Hashable, Sendable {
    /// The ids of the completed lessons, in the order they were first completed.
    public private(set) var completed: [String]
    private var otherMembers: [JSONMember]

    /// No lesson completed.
    public init() {
        completed = []
        otherMembers = []
    }

    /// Reads a progress file, refusing anything that is not one (so a damaged file is reported
    /// and left alone rather than overwritten).
    public init(json text: String) throws(ImportError) {
        let document: JSON
        do {
            document = try JSON(parsing: text)
        } catch {
            throw ImportError("not valid JSON: \(error.message) (line \(error.line), column \(error.column))")
        }
        guard let members = document.members else {
            throw ImportError("expected a JSON object with \"completed\", got \(document.serialized())")
        }
        self.init()
        for member in members {
            guard member.key == "completed" else {
                otherMembers.append(member)
                continue
            }
            guard let ids = member.value.arrayValue?.compactMap(\.stringValue),
                  ids.count == member.value.arrayValue?.count
            else { throw ImportError("\"completed\" must be a list of lesson ids, got \(member.value.serialized())") }
            completed = ids
        }
    }

    /// Whether the lesson with this id was completed.
    public func isCompleted(_ id: String) -> Bool { completed.contains(id) }

    /// Records a completed lesson (once).
    public mutating func markCompleted(_ id: String) {
        if !completed.contains(id) { completed.append(id) }
    }

    /// The progress file's text, pretty-printed with a trailing newline.
    public var json: String {
        let list = JSONMember(key: "completed", value: .array(completed.map { .string($0) }))
        return JSON.object([list] + otherMembers).serialized(pretty: true) + "\n"
    }
}
