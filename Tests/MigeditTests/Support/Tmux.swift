import Foundation
import Glibc
import Synchronization
import TestSupport

/// A real program running in a detached tmux session, for end-to-end tests that read the screen a
/// user would see and type the keys a user would type.
///
/// Every session gets its own server (`-L migedit-e2e-<pid>-<n>`), so tests can run in parallel
/// and a leftover server never leaks into the next run. `remain-on-exit` keeps a pane whose
/// program crashed, so its last screen can still be captured. Inside the pane `TERM` is tmux's
/// default (`tmux-256color`) and `LANG` is `C.UTF-8`.
struct TmuxSession {
    private static let sessionName = "e2e"
    private static let counter = Atomic<Int>(0)

    /// The `-L` server name, for inspecting a session by hand while debugging a test.
    let socketName: String
    private let configPath: String
    private let socketPath: String
    private let serverPID: pid_t

    /// Starts `command` (argv, run directly without a shell) in a `columns`×`rows` pane, in
    /// `directory` when given. `environment` is added to the pane's environment; the server
    /// itself starts with only PATH, HOME, USER and LANG so the caller's `NO_COLOR`, `TMUX` or
    /// `TERM` cannot leak in.
    init(
        command: [String], columns: Int = 100, rows: Int = 30, directory: String? = nil,
        environment: [String: String] = [:]
    ) throws {
        let number = Self.counter.add(1, ordering: .relaxed).newValue
        socketName = "migedit-e2e-\(getpid())-\(number)"
        configPath = FileManager.default.temporaryDirectory
            .appendingPathComponent("\(socketName).conf").path
        try "set-option -g remain-on-exit on\n".write(toFile: configPath, atomically: true, encoding: .utf8)
        var arguments = ["new-session", "-d", "-s", Self.sessionName, "-x", "\(columns)", "-y", "\(rows)"]
        if let directory { arguments += ["-c", directory] }
        let paneEnvironment = ["LANG": "C.UTF-8"].merging(environment) { $1 }
        for (name, value) in paneEnvironment.sorted(by: { $0.key < $1.key }) {
            arguments += ["-e", "\(name)=\(value)"]
        }
        let info: [Substring]
        do {
            try Self.tmux(socketName, configPath, arguments + command)
            info = try Self.tmux(socketName, configPath, ["display-message", "-p", "#{pid} #{socket_path}"])
                .standardOutput.trimmingCharacters(in: .whitespacesAndNewlines)
                .split(separator: " ", maxSplits: 1)
        } catch {
            unlink(configPath)
            throw error
        }
        serverPID = info.first.flatMap { pid_t($0) } ?? 0
        socketPath = info.count > 1 ? String(info[1]) : ""
    }

    /// Sends tmux key names such as `Down`, `Enter`, `Escape`, `C-c`, `F1` or `BTab`.
    func send(_ keys: String...) throws {
        try tmux(["send-keys", "-t", Self.sessionName] + keys)
    }

    /// Types `text` as-is (no key-name lookup), e.g. `é` or a raw escape sequence.
    func sendLiteral(_ text: String) throws {
        try tmux(["send-keys", "-t", Self.sessionName, "-l", "--", text])
    }

    /// The visible pane as text. `escapes` keeps colour and attribute sequences;
    /// `joiningWrappedLines` undoes tmux's wrapping of long output lines.
    func capture(escapes: Bool = false, joiningWrappedLines: Bool = false) throws -> String {
        var arguments = ["capture-pane", "-p", "-t", Self.sessionName]
        if escapes { arguments.append("-e") }
        if joiningWrappedLines { arguments.append("-J") }
        return try tmux(arguments).standardOutput
    }

    /// Polls the pane until it shows `text` and returns that capture. Throws with the last
    /// capture after `timeout` seconds, so a failing test shows what was on screen instead.
    @discardableResult
    func waitFor(_ text: String, timeout: Double = 15, joiningWrappedLines: Bool = false) throws -> String {
        let deadline = ContinuousClock.now + .milliseconds(Int(timeout * 1000))
        var screen = ""
        repeat {
            screen = try capture(joiningWrappedLines: joiningWrappedLines)
            if screen.contains(text) { return screen }
            usleep(50_000)
        } while ContinuousClock.now < deadline
        throw TmuxError.textNotFound(text, lastCapture: screen)
    }

