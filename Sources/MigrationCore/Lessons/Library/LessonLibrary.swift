/// The lessons migedit ships, in the order `migedit learn` lists them: one capability or rule
/// first, then lessons that need several changes, a host or another release. Each is defined in
/// a file of its own beside this one; a new lesson is a new file and a line here.
public enum LessonLibrary {
    public static let all: [Lesson] = [
        .switchoverAck, .xbzrleCache, .throttleRange, .zeroCopyEncrypted, .dirtyLimitHost, .coloReplication,
        .compressionBuild, .bitmapAlias, .mappedRamFile, .incomingStarted, .postcopyWithoutUserfaultfd,
        .postcopyMultifd, .backgroundSnapshot, .upgrade82To91,
    ]

    /// A lesson by its number in `all` (from 1) or its id.
    public static func lesson(named name: String) -> Lesson? {
        if let number = Int(name), all.indices.contains(number - 1) { return all[number - 1] }
        return all.first { $0.id == name }
    }

    /// A starting profile: QEMU `version`'s defaults with `steps` applied.
    static func start(_ version: QEMUVersion, _ steps: [LessonStep]) -> Profile {
        steps.reduce(into: Profile(version: version)) { profile, step in step.apply(to: &profile) }
    }
}

extension Value {
    /// `on`, for lesson definitions.
    static let on = Value.bool(true)
    /// `off`, for lesson definitions.
    static let off = Value.bool(false)
}
