import ArgumentParser
import MigeditIO
import MigrationCore
import MigrationEditor
import QMPClient
import Terminal

import Glibc

/// `migedit` / `migedit edit`: the full-screen editor. It draws on /dev/tty, so with `--print`
/// stdout stays free and `$(migedit edit --print)` captures the `-global` fragment chosen with `w`
/// (shell-quoted, so it is meant for `eval` or pasting). Leaving any other way exits non-zero,
/// so `f=$(migedit edit --print) && eval "qemu … $f"` never starts QEMU without the settings.
struct EditCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "edit",
        abstract: "Open the full-screen editor (the default command).",
        discussion: """
            A PROFILE that does not exist yet is created on the first save (s). --set and --host \
            values are unsaved changes: s writes them to PROFILE, u undoes them.

            With --qmp the editor attaches to a running QEMU: its settings and release are the \
            starting point (a PROFILE's settings and --set values are changes on top), a shows \
            the difference and applies it after a yes, r reads QEMU again.

            If the editor is ended by SIGTERM or SIGHUP with unsaved changes, they are written \
            to PROFILE.save (migedit.save for a profile never saved); opening PROFILE later \
            offers to load them.

            Examples:
              migedit
              migedit edit prod.json
              migedit edit --qmp /run/qemu/vm1.qmp
              f=$(migedit edit prod.json --print) && eval "qemu-system-x86_64 ... $f"

            Exit codes: 0 after q or w; with --print, 1 after leaving without w (nothing is \
            printed); 130 after Ctrl-C; 143 or 129 after SIGTERM or SIGHUP; 2 bad input.
            """ + ReferenceText.shown { [ReferenceText.keys] })

    @OptionGroup var options: ConfigurationOptions

    @Flag(help: "After quitting with w, print the -global fragment to stdout; leaving without w exits 1.")
    var print = false

    @Flag(help: "Use the monochrome scheme (also chosen when NO_COLOR is set).")
    var monochrome = false

    @Option(help: ArgumentHelp(
        "Attach to a running QEMU's QMP socket (unix:PATH, PATH or tcp:127.0.0.1:PORT) to read, edit and apply its settings.",
        valueName: "SOCKET"), completion: .file())
    var qmp: String?

    @Option(help: ArgumentHelp("The QEMU the export screen's r rehearses with (default: the one on PATH).", valueName: "PATH"))
    var qemuBinary = "qemu-system-x86_64"

    func run() throws {
        try EditorLoop.requireTerminal(allowingPipedOutput: print)
        var live: LiveLink?
        let opened: Profile, changed: Profile
        if let qmp {
            (opened, changed, live) = try attachedProfiles(qmp)
        } else {
            (opened, changed) = try startingProfiles()
        }
        let path = options.profile
        let target = live?.target
        let binary = qemuBinary
        let outcome = try EditorLoop.run(monochrome: monochrome, live: live) { size in
            var state = EditorState(
                configuration: opened.configuration, host: opened.host, version: opened.version, profilePath: path,
                size: size)
            if let target { state.attach(to: target) }
            state.rehearsalBinary = binary
            if changed != state.document { state.applyCommandLineChanges(changed) }
            return state
        }
        switch outcome {
        case .quit(let printing?):
            if print { Console.output(printing) }
        case .quit(nil), .ended:
            if print {
                Console.error("migedit: left without w, so nothing was printed")
                throw ExitCode(CLIFailure.rejected)
            }
        case .interrupted:
            throw ExitCode(130)
        }
    }

    /// QEMU's settings, and with the profile (if it exists) and the command line applied on top
    /// in QEMU's release; the host facts QEMU reports win over the profile's.
    private func attachedProfiles(_ given: String) throws -> (opened: Profile, changed: Profile, live: LiveLink) {
        let address: String
        do {
            address = try QMPAddress(parsing: given).description
        } catch {
            throw CLIFailure.badInput(error.message)
        }
        var fromFile: Profile?
        if let path = options.profile, access(path, F_OK) == 0 {
            fromFile = try ProfileFile.read(path)
        }
        let requested = try options.apply(to: fromFile)
        let link = LiveLink(address: address)
        let snapshot: LiveSnapshot
        switch link.read(host: requested.host) {
        case .liveRead(let read): snapshot = read
        case .liveFailed(let reason): throw CLIFailure.badInput(reason)
        default: preconditionFailure("read answers liveRead or liveFailed")
        }
        try options.release.requireMatch(snapshot.version, target: address, reported: snapshot.qemuVersion)
        var changed = try options.apply(to: fromFile ?? snapshot.profile, version: snapshot.version)
        changed.host = snapshot.profile.host
        link.target = LiveTarget(address: address, snapshot: snapshot)
        return (snapshot.profile, changed, link)
    }

    /// The profile as the file (or the defaults) has it, and with the command line applied. The
    /// difference is what the editor shows as unsaved changes. A `--qemu` release counts as a
    /// change only for a profile on disk; a new profile simply starts on it.
    private func startingProfiles() throws -> (opened: Profile, changed: Profile) {
        var fromFile: Profile?
        if let path = options.profile, access(path, F_OK) == 0 {
            fromFile = try ProfileFile.read(path)
        }
        var start = options
        start.profile = nil
        let changed = try start.apply(to: fromFile)
        if let fromFile { return (fromFile, changed) }
        start.assignments = []
        start.hostFacts = []
        return (try start.apply(to: nil), changed)
    }
}

