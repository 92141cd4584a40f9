extension Lesson {
    /// Build rules: a capability that needs a module compiled in.
    static let coloReplication = Lesson(
        id: "colo-replication", title: "COLO needs the replication module",
        task: "COLO (x-colo) keeps a secondary VM in lock-step with the primary for fault tolerance. "
            + "This QEMU 7.2 was built without the replication module. Keep x-colo on: which QEMU "
            + "build does it take?",
        start: LessonLibrary.start(.v7_2, [.set(.xColo, .on), .host(.replication, "off")]),
        goal: LessonGoal([.value(.xColo, .on), .accepted]),
        solution: [.host(.replication, "on")])
}
