import CleanSpawn
import MigrationCore
import Glibc

/// Why a QEMU binary could not be probed or run. A refusal by QEMU itself is not an error: it
/// is a `QEMUOutcome` with a non-zero exit status.
public enum QEMURunError: Error, Equatable, Sendable {
    /// No such file (or, for a bare name, not on PATH). The payload is the path as given.
    case notFound(String)
    /// The file exists but cannot be executed. The payload is the path.
    case notExecutable(String)
    /// It ran but is not a usable QEMU (no version line, no QMP greeting, could not start…).
    /// The payload is the whole explanation.
    case unusable(String)
    /// It did not finish within the timeout (seconds); it was killed and reaped.
    case timedOut(Double)

    public var message: String {
        switch self {
        case let .notFound(path): "QEMU binary not found: \(path)"
        case let .notExecutable(path): "QEMU binary is not executable: \(path)"
        case let .unusable(explanation): explanation
        case let .timedOut(seconds): "QEMU did not finish within \(formatSeconds(seconds)) s and was killed"
        }
    }
}

private func formatSeconds(_ seconds: Double) -> String {
    seconds == seconds.rounded() && abs(seconds) < 1e15 ? String(Int(seconds)) : String(seconds)
}

/// One value from `query-migrate-parameters`.
public enum QMPValue: Sendable, Equatable, CustomStringConvertible {
    case bool(Bool)
    /// A non-negative JSON integer, exact.
    case integer(UInt64)
    case string(String)
    /// Anything else (negative or fractional numbers, null, arrays, objects) as compact JSON.
    case other(String)

    public var description: String {
        switch self {
        case let .bool(value): value ? "true" : "false"
        case let .integer(value): String(value)
        case let .string(text): JSON.string(text).serialized()
        case let .other(json): json
        }
    }

    init(_ json: JSON) {
        switch json {
        case let .bool(value): self = .bool(value)
        case let .string(text): self = .string(text)
        default:
            if let integer = json.uint64Value {
                self = .integer(integer)
            } else {
                self = .other(json.serialized())
            }
        }
    }
}

/// A QEMU system emulator binary whose version is known.
public struct QEMUBinary: Sendable, Equatable {
    /// The path that is executed (a bare name given to `probe` is resolved through PATH).
    public let path: String
    /// "10.0.2"
    public let version: String
    /// "10.0"
    public let majorMinor: String
    /// The text in parentheses after the version, e.g. "Debian 1:10.0.2+ds-2+deb13u1~bpo12+1";
    /// nil when the binary prints none.
    public let package: String?

    public init(path: String, version: String, package: String? = nil) {
        self.path = path
        self.version = version
        self.majorMinor = version.split(separator: ".", omittingEmptySubsequences: false).prefix(2).joined(separator: ".")
        self.package = package
    }

    /// Runs `path --version` and reads its first line,
    /// `QEMU emulator version 10.0.2 (Debian 1:10.0.2+ds-2+deb13u1~bpo12+1)`.
    public static func probe(_ path: String, timeout: Double = 10) throws(QEMURunError) -> QEMUBinary {
        let resolved = try resolveExecutable(path)
        let result: ChildProcess.Output
        do {
            result = try ChildProcess.run([resolved, "--version"], newProcessGroup: true, timeout: timeout)
        } catch {
            switch error {
            case .timedOut: throw .timedOut(timeout)
            case let .cannotStart(why): throw .unusable(why)
            }
        }
        let output = String(decoding: result.output, as: UTF8.self)
        guard result.exitCode == 0, let parsed = parseVersion(output) else {
            let said = (output + String(decoding: result.error, as: UTF8.self))
                .split(separator: "\n").first.map { ": \($0)" } ?? " (no output)"
            throw .unusable("\(resolved) --version exited \(result.exitCode) without a QEMU version line\(said)")
        }
        return QEMUBinary(path: resolved, version: parsed.version, package: parsed.package)
    }

