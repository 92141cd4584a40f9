extension Lesson {
    /// Host facts and postcopy: a destination kernel without userfaultfd.
    static let postcopyWithoutUserfaultfd = Lesson(
        id: "postcopy-without-userfaultfd", title: "Postcopy on a kernel without userfaultfd",
        task: "This destination QEMU 8.1 runs on a kernel without userfaultfd (host postcopy-support=off) "
            + "and was started with -incoming. Postcopy cannot work there. Keep the host as it is and "
            + "converge with parallel channels instead: multifd on with at least 4 channels.",
        start: LessonLibrary.start(.v8_1, [
            .set(.postcopyRam, .on), .host(.incoming, "pending"), .host(.postcopySupport, "off"),
        ]),
        goal: LessonGoal([
            .host(.postcopySupport, "off"), .host(.incoming, "pending"), .value(.multifd, .on),
            .atLeast(.multifdChannels, 4), .accepted,
        ]),
        solution: [.set(.postcopyRam, .off), .set(.multifd, .on), .set(.multifdChannels, .number(4))])
}
