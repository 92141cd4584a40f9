extension Lesson {
    /// Transport parameters and stream capabilities: what mapped-ram's file layout refuses.
    static let mappedRamFile = Lesson(
        id: "mapped-ram-file", title: "Migrating to a file with mapped-ram",
        task: "mapped-ram writes every page of RAM at a fixed offset of a file, which with multifd makes "
            + "saving a guest to a file fast. This QEMU 9.0 profile also compresses and uses xbzrle. "
            + "Keep mapped-ram and multifd on and get the configuration accepted.",
        start: LessonLibrary.start(.v9_0, [
            .set(.mappedRam, .on), .set(.multifd, .on), .set(.multifdCompression, .choice("zstd")), .set(.xbzrle, .on),
        ]),
        goal: LessonGoal([.value(.mappedRam, .on), .value(.multifd, .on), .accepted]),
        solution: [.set(.multifdCompression, .choice("none")), .set(.xbzrle, .off)])
}
