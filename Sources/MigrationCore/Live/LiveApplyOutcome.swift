/// What a live apply did: how many of the plan's commands QEMU took, QEMU's own words when it
/// refused one (the rest are then not sent), and the settings read back afterwards, with every
/// value that differs from the one wanted. `apply` prints it; the live editor shows it.
public struct LiveApplyOutcome: Hashable, Sendable {
    /// The number of commands QEMU answered with success.
    public let accepted: Int
    /// QEMU's error reply to the command it refused, verbatim; nil when it took them all.
    public let refusal: String?
    /// QEMU's settings after the apply.
    public let readBack: LiveSnapshot
    /// The changes QEMU did not take: `running` is what it reads back, `wanted` what was sent.
    public let notTaken: [LiveChange]

    public init(accepted: Int, refusal: String?, readBack: LiveSnapshot, wanted: Configuration) {
        self.accepted = accepted
        self.refusal = refusal
        self.readBack = readBack
        notTaken = ApplyPlan.notTaken(wanted, readBack: readBack.profile.configuration, version: readBack.version)
    }

    /// QEMU took every command and reads back every value as wanted.
    public var isComplete: Bool { refusal == nil && notTaken.isEmpty }
}
