import MigrationCore

/// Everything that can happen to the editor: a key, or the outcome of an effect the outside
/// performed on the editor's behalf. Results come back as actions so `update` stays pure and
/// every consequence of a failed save or open is testable without a file system.
public enum EditorAction: Hashable, Sendable {
    case key(Key)
    /// The profile was written to `path` (atomically, keeping PATH.bak).
    case saved(path: String)
    /// Writing the profile failed; `reason` says why, in one line.
    case saveFailed(reason: String)
    /// The file at `path` was read and parsed with `Profile(json:)`.
    case opened(Profile, path: String)
    /// Reading or parsing the profile failed; `reason` says why (e.g. `ImportError.message`).
    case openFailed(reason: String)
    /// An export was written to `path`.
    case exported(path: String)
    case exportFailed(reason: String)
    /// A rescue file (`PROFILE.save`) newer than the profile was found at `path` and parsed.
    case foundRescue(Profile, path: String)
    /// A newer rescue file exists but cannot be read or parsed; `reason` says why.
    case rescueUnreadable(reason: String)
    /// The completed lesson was recorded in the progress file at `path`.
    case lessonRecorded(path: String)
    /// Recording the completed lesson failed; `reason` says why (the progress file is left as
    /// it was).
    case lessonNotRecorded(reason: String)
    /// The attached QEMU's settings, read again.
    case liveRead(LiveSnapshot)
    /// QEMU ran the apply of `wanted` (taking all, some or none of it) and was read back.
    case liveApplied(LiveApplyOutcome, wanted: Profile)
    /// The attached QEMU could not be reached or did not speak QMP; `reason` says why.
    case liveFailed(reason: String)
    /// A step of the rehearsal under way (`setting up the source`, `source active, …`).
    case rehearsalProgress(String)
    /// The rehearsal ran to its result.
    case rehearsed(RehearsalResult)
    /// No rehearsal could run: the binary is no usable QEMU, or the profile does not fit it.
    case rehearsalFailed(reason: String)
}

/// A request `update` makes of the outside world, which performs it and reports back with the
/// matching `EditorAction`.
public enum EditorEffect: Hashable, Sendable {
    /// Write a profile; answer with `.saved` or `.saveFailed`.
    case save(path: String, contents: String)
    /// Read and parse a profile; answer with `.opened` or `.openFailed`.
    case open(path: String)
    /// Look for `profilePath.save` newer than the profile (or with no profile on disk); answer
    /// with `.foundRescue` or `.rescueUnreadable` when there is one, with nothing otherwise.
    case lookForRescue(profilePath: String)
    /// Write an export; answer with `.exported` or `.exportFailed`.
    case writeExport(path: String, contents: String)
    /// Record a completed lesson in the learner's progress; answer with `.lessonRecorded` or
    /// `.lessonNotRecorded`.
    case recordLessonCompleted(id: String)
    /// Send the plan's commands to the attached QEMU and read it back; answer with
    /// `.liveApplied` or `.liveFailed`.
    case applyLive(ApplyPlan, wanted: Profile)
    /// Read the attached QEMU's settings, over `host` for the facts QMP cannot tell; answer
    /// with `.liveRead` or `.liveFailed`.
    case readLive(host: Host)
    /// Rehearse a migration of `profile` (both sides) between two QEMUs of `binary`; answer
    /// with `.rehearsalProgress` as it goes, then `.rehearsed` or `.rehearsalFailed`.
    case rehearse(Profile, binary: String)
    /// Leave the editor, restore the terminal, then print `printing` (plus a newline) to
    /// stdout when it is not nil: the `-global` fragment after `w`, nothing after `q`.
    case quit(printing: String?)
    /// Leave the editor as Ctrl-C does: restore the terminal, print nothing and exit with 130,
    /// so a shell sees an interrupted program rather than a finished one.
    case interrupt
}
