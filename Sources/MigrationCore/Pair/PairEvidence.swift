/// What `migedit rehearse` showed between two real QEMUs (7.2 and 10.0, TCG, 128 MiB) when a
/// must-match item differed: the evidence `migedit pair` prints under a mismatch. The
/// rehearsal tests re-run each case (`PairEvidenceTests`) and check the outcome named here.
enum PairEvidence {
    static let observed: [ItemID: String] = [
        .multifd: "rehearsed: multifd on the source only fails at once (source: \"Unable to write to socket: "
            + "Broken pipe\", the destination exits: \"load of migration failed: Invalid argument\"); on the "
            + "destination only it hangs, the source active and the destination waiting for channels",
        .postcopyRam: "rehearsed: postcopy-ram on the source only fails in setup and the destination exits "
            + "(\"load of migration failed: Invalid argument\")",
        .postcopyPreempt: "rehearsed: postcopy-preempt on the source only hangs once postcopy starts, both "
            + "sides in postcopy-paused; a busy destination sometimes loads every page before it turns the "
            + "preempt channel away and completes (10.0: 1 run in 20 under load), a race, not a remedy",
        .multifdChannels: "rehearsed: 4 channels on the source and 2 on the destination fails on 7.2 "
            + "(the destination exits) and hangs on 10.0 (the destination stops answering QMP)",
        .multifdCompression: "rehearsed: zlib on the source and none on the destination fails; 10.0's "
            + "destination exits with \"multifd 1: flags received 2 flags expected 0\"",
        .sendConfiguration: "rehearsed: send-configuration off on the source only fails at once, the "
            + "destination exits (\"Configuration section missing\"); off on both sides migrates on 7.2, and on "
            + "10.0 (q35) the source aborts at migrate (\"qobject/json-writer.c:74: leave_container: Assertion "
            + "`depth' failed\")",
        .sendSectionFooter: "rehearsed: send-section-footer off on the source only fails at once, the "
            + "destination exits (\"Missing section footer for ram\")",
    ]
}
