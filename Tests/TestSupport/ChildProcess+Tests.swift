@_exported import CleanSpawn
@_exported import SeededRandom
import Foundation
import Glibc

/// What tests add to `ChildProcess`: finding the built `migedit`, and shell one-liners. Tests
/// must start processes through `ChildProcess`: Swift Testing's worker threads block SIGINT,
/// SIGTERM, SIGWINCH and more, children inherit that mask, and `Foundation.Process` also hung.
extension ChildProcess {
    /// The path of an executable built by SwiftPM, found next to the running test binary or in
    /// its parent directories up to `.build`.
    public static func builtProduct(named name: String) throws -> String {
        var directory = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
            .standardizedFileURL
        var searched: [String] = []
        while directory.lastPathComponent != ".build", directory.path != "/" {
            let candidate = directory.appendingPathComponent(name).path
            searched.append(candidate)
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: candidate, isDirectory: &isDirectory),
                !isDirectory.boolValue, access(candidate, X_OK) == 0
            {
                return candidate
            }
            directory.deleteLastPathComponent()
        }
        throw ProductNotFound(name: name, searched: searched)
    }

    /// Runs `/bin/sh -c script` with a minimal environment.
    public static func shell(_ script: String, timeout: Double = 20) throws -> Output {
        try run(["/bin/sh", "-c", script], environment: ["PATH": "/usr/bin:/bin", "LC_ALL": "C"], timeout: timeout)
    }
}

/// `builtProduct` found no such executable: the test target was built without it.
public struct ProductNotFound: Error, CustomStringConvertible {
    public let name: String
    public let searched: [String]

    public var description: String { "no built \(name) in: \(searched.joined(separator: ", "))" }
}
