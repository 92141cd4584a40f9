extension Lesson {
    /// Transport parameters and stream capabilities: zero-copy against TLS.
    static let zeroCopyEncrypted = Lesson(
        id: "zero-copy-encrypted", title: "Zero-copy on a migration that must stay encrypted",
        task: "This migration must stay encrypted (tls-creds tls0) and uses multifd; someone turned on "
            + "zero-copy-send to save CPU time. Find out why QEMU 9.0 refuses the mix, then keep TLS "
            + "and multifd and get the configuration accepted.",
        start: LessonLibrary.start(.v9_0, [
            .set(.multifd, .on), .set(.multifdChannels, .number(8)), .set(.zeroCopySend, .on),
            .set(.tlsCreds, .text("tls0")),
        ]),
        goal: LessonGoal([.value(.tlsCreds, .text("tls0")), .value(.multifd, .on), .accepted]),
        solution: [.set(.zeroCopySend, .off)])
}
