extension Lesson {
    /// Parameter ranges: a size that must be a power of two of at least a page.
    static let xbzrleCache = Lesson(
        id: "xbzrle-cache", title: "Size the xbzrle cache",
        task: "xbzrle resends only the changed bytes of pages it still has in its cache, so the cache "
            + "must hold the guest's busiest pages. This QEMU 8.2 profile gives it 1000 bytes. Give "
            + "xbzrle a cache of at least 256 MiB that QEMU accepts.",
        start: LessonLibrary.start(.v8_2, [.set(.xbzrle, .on), .set(.xbzrleCacheSize, .number(1000))]),
        goal: LessonGoal([.value(.xbzrle, .on), .atLeast(.xbzrleCacheSize, 256 << 20), .accepted]),
        solution: [.set(.xbzrleCacheSize, .number(256 << 20))])
}
