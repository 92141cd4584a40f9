extension Lesson {
    /// Build rules: a multifd compression method the build does not have.
    static let compressionBuild = Lesson(
        id: "compression-build", title: "A compression method this build lacks",
        task: "This QEMU 9.1 profile has multifd compress with qpl (Intel's IAA accelerator), but the "
            + "distribution's QEMU was built with zstd only. Keep multifd compressed on this build; "
            + "QEMU refuses a method it does not know before any other check.",
        start: LessonLibrary.start(.v9_1, [.set(.multifd, .on), .set(.multifdCompression, .choice("qpl"))]),
        goal: LessonGoal([
            .value(.multifd, .on), .changed(.multifdCompression), .host(.compressionMethods, "zstd"), .accepted,
        ]),
        solution: [.set(.multifdCompression, .choice("zstd"))])
}
