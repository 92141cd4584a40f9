extension Lesson {
    /// block-bitmap-mapping: an alias QEMU cannot use.
    static let bitmapAlias = Lesson(
        id: "bitmap-alias", title: "A bitmap alias QEMU cannot use",
        task: "This QEMU 9.0 profile migrates dirty bitmaps and renames the node on the way with "
            + "block-bitmap-mapping, but the alias starts with a digit. Keep dirty-bitmaps on and get "
            + "the configuration accepted; without a mapping each bitmap keeps its node's name.",
        start: LessonLibrary.start(.v9_0, [
            .set(.dirtyBitmaps, .on),
            .set(.blockBitmapMapping, .bitmapMapping([
                BitmapNodeAlias(nodeName: "drive0", alias: "0disk", bitmaps: [BitmapAlias(name: "bitmap0", alias: "b0")]),
            ])),
        ]),
        goal: LessonGoal([.value(.dirtyBitmaps, .on), .accepted]),
        solution: [.set(.blockBitmapMapping, .bitmapMapping([]))])
}
