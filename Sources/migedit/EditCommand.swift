import ArgumentParser
import MigeditIO
import MigrationCore
import MigrationEditor
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

            If the editor is ended by SIGTERM or SIGHUP with unsaved changes, they are written \
            to PROFILE.save (migedit.save for a profile never saved); opening PROFILE later \
            offers to load them.

            Examples:
              migedit
              migedit edit prod.json
              f=$(migedit edit prod.json --print) && eval "qemu-system-x86_64 ... $f"

            Exit codes: 0 after q or w; with --print, 1 after leaving without w (nothing is \
            printed); 130 after Ctrl-C; 143 or 129 after SIGTERM or SIGHUP; 2 bad input.
            """ + ReferenceText.shown { [ReferenceText.keys] })

    @OptionGroup var options: ConfigurationOptions

    @Flag(help: "After quitting with w, print the -global fragment to stdout; leaving without w exits 1.")
    var print = false

    @Flag(help: "Use the monochrome scheme (also chosen when NO_COLOR is set).")
    var monochrome = false

    func run() throws {
        guard isatty(STDIN_FILENO) == 1, print || isatty(STDOUT_FILENO) == 1 else {
            throw CLIFailure.badInput("the editor needs an interactive terminal (stdin and stdout must be a tty, or stdin with --print); use check or export in scripts")
        }
        let (opened, changed) = try startingProfiles()
        let outcome = try MainActor.assumeIsolated {
            do {
                return try withTerminalSession(TerminalOptions(monochrome: monochrome)) { session in
                    EditorLoop(session: session, opened: opened, changed: changed, path: options.profile).run()
                }
            } catch let error as TerminalError {
                throw CLIFailure(message: error.message, code: CLIFailure.badInput)
            }
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
    /// The profile as on disk (or the defaults), and with the command line's changes.
    let opened: Profile
    let changed: Profile
    let path: String?

    /// Runs until the user quits; when the session ends any other way, writes unsaved changes
    /// to the rescue file and leaves a note saying so for after the terminal is restored.
    func run() -> EditorOutcome {
        var state = EditorState(
            configuration: opened.configuration, host: opened.host, version: opened.version, profilePath: path,
            size: session.size)
        state.homeDirectory = getenv("HOME").map { String(cString: $0) }
        state.applyCommandLineChanges(changed)
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
        case .quit, .interrupt:
            preconditionFailure("leaving is handled by the loop")
        }
    }
}
