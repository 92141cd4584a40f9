import MigrationCore
/// Runs a real QEMU with `-global migration.*` settings and reads back what it made of them.
public enum QEMURunner {
    /// The fixed part of the command line: no machine, no devices, no config files, no display,
    /// CPUs stopped, QMP on stdin/stdout.
    public static let baseArguments = ["-M", "none", "-nodefaults", "-no-user-config", "-display", "none", "-S", "-qmp", "stdio"]

    /// The QMP conversation, written to stdin in one go (then stdin is closed). Each command
    /// carries an `id` that QEMU echoes, so replies are matched by id, not by position.
    static let commands: [(id: String, line: String)] = [
        ("capabilities", #"{"execute":"qmp_capabilities","id":"capabilities"}"#),
        ("caps", #"{"execute":"query-migrate-capabilities","id":"caps"}"#),
        ("params", #"{"execute":"query-migrate-parameters","id":"params"}"#),
        ("info-params", #"{"execute":"human-monitor-command","arguments":{"command-line":"info migrate_parameters"},"id":"info-params"}"#),
        ("info-migrate", #"{"execute":"human-monitor-command","arguments":{"command-line":"info migrate"},"id":"info-migrate"}"#),
        ("quit", #"{"execute":"quit","id":"quit"}"#),
    ]

    static let commandNames = [
        "capabilities": "qmp_capabilities", "caps": "query-migrate-capabilities", "params": "query-migrate-parameters",
        "info-params": "human-monitor-command info migrate_parameters", "info-migrate": "human-monitor-command info migrate",
        "quit": "quit",
    ]

    /// Runs `binary -M none -nodefaults -no-user-config -display none -S -qmp stdio <arguments>`
    /// (each element of `arguments` is one argv word, e.g. "-global", "migration.x-multifd=on"),
    /// sends qmp_capabilities, query-migrate-capabilities, query-migrate-parameters,
    /// `info migrate_parameters`, `info migrate` and quit, and collects everything.
    ///
    /// QEMU refusing the settings is a normal outcome (exit status 1, the message on stderr).
    /// Throws `timedOut` when QEMU does not finish within `timeout` seconds (it is killed with
    /// SIGKILL, with its whole process group, and reaped first), `unusable` when it cannot be
    /// started, or when it exits 0 without a QMP greeting (so it is not a QEMU), or when its
    /// stdout is not QMP. Never leaves a process running.
    public static func run(_ binary: QEMUBinary, arguments: [String], timeout: Double = 20) throws(QEMURunError) -> QEMUOutcome {
        let input = Array(commands.map { $0.line + "\n" }.joined().utf8)
        let result: ChildResult
        do {
            result = try ChildProcess.run(binary.path, baseArguments + arguments, input: input, timeout: timeout)
        } catch {
            switch error {
            case .timedOut: throw .timedOut(timeout)
            case let .cannotStart(why): throw .unusable(why)
            }
        }
        let rawStderr = String(decoding: result.error, as: UTF8.self)
        let stdout = String(decoding: result.output, as: UTF8.self)

        let replies: [String: JSON]
        do {
            replies = try readReplies(stdout)
        } catch {
            throw .unusable("\(binary.path): \(error.message)")
        }
        if replies.isEmpty {
            if result.status == 0 {
                throw .unusable("\(binary.path) exited 0 without a QMP greeting; is it a QEMU system emulator?")
            }
            return QEMUOutcome(exitStatus: result.status, rawStderr: rawStderr, capabilities: nil, parameters: nil, migrateInfo: nil)
        }

        var qmpErrors: [String] = []
        /// The `return` member of the reply with this id; nil (and the error noted) otherwise.
        func answer(_ id: String) -> JSON? {
            guard let reply = replies[id] else { return nil }
            if let error = reply["error"] {
                let errorClass = error["class"]?.stringValue ?? "Error"
                let description = error["desc"]?.stringValue ?? error.serialized()
                qmpErrors.append("\(commandNames[id] ?? id): \(errorClass): \(description)")
                return nil
            }
            return reply["return"]
        }

        var capabilities: [String: Bool]?
        if case let .array(entries)? = answer("caps") {
            var table: [String: Bool] = [:]
            for entry in entries {
                if let name = entry["capability"]?.stringValue, case let .bool(state)? = entry["state"] {
                    table[name] = state
                }
            }
            capabilities = table
        }
        var parameters: [String: QMPValue]?
        if case let .object(members)? = answer("params") {
            parameters = Dictionary(members.map { ($0.key, QMPValue($0.value)) }, uniquingKeysWith: { first, _ in first })
        }
        let migrateInfo = answer("info-params")?.stringValue.map(normalizeNewlines)
        let migrateGlobals = answer("info-migrate")?.stringValue.map(normalizeNewlines)
        _ = answer("capabilities")
        _ = answer("quit")

        return QEMUOutcome(
            exitStatus: result.status, rawStderr: rawStderr, capabilities: capabilities, parameters: parameters,
            migrateInfo: migrateInfo, migrateGlobals: migrateGlobals, qmpErrors: qmpErrors)
    }

    struct ProtocolError: Error {
        let message: String
    }

    /// Reads QMP's stdout: one JSON object per line, the greeting first, then replies (matched
    /// by `id`) possibly interleaved with `{"event": …}` lines, which are skipped. Returns the
    /// replies by id, empty when there was no output at all. A greeting or reply that is not
    /// JSON is a protocol error; a last line cut short (QEMU killed mid-write) is ignored.
    static func readReplies(_ stdout: String) throws(ProtocolError) -> [String: JSON] {
        let lines = stdout.split(whereSeparator: { $0 == "\n" || $0 == "\r\n" })
            .map { String($0) }.filter { !$0.allSatisfy(\.isWhitespace) }
        guard let first = lines.first else { return [:] }
        guard (try? JSON(parsing: first))?["QMP"] != nil else {
            throw ProtocolError(message: "stdout does not start with a QMP greeting: \(first.prefix(200))")
        }
        var replies: [String: JSON] = [:]
        for (position, line) in lines.enumerated().dropFirst() {
            guard let message = (try? JSON(parsing: line)) else {
                if position == lines.count - 1 && !stdout.hasSuffix("\n") { break }
                throw ProtocolError(message: "QMP sent a line that is not JSON: \(line.prefix(200))")
            }
            if message["event"] != nil { continue }
            guard let id = message["id"]?.stringValue else { continue }  // e.g. a reply to nothing we sent
            replies[id] = message
        }
        return replies
    }

    static func normalizeNewlines(_ text: String) -> String {
        text.replacingOccurrences(of: "\r\n", with: "\n")
    }
}

extension String {
    /// Foundation-free replacement of every occurrence of `target`.
    fileprivate func replacingOccurrences(of target: String, with replacement: String) -> String {
        guard !target.isEmpty else { return self }
        var result = ""
        var rest = self[...]
        while let range = rest.firstRange(of: target) {
            result += rest[..<range.lowerBound]
            result += replacement
            rest = rest[range.upperBound...]
        }
        return result + rest
    }
}
