extension Lesson {
    /// Stream capabilities: a capability that needs another one.
    static let switchoverAck = Lesson(
        id: "switchover-ack", title: "An acknowledgement needs a way back",
        task: "switchover-ack lets the destination tell the source when it is ready to switch over, "
            + "which devices with a lot of state (VFIO) need. This QEMU 8.1 profile turns it on alone. "
            + "Keep switchover-ack on and get the configuration accepted.",
        start: LessonLibrary.start(.v8_1, [.set(.switchoverAck, .on)]),
        goal: LessonGoal([.value(.switchoverAck, .on), .accepted]),
        solution: [.set(.returnPath, .on)])
}
