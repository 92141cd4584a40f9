import MigeditIO
import MigrationCore
import MigrationEditor

import Glibc

/// The rescue files (`PROFILE.save`) on disk: written when a signal ends the editor with unsaved
/// changes, found again when the profile is opened.
enum RescueStore {
    /// Writes the rescue file atomically and returns the line for stderr saying where the
    /// changes went (or that they could not be kept).
    static func write(_ rescue: RescueFile) -> String {
        do {
            try AtomicFile.write(rescue.contents, to: rescue.path)
            return "migedit: unsaved changes written to \(rescue.path); opening the profile again offers to load them"
        } catch {
            return "migedit: unsaved changes lost: \(error.message)"
        }
    }

    /// The rescue file of the profile at `profilePath` when it is newer than the profile (or
    /// the profile is not on disk), as the action that offers it; nil when there is none.
    static func find(for profilePath: String) -> EditorAction? {
        let path = RescueFile.path(for: profilePath)
        guard let rescued = modificationTime(of: path) else { return nil }
        if let profile = modificationTime(of: profilePath), !(profile < rescued) { return nil }
        switch ProfileFile.load(path) {
        case .success(let profile): return .foundRescue(profile, path: path)
        case .failure(let error): return .rescueUnreadable(reason: error.message)
        }
    }

    /// When the file at `path` was last written (seconds, nanoseconds), nil when it does not exist.
    private static func modificationTime(of path: String) -> Timestamp? {
        var status = stat()
        guard stat(path, &status) == 0 else { return nil }
        return Timestamp(seconds: status.st_mtim.tv_sec, nanoseconds: status.st_mtim.tv_nsec)
    }

    private struct Timestamp: Comparable {
        let seconds: Int
        let nanoseconds: Int

        static func < (lhs: Timestamp, rhs: Timestamp) -> Bool {
            (lhs.seconds, lhs.nanoseconds) < (rhs.seconds, rhs.nanoseconds)
        }
    }
}