/// How an editor session ended.
enum EditorOutcome {
    /// `q` or `w`, with what `w` prints.
    case quit(printing: String?)
    /// Ctrl-C.
    case interrupted
    /// The terminal went away or a signal ended the session; unsaved changes were rescued.
    case ended
}

/// Feeds keys to the pure editor, performs the effects it asks for (file I/O), and paints.
@MainActor
struct EditorLoop {
    let session: TerminalSession
    /// The editor's first state, for the terminal's size.
    let start: @Sendable (Size) -> EditorState
    /// The running QEMU attached to, if any.
    var live: LiveLink? = nil

    /// Refuses to start the editor without a terminal: stdin must be one, and stdout too unless
    /// the output is meant for a pipe (`edit --print`).
    nonisolated static func requireTerminal(allowingPipedOutput: Bool = false) throws {
        guard isatty(STDIN_FILENO) == 1, allowingPipedOutput || isatty(STDOUT_FILENO) == 1 else {
            throw CLIFailure.badInput("the editor needs an interactive terminal (stdin and stdout must be a tty, or stdin with --print); use check or export in scripts")
        }
    }

    /// Opens the terminal, runs the editor from `start` (attached to `live`, if any) until it
    /// ends and restores the terminal.
    nonisolated static func run(
        monochrome: Bool, live: sending LiveLink? = nil, start: @escaping @Sendable (Size) -> EditorState
    ) throws -> EditorOutcome {
        try MainActor.assumeIsolated {
            do {
                return try withTerminalSession(TerminalOptions(monochrome: monochrome)) { session in
                    EditorLoop(session: session, start: start, live: live).run()
                }
            } catch let error as TerminalError {
                throw CLIFailure(message: error.message, code: CLIFailure.badInput)
            }
        }
    }

    /// Runs until the user quits; when the session ends any other way, writes unsaved changes
    /// to the rescue file and leaves a note saying so for after the terminal is restored.
    func run() -> EditorOutcome {
        var state = start(session.size)
        state.homeDirectory = getenv("HOME").map { String(cString: $0) }
        if let outcome = settle(state.startupEffects, in: &state) { return outcome }
        session.paint(render(state, size: session.size, monochrome: session.isMonochrome))
        while let key = session.nextKey() {
            if let outcome = settle(update(&state, .key(key)), in: &state) { return outcome }
            session.paint(render(state, size: session.size, monochrome: session.isMonochrome))
        }
        if let rescue = state.rescueFile { session.noteAfterClose = RescueStore.write(rescue) }
        return .ended
    }

    /// Performs `effects` and those their outcomes lead to, until none is left or one leaves
    /// the editor (then returns how).
    private func settle(_ effects: [EditorEffect], in state: inout EditorState) -> EditorOutcome? {
        var pending = effects
        while !pending.isEmpty {
            switch pending.removeFirst() {
            case .quit(let printing): return .quit(printing: printing)
            case .interrupt: return .interrupted
            case .rehearse(let profile, let binary):
                session.paint(render(state, size: session.size, monochrome: session.isMonochrome))
                let outcome = EditorRehearsal.run(profile, binary: binary) { step in
                    pending += update(&state, .rehearsalProgress(step))
                    session.paint(render(state, size: session.size, monochrome: session.isMonochrome))
                }
                pending += update(&state, outcome)
            case let effect: if let action = perform(effect) { pending += update(&state, action) }
            }
        }
        return nil
    }

    /// Does what an effect asks and reports the outcome as the action `update` expects (nil
    /// when there is nothing to report).
    func perform(_ effect: EditorEffect) -> EditorAction? {
        switch effect {
        case .save(let path, let contents):
            do {
                try AtomicFile.write(contents, to: path, keepingBackup: true)
                return .saved(path: path)
            } catch {
                return .saveFailed(reason: error.message)
            }
        case .open(let path):
            switch ProfileFile.load(path) {
            case .success(let profile): return .opened(profile, path: path)
            case .failure(let error): return .openFailed(reason: error.message)
            }
        case .lookForRescue(let profilePath):
            return RescueStore.find(for: profilePath)
        case .writeExport(let path, let contents):
            do {
                try AtomicFile.write(contents, to: path)
                return .exported(path: path)
            } catch {
                return .exportFailed(reason: error.message)
            }
        case .applyLive(let plan, let wanted):
            return live?.apply(plan, wanted: wanted) ?? .liveFailed(reason: "no QEMU is attached")
        case .readLive(let host):
            return live?.read(host: host) ?? .liveFailed(reason: "no QEMU is attached")
        case .recordLessonCompleted(let id):
            do {
                return try ProgressStore.standard().record(id)
            } catch {
                return .lessonNotRecorded(reason: error.message)
            }
        case .quit, .interrupt, .rehearse:
            preconditionFailure("leaving and rehearsing are handled by the loop")
        }
    }
}