    /// The version and package of a `--version` text; nil when there is no QEMU version line.
    static func parseVersion(_ text: String) -> (version: String, package: String?)? {
        let marker = "QEMU emulator version "
        for line in text.split(separator: "\n") {
            guard let range = line.firstRange(of: marker) else { continue }
            let rest = line[range.upperBound...]
            let version = rest.prefix { $0.isNumber || $0 == "." }
            let parts = version.split(separator: ".", omittingEmptySubsequences: false)
            guard parts.count >= 2, parts.allSatisfy({ !$0.isEmpty }) else { return nil }
            var package: String?
            if let open = rest.firstIndex(of: "("), let close = rest.lastIndex(of: ")"), open < close {
                package = String(rest[rest.index(after: open)..<close])
            }
            return (String(version), package)
        }
        return nil
    }

    /// An absolute or relative path is checked as it is; a bare name is looked up in PATH.
    static func resolveExecutable(_ path: String) throws(QEMURunError) -> String {
        var candidates = [path]
        if !path.contains("/") {
            let searchPath = getenv("PATH").map { String(cString: $0) } ?? "/usr/bin:/bin"
            candidates = searchPath.split(separator: ":").map { ($0.isEmpty ? "." : String($0)) + "/" + path }
        }
        var sawNonExecutable: String?
        for candidate in candidates {
            var info = stat()
            guard stat(candidate, &info) == 0, (info.st_mode & S_IFMT) != S_IFDIR else { continue }
            if access(candidate, X_OK) == 0 { return candidate }
            sawNonExecutable = sawNonExecutable ?? candidate
        }
        if let file = sawNonExecutable { throw .notExecutable(file) }
        throw .notFound(path)
    }
}

/// What one QEMU run said.
///
/// * `exitStatus`: QEMU's exit code (0 accepted; 1 every startup rejection); 128 + N when
///   signal N ended it.
/// * `stderrLines`: stderr split into lines, each with a leading `<prog>: ` removed where
///   present (`<prog>` is the basename QEMU prints, e.g. `qemu-system-x86_64`); continuation
///   (hint) lines are kept as they are. This matches migedit's `Report.startupLines`.
/// * `capabilities`, `parameters`: from `query-migrate-capabilities` / `query-migrate-parameters`;
///   nil when QEMU exited before its monitor started, or when that command returned an error
///   (see `qmpErrors`).
/// * `migrateInfo`: the HMP `info migrate_parameters` text (CRLF turned into LF).
/// * `migrateGlobals`: the HMP `info migrate` text, which (with no migration running) is the
///   `globals:` block: store-global-state, send-configuration, send-section-footer,
///   decompress-error-check (≤ 9.0), send-switchover-start (10.0), clear-bitmap-shift. See
///   `globals` for it as a dictionary.
/// * `qmpErrors`: one `"<command>: <desc>"` per QMP command that answered `{"error": …}`, e.g.
///   `"query-migrate-parameters: …"`. They are not mixed into `stderrLines`.
public struct QEMUOutcome: Sendable, Equatable {
    public let exitStatus: Int32
    public let stderrLines: [String]
    public let rawStderr: String
    public let capabilities: [String: Bool]?
    public let parameters: [String: QMPValue]?
    public let migrateInfo: String?
    public let migrateGlobals: String?
    public let qmpErrors: [String]

    public init(
        exitStatus: Int32, rawStderr: String, capabilities: [String: Bool]?, parameters: [String: QMPValue]?,
        migrateInfo: String?, migrateGlobals: String? = nil, qmpErrors: [String] = []
    ) {
        self.exitStatus = exitStatus
        self.rawStderr = rawStderr
        self.stderrLines = QEMUOutcome.splitStderr(rawStderr).map(\.text)
        self.capabilities = capabilities
        self.parameters = parameters
        self.migrateInfo = migrateInfo
        self.migrateGlobals = migrateGlobals
        self.qmpErrors = qmpErrors
    }