    /// Polls until the pane's program has exited and tmux has its exit status, at most `timeout`
    /// seconds, and returns that status.
    ///
    /// tmux 3.3a marks a pane dead when its pty closes, but under load it sometimes misses the
    /// SIGCHLD and never reaps the program (measured: 1 in 12 parallel servers), so the status
    /// stays empty. Running a trivial `run-shell` job delivers a fresh SIGCHLD, and tmux's handler
    /// then reaps every exited child, this one included.
    @discardableResult
    func waitForExit(timeout: Double = 15) throws -> ChildProcess.Status {
        let deadline = ContinuousClock.now + .milliseconds(Int(timeout * 1000))
        var state = ""
        repeat {
            state = try display("#{pane_dead}:#{pane_dead_status}:#{pane_dead_signal}")
            let fields = state.split(separator: ":", omittingEmptySubsequences: false)
            if fields.count == 3, fields[0] == "1" {
                if let code = Int32(fields[1]) { return .exited(code) }
                if let signal = Int32(fields[2]) { return .signalled(signal) }
                try tmux(["run-shell", "true"])
            }
            usleep(20_000)
        } while ContinuousClock.now < deadline
        throw TmuxError.stillRunning(state: state, lastCapture: (try? capture()) ?? "")
    }

    /// Resizes the window as a user resizing their terminal would; the program gets SIGWINCH.
    func resize(columns: Int, rows: Int) throws {
        try tmux(["resize-window", "-t", Self.sessionName, "-x", "\(columns)", "-y", "\(rows)"])
    }

    /// Expands a tmux format for the pane, e.g. `#{cursor_flag}`, `#{cursor_x}`, `#{alternate_on}`.
    func display(_ format: String) throws -> String {
        try tmux(["display-message", "-p", "-t", Self.sessionName, format])
            .standardOutput.trimmingCharacters(in: .newlines)
    }

    /// Whether the pane's program is still running. With `remain-on-exit` the pane stays after
    /// the program ends and reports itself dead; a vanished server also counts as not alive.
    var isAlive: Bool {
        (try? display("#{pane_dead}")) == "0"
    }

    /// Stops the server and everything in it. Falls back to SIGKILL for a server that ignores
    /// `kill-server`, then removes the socket and config files.
    func kill() {
        _ = try? tmux(["kill-server"])
        let deadline = ContinuousClock.now + .seconds(1)
        while isServerRunning, ContinuousClock.now < deadline { usleep(20_000) }
        if isServerRunning { Glibc.kill(serverPID, SIGKILL) }
        unlink(configPath)
        if !socketPath.isEmpty { unlink(socketPath) }
    }

    /// Whether this session's server process still exists (and is still tmux, not a reused pid).
    private var isServerRunning: Bool {
        guard serverPID > 0,
            let stat = try? String(contentsOfFile: "/proc/\(serverPID)/stat", encoding: .utf8)
        else { return false }
        return stat.contains("(tmux") && !stat.contains(") Z ")
    }

    @discardableResult
    private func tmux(_ arguments: [String]) throws -> ChildProcess.Output {
        try Self.tmux(socketName, configPath, arguments)
    }

    @discardableResult
    private static func tmux(_ socket: String, _ config: String, _ arguments: [String]) throws
        -> ChildProcess.Output
    {
        let command = ["tmux", "-L", socket, "-f", config] + arguments
        var environment = ["LANG": "C.UTF-8"]
        let inherited = ProcessInfo.processInfo.environment
        for name in ["PATH", "HOME", "USER"] { environment[name] = inherited[name] }
        let output = try ChildProcess.run(command, environment: environment, timeout: 10)
        guard output.status == .exited(0) else {
            throw TmuxError.failed(command: command, status: output.status, standardError: output.standardError)
        }
        return output
    }
}

/// Why a tmux-driven test step failed; the description carries what was on screen.
enum TmuxError: Error, CustomStringConvertible {
    case failed(command: [String], status: ChildProcess.Status, standardError: String)
    case textNotFound(String, lastCapture: String)
    case stillRunning(state: String, lastCapture: String)

    var description: String {
        switch self {
        case .failed(let command, let status, let standardError):
            return "\(command.joined(separator: " ")) ended with \(status): \(standardError)"
        case .textNotFound(let text, let lastCapture):
            return "\"\(text)\" did not appear; last screen:\n\(lastCapture)"
        case .stillRunning(let state, let lastCapture):
            return "the program did not exit (dead:status:signal \(state)); last screen:\n\(lastCapture)"
        }
    }
}
