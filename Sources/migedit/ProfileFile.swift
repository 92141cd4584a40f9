import MigeditIO
import MigrationCore

/// Reading input files: one clear message for every way it can fail.
enum ProfileFile {
    static func read(_ path: String) throws -> Profile {
        let text = try readText(path)
        do {
            return try Profile(json: text)
        } catch {
            throw CLIFailure.badInput("\(path): \(error.message)")
        }
    }

    /// The profile at `path`, or why it cannot be read or parsed (naming the file), for the
    /// editor's status row rather than an exit.
    static func load(_ path: String) -> Result<Profile, FileError> {
        do {
            return .success(try Profile(json: try AtomicFile.read(path)))
        } catch let error as FileError {
            return .failure(error)
        } catch let error as ImportError {
            return .failure(FileError("\(path): \(error.message)"))
        } catch {
            return .failure(FileError("\(path): \(error)"))
        }
    }

    /// The whole file (or stdin for `-`) as UTF-8 text.
    static func readText(_ path: String) throws -> String {
        do {
            return try AtomicFile.read(path)
        } catch {
            throw CLIFailure.badInput(error.message)
        }
    }
}
