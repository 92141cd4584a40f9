extension Lesson {
    /// Postcopy and releases: a pair only some releases refuse.
    static let postcopyMultifd = Lesson(
        id: "postcopy-multifd", title: "Postcopy with parallel channels",
        task: "This QEMU 9.0 profile migrates a busy guest with postcopy-ram. The team wants multifd's "
            + "parallel channels as well: is that possible, and what are the options? Keep postcopy-ram "
            + "and get multifd on in a configuration QEMU accepts; the release is yours to choose (v).",
        start: LessonLibrary.start(.v9_0, [.set(.postcopyRam, .on)]),
        goal: LessonGoal([.value(.postcopyRam, .on), .value(.multifd, .on), .accepted]),
        solution: [.release(.v10_1), .set(.multifd, .on)])
}