    /// QEMU accepted the settings: it exited 0 and answered on its monitor.
    public var isAccepted: Bool { exitStatus == 0 && capabilities != nil }

    /// The first fatal error line QEMU printed: the first `<prog>: ` line that is neither a
    /// warning (`warning: …` or `<location>: warning: …`) nor `info: …`, with the prefix removed
    /// and without its hint lines. This is what migedit's `firstError` message must equal. Nil
    /// when QEMU printed no error.
    public var firstError: String? {
        QEMUOutcome.splitStderr(rawStderr).first { $0.startsMessage && $0.kind == .error }?.text
    }

    /// The text of each warning QEMU printed (after `warning: `, any `<location>: ` before it
    /// dropped), e.g. `zero-blocks capability is deprecated`. Hint lines are not included.
    public var warnings: [String] {
        QEMUOutcome.splitStderr(rawStderr).compactMap { line in
            guard line.startsMessage, line.kind == .warning, let marker = line.text.firstRange(of: "warning: ") else { return nil }
            return String(line.text[marker.upperBound...])
        }
    }

    /// `migrateGlobals` as a dictionary (`"store-global-state": "on"`, `"clear-bitmap-shift": "18"`).
    public var globals: [String: String]? {
        migrateGlobals.map(QEMUOutcome.hmpFields)
    }

    /// The `name: value` lines of an HMP text, e.g. `migrateInfo` (`"downtime-limit": "300 ms"`);
    /// lines without a value (`globals:`) are skipped.
    public static func hmpFields(_ text: String) -> [String: String] {
        var fields: [String: String] = [:]
        for line in text.split(whereSeparator: \.isNewline) {
            guard let colon = line.firstRange(of: ": ") else { continue }
            fields[String(line[..<colon.lowerBound])] = String(line[colon.upperBound...])
        }
        return fields
    }

    enum Kind { case error, warning, info }

    struct Line {
        let text: String
        /// The line began with `<prog>: ` (a new message), as opposed to a hint line.
        let startsMessage: Bool
        let kind: Kind
    }

    /// Splits stderr into lines, strips the program prefix and classifies each message.
    static func splitStderr(_ raw: String) -> [Line] {
        var lines = raw.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" })
            .map(String.init)
        if lines.last == "" { lines.removeLast() }
        var result: [Line] = []
        for line in lines {
            var text = line
            var starts = false
            if let stripped = stripProgramPrefix(line) {
                text = stripped
                starts = true
            } else if result.isEmpty {
                starts = true  // an unprefixed first line still starts a message
            }
            var kind = Kind.error
            if text.hasPrefix("warning: ") || (text.hasPrefix("-") && text.contains(": warning: ")) {
                kind = .warning
            } else if text.hasPrefix("info: ") {
                kind = .info
            }
            if !starts, let previous = result.last { kind = previous.kind }
            result.append(Line(text: text, startsMessage: starts, kind: kind))
        }
        return result
    }

    /// `qemu-system-x86_64: message` → `message`; nil when the line has no such prefix. The
    /// program name is one word of letters, digits, `-`, `_`, `.` (optionally preceded by an
    /// ISO timestamp or guest name, as with `-msg timestamp=on`).
    static func stripProgramPrefix(_ line: String) -> String? {
        let words = line.split(separator: " ", maxSplits: 2, omittingEmptySubsequences: false)
        for (position, word) in words.prefix(2).enumerated() {
            guard word.hasSuffix(":"), word.count > 1 else { continue }
            let name = word.dropLast()
            guard name.hasPrefix("qemu"), name.allSatisfy({ $0.isLetter || $0.isNumber || "-_.".contains($0) }) else { continue }
            let prefixLength = words.prefix(position + 1).reduce(0) { $0 + $1.count + 1 }
            return String(line.dropFirst(min(prefixLength, line.count)))
        }
        return nil
    }
}
