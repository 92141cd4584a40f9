import CleanSpawn
import MigrationCore

/// One command of a QMP script. QEMU echoes `id` in its reply, so replies are matched by id,
/// not by position (events may come in between).
public struct QMPCommand: Sendable, Equatable {
    public let id: String
    /// The command as one line of JSON, `id` included.
    public let line: String

    /// `{"execute": name, "arguments": arguments, "id": id}`.
    public init(id: String, execute name: String, arguments: [JSONMember] = []) {
        var members = [JSONMember(key: "execute", value: .string(name))]
        if !arguments.isEmpty { members.append(JSONMember(key: "arguments", value: .object(arguments))) }
        members.append(JSONMember(key: "id", value: .string(id)))
        self.id = id
        line = JSON.object(members).serialized()
    }

    /// A command written elsewhere (an exported `{"execute": …, "arguments": …}` line) with `id`
    /// added, so it is sent exactly as a user would paste it; nil when it is not a JSON object.
    public init?(id: String, json text: String) {
        guard let members = (try? JSON(parsing: text))?.members else { return nil }
        self.id = id
        line = JSON.object(members.filter { $0.key != "id" } + [JSONMember(key: "id", value: .string(id))]).serialized()
    }

    /// An HMP command line run through `human-monitor-command`; the reply's `return` is the text
    /// HMP printed (empty on success, `Error: …` when HMP refused it).
    public static func hmp(id: String, _ commandLine: String) -> QMPCommand {
        QMPCommand(id: id, execute: "human-monitor-command", arguments: [JSONMember(key: "command-line", value: .string(commandLine))])
    }

    /// `migrate-set-capabilities` setting each named capability to `state` in one command,
    /// which QEMU checks as a whole.
    public static func setCapabilities(id: String, _ names: [String], to state: Bool) -> QMPCommand {
        let entries = names.map { name in
            JSON.object([JSONMember(key: "capability", value: .string(name)), JSONMember(key: "state", value: .bool(state))])
        }
        return QMPCommand(id: id, execute: "migrate-set-capabilities", arguments: [JSONMember(key: "capabilities", value: .array(entries))])
    }
}

/// QEMU's answer to one command: what it returned, or the error it reported.
public enum QMPReply: Sendable, Equatable {
    case returned(JSON)
    /// `{"error": {"class": …, "desc": …}}`.
    case failed(errorClass: String, description: String)

    /// A reply as QEMU sends it: `{"return": …}` or `{"error": {…}}` (an `id` is ignored).
    public init(_ message: JSON) {
        if let error = message["error"] {
            self = .failed(
                errorClass: error["class"]?.stringValue ?? "Error",
                description: error["desc"]?.stringValue ?? error.serialized())
        } else {
            self = .returned(message["return"] ?? .null)
        }
    }

    /// The returned value; nil for an error.
    public var value: JSON? {
        if case .returned(let value) = self { return value }
        return nil
    }

    /// QEMU's error message; nil when the command succeeded.
    public var errorDescription: String? {
        if case .failed(_, let description) = self { return description }
        return nil
    }
}

/// Everything one QEMU run of a QMP script left behind.
public struct QMPTranscript: Sendable {
    /// QEMU's exit code (0 after `quit`; 1 when it refused its command line); 128 + N for signal N.
    public let exitStatus: Int32
    public let rawStderr: String
    /// Every reply by the id of its command; empty when QEMU exited before its monitor started.
    public let replies: [String: QMPReply]

    /// The reply to the command with this id; nil when QEMU never answered it.
    public subscript(id: String) -> QMPReply? { replies[id] }
}

extension QEMURunner {
    /// The ids `converse` gives the commands it adds around a script.
    static let greetingID = "capabilities", quitID = "quit"

    /// Runs `binary -M none -nodefaults -no-user-config -display none -S -qmp stdio <arguments>`
    /// (e.g. `["-incoming", "defer"]`, or `-global` words) and sends `script` between
    /// `qmp_capabilities` and `quit`, all written at once; QEMU handles the commands in order.
    /// Command ids must be unique and differ from `capabilities` and `quit`.
    ///
    /// QEMU refusing its command line is a normal outcome (a transcript without replies and a
    /// non-zero exit status). Throws `timedOut` when QEMU does not finish within `timeout`
    /// seconds (its whole process group is killed and it is reaped first), `unusable` when it
    /// cannot be started, exits 0 without a QMP greeting (so it is not a QEMU), or writes
    /// something that is not QMP. Never leaves a process running.
    /// `machine` replaces `none` after `-M`.
    public static func converse(
        _ binary: QEMUBinary, script: [QMPCommand], arguments: [String] = [], machine: String? = nil, timeout: Double = 20
    ) throws(QEMURunError) -> QMPTranscript {
        let commands = [QMPCommand(id: greetingID, execute: "qmp_capabilities")] + script + [QMPCommand(id: quitID, execute: "quit")]
        let input = Array(commands.map { $0.line + "\n" }.joined().utf8)
        let result: ChildProcess.Output
        do {
            result = try ChildProcess.run(
                [binary.path] + baseArguments(machine: machine) + arguments, input: input, newProcessGroup: true, timeout: timeout)
        } catch {
            switch error {
            case .timedOut: throw .timedOut(timeout)
            case let .cannotStart(why): throw .unusable(why)
            }
        }
        let replies: [String: JSON]
        do {
            replies = try readReplies(String(decoding: result.output, as: UTF8.self))
        } catch {
            throw .unusable("\(binary.path): \(error.message)")
        }
        if replies.isEmpty && result.exitCode == 0 {
            throw .unusable("\(binary.path) exited 0 without a QMP greeting; is it a QEMU system emulator?")
        }
        return QMPTranscript(
            exitStatus: result.exitCode, rawStderr: String(decoding: result.error, as: UTF8.self),
            replies: replies.mapValues(QMPReply.init))
    }
}
