extension Lesson {
    /// background-snapshot: everything it refuses, and what is left.
    static let backgroundSnapshot = Lesson(
        id: "background-snapshot", title: "A snapshot with everything QEMU allows",
        task: "background-snapshot saves a running guest's RAM without stopping it, and refuses many "
            + "capabilities that only make sense with a destination. Keep background-snapshot on and "
            + "turn on as many capabilities as QEMU 9.1 accepts beside it on this host: five in all.",
        start: LessonLibrary.start(.v9_1, [
            .set(.backgroundSnapshot, .on), .set(.returnPath, .on), .set(.multifd, .on), .set(.events, .on),
        ]),
        goal: LessonGoal([
            .value(.backgroundSnapshot, .on), .host(.dirtyRing, "off"), .host(.writeTracking, "compatible"),
            .capabilitiesOn(5), .accepted,
        ]),
        solution: [
            .set(.returnPath, .off), .set(.multifd, .off), .set(.zeroBlocks, .on), .set(.xIgnoreShared, .on),
            .set(.mappedRam, .on),
        ])
}
