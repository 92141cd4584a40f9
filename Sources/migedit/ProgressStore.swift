import MigeditIO
import MigrationCore
import MigrationEditor

import Glibc

/// The learner's lesson progress on disk: `$XDG_STATE_HOME/migedit/lessons.json`, by default
/// `~/.local/state/migedit/lessons.json`. It is written atomically, and a file that is not a
/// progress file is reported and left alone, never overwritten: the learner may fix it or clear
/// it with `migedit learn --reset`.
struct ProgressStore {
    /// The progress file.
    let path: String

    /// The store the XDG base directory spec places: `$XDG_STATE_HOME` when it is an absolute
    /// path (the spec says to ignore a relative one), else `$HOME/.local/state`.
    static func standard() throws(FileError) -> ProgressStore {
        if let state = getenv("XDG_STATE_HOME").map({ String(cString: $0) }), state.hasPrefix("/") {
            return ProgressStore(path: state + "/migedit/lessons.json")
        }
        guard let home = getenv("HOME").map({ String(cString: $0) }), !home.isEmpty else {
            throw FileError("neither XDG_STATE_HOME nor HOME is set, so there is nowhere to keep lesson progress")
        }
        return ProgressStore(path: home + "/.local/state/migedit/lessons.json")
    }

    /// The progress so far (none when there is no file yet), or why the file cannot be used.
    func read() -> Result<LessonProgress, FileError> {
        guard access(path, F_OK) == 0 else { return .success(LessonProgress()) }
        do {
            return .success(try LessonProgress(json: try AtomicFile.read(path)))
        } catch let error as FileError {
            return .failure(error)
        } catch let error as ImportError {
            return .failure(FileError("\(path) is no lesson progress file: \(error.message)"))
        } catch {
            return .failure(FileError("\(path): \(error)"))
        }
    }

    /// Records a completed lesson, as the action the editor expects: the file is read first, so
    /// what it holds is kept, and a file that cannot be read is not touched.
    func record(_ id: String) -> EditorAction {
        do {
            var progress = try read().get()
            progress.markCompleted(id)
            try Directories.create(String(path[..<(path.lastIndex(of: "/") ?? path.endIndex)]))
            try AtomicFile.write(progress.json, to: path)
            return .lessonRecorded(path: path)
        } catch {
            return .lessonNotRecorded(reason: error.message + " (left as it was)")
        }
    }

    /// Removes the progress file (only it); false when there was none.
    func reset() throws -> Bool {
        if unlink(path) == 0 { return true }
        if errno == ENOENT { return false }
        throw CLIFailure.badInput("cannot clear \(path): \(String(cString: strerror(errno)).lowercased())")
    }
}
