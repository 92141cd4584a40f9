import MigrationCore
/// Runs a real QEMU with `-global migration.*` settings and reads back what it made of them.
public enum QEMURunner {
    /// The fixed part of the command line: no machine, no devices, no config files, no display,
    /// CPUs stopped, QMP on stdin/stdout.
    public static let baseArguments = baseArguments(machine: nil)

    /// The fixed part with `-M machine` (a machine type, whose compat properties then apply to
    /// the migration object) instead of `-M none`.
    public static func baseArguments(machine: String?) -> [String] {
        ["-M", machine ?? "none", "-nodefaults", "-no-user-config", "-display", "none", "-S", "-qmp", "stdio"]
    }

    /// The queries `run` sends; `converse` adds qmp_capabilities before them and quit after.
    static let queries = [
        QMPCommand(id: "caps", execute: "query-migrate-capabilities"),
        QMPCommand(id: "params", execute: "query-migrate-parameters"),
        QMPCommand.hmp(id: "info-params", "info migrate_parameters"),
        QMPCommand.hmp(id: "info-migrate", "info migrate"),
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
    /// Throws as `converse` does. Never leaves a process running.
    /// `machine` replaces `none` after `-M`.
    public static func run(
        _ binary: QEMUBinary, arguments: [String], machine: String? = nil, timeout: Double = 20
    ) throws(QEMURunError) -> QEMUOutcome {
        try run(binary, arguments: arguments, sending: [], machine: machine, timeout: timeout).outcome
    }

    /// As `run(_:arguments:machine:timeout:)`, with `commands` sent before the queries (monitor
    /// commands that set what the queries then read back); also returns the whole transcript,
    /// whose replies to `commands` say what QEMU made of each.
    public static func run(
        _ binary: QEMUBinary, arguments: [String], sending commands: [QMPCommand], machine: String? = nil,
        timeout: Double = 20
    ) throws(QEMURunError) -> (outcome: QEMUOutcome, transcript: QMPTranscript) {
        let transcript = try converse(
            binary, script: commands + queries, arguments: arguments, machine: machine, timeout: timeout)
        return (outcome(of: transcript), transcript)
    }

    private static func outcome(of transcript: QMPTranscript) -> QEMUOutcome {
        if transcript.replies.isEmpty {
            return QEMUOutcome(
                exitStatus: transcript.exitStatus, rawStderr: transcript.rawStderr, capabilities: nil, parameters: nil,
                migrateInfo: nil)
        }

        var qmpErrors: [String] = []
        /// The `return` member of the reply with this id; nil (and the error noted) otherwise.
        func answer(_ id: String) -> JSON? {
            switch transcript[id] {
            case nil: return nil
            case let .failed(errorClass, description)?:
                qmpErrors.append("\(commandNames[id] ?? id): \(errorClass): \(description)")
                return nil
            case let .returned(value)?: return value
            }
        }

        let capabilities = answer("caps").flatMap(capabilityStates)
        let parameters = answer("params").flatMap(parameterValues)
        let migrateInfo = answer("info-params")?.stringValue.map(normalizeNewlines)
        let migrateGlobals = answer("info-migrate")?.stringValue.map(normalizeNewlines)
        _ = answer(greetingID)
        _ = answer(quitID)

        return QEMUOutcome(
            exitStatus: transcript.exitStatus, rawStderr: transcript.rawStderr, capabilities: capabilities,
            parameters: parameters, migrateInfo: migrateInfo, migrateGlobals: migrateGlobals, qmpErrors: qmpErrors)
    }

    /// `query-migrate-capabilities`' answer as a table; nil when it is not a list.
    public static func capabilityStates(_ answer: JSON) -> [String: Bool]? {
        guard case let .array(entries) = answer else { return nil }
        var table: [String: Bool] = [:]
        for entry in entries {
            if let name = entry["capability"]?.stringValue, case let .bool(state)? = entry["state"] {
                table[name] = state
            }
        }
        return table
    }

    /// `query-migrate-parameters`' answer as a table; nil when it is not an object.
    public static func parameterValues(_ answer: JSON) -> [String: QMPValue]? {
        guard case let .object(members) = answer else { return nil }
        return Dictionary(members.map { ($0.key, QMPValue($0.value)) }, uniquingKeysWith: { first, _ in first })
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
