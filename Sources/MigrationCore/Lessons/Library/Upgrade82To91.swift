extension Lesson {
    /// Releases and build rules: a deprecated capability that a later release removes.
    static let upgrade82To91 = Lesson(
        id: "upgrade-8.2-to-9.1", title: "Move this profile from 8.2 to 9.1",
        task: "This profile runs on Ubuntu 24.04's QEMU 8.2 with the old compress capability, which 8.2 "
            + "already warns about and 9.1 removes. Move it to QEMU 9.1 and keep the traffic "
            + "compressed: multifd with multifd-compression zstd replaces it.",
        start: LessonLibrary.start(.v8_2, [.set(.compress, .on), .set(.compressThreads, .number(4))]),
        goal: LessonGoal([
            .release(.v9_1), .value(.multifd, .on), .value(.multifdCompression, .choice("zstd")), .accepted,
        ]),
        solution: [
            .set(.compress, .off), .set(.multifd, .on), .set(.multifdCompression, .choice("zstd")), .release(.v9_1),
        ])
}
