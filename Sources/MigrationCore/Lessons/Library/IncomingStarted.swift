extension Lesson {
    /// Host facts and postcopy: what can still change once -incoming has started.
    static let incomingStarted = Lesson(
        id: "incoming-started", title: "The destination was started with -incoming",
        task: "This destination QEMU 9.0 was started with -incoming and its incoming side is already up "
            + "(host incoming=started). Which settings can still change? Keep postcopy-ram on and get "
            + "the configuration accepted without restarting the destination.",
        start: LessonLibrary.start(.v9_0, [
            .set(.postcopyRam, .on), .set(.postcopyPreempt, .on), .set(.multifd, .on), .host(.incoming, "started"),
        ]),
        goal: LessonGoal([.host(.incoming, "started"), .value(.postcopyRam, .on), .accepted]),
        solution: [.set(.postcopyPreempt, .off), .set(.multifd, .off)])
}
