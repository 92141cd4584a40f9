extension Lesson {
    /// Host facts and stream capabilities: dirty-limit needs KVM's dirty ring.
    static let dirtyLimitHost = Lesson(
        id: "dirty-limit-host", title: "dirty-limit on the right host",
        task: "dirty-limit slows down only the vCPUs that dirty memory fastest, where auto-converge "
            + "slows the whole guest. This QEMU 8.2 profile turns both on, on a KVM host without a "
            + "dirty ring. Keep dirty-limit on; the host's accelerator settings are yours to change.",
        start: LessonLibrary.start(.v8_2, [.set(.dirtyLimit, .on), .set(.autoConverge, .on)]),
        goal: LessonGoal([.value(.dirtyLimit, .on), .accepted]),
        solution: [.set(.autoConverge, .off), .host(.dirtyRing, "on")])
}
