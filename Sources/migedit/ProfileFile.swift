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

    /// The whole file (or stdin for `-`) as UTF-8 text.
    static func readText(_ path: String) throws -> String {
        do {
            return try AtomicFile.read(path)
        } catch {
            throw CLIFailure.badInput(error.message)
        }
    }
}
