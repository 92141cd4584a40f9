import ArgumentParser
import MigeditIO
import MigrationCore
import MigrationEditor
import Terminal

#if canImport(Glibc)
    import Glibc
#endif

/// `migedit` / `migedit edit`: the full-screen editor. It draws on /dev/tty, so with `--print`
/// stdout stays free and `$(migedit edit --print)` captures the `-global` fragment chosen with `w`
/// (shell-quoted, so it is meant for `eval` or pasting).
struct EditCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "edit",
        abstract: "Open the full-screen editor (the default command).",
        discussion: """
            A PROFILE that does not exist yet is created on the first save (s).

            Examples:
              migedit
              migedit edit prod.json
              eval "qemu-system-x86_64 ... $(migedit edit prod.json --print)"
            """)

    @OptionGroup var options: ConfigurationOptions

    @Flag(help: "After quitting with w, print the -global fragment to stdout.")
    var print = false

    @Flag(help: "Use the monochrome scheme (also chosen when NO_COLOR is set).")
    var monochrome = false

    func run() throws {
        guard isatty(STDIN_FILENO) == 1, print || isatty(STDOUT_FILENO) == 1 else {
            throw CLIFailure.badInput("the editor needs an interactive terminal (stdin and stdout must be a tty, or stdin with --print); use check or export in scripts")
        }
        var loaded: Profile?
        if let path = options.profile, access(path, F_OK) == 0 {
            loaded = try ProfileFile.read(path)
        }
        var start = options
        start.profile = nil
        let profile = try start.apply(to: loaded)
        let output = try MainActor.assumeIsolated {
            do {
                return try withTerminalSession(TerminalOptions(monochrome: monochrome)) { session in
                    EditorLoop(session: session, profile: profile, path: options.profile).run()
                }
            } catch let error as TerminalError {
                throw CLIFailure(message: error.message, code: CLIFailure.badInput)
            }
        }
        if print, let output { Console.output(output) }
    }
}

/// Feeds keys to the pure editor, performs the effects it asks for (file I/O), and paints.
@MainActor
struct EditorLoop {
    let session: TerminalSession
    let profile: Profile
    let path: String?

    /// Runs until the user quits; returns what the editor asked to print, if anything.
    func run() -> String? {
        var state = EditorState(
            configuration: profile.configuration, host: profile.host, version: profile.version, profilePath: path,
            size: session.size)
        session.paint(render(state, size: session.size, monochrome: session.isMonochrome))
        while let key = session.nextKey() {
            var pending = update(&state, .key(key))
            while !pending.isEmpty {
                let effect = pending.removeFirst()
                if case .quit(let printing) = effect { return printing }
                pending += update(&state, perform(effect))
            }
            session.paint(render(state, size: session.size, monochrome: session.isMonochrome))
        }
        return nil
    }

    /// Does what an effect asks and reports the outcome as the action `update` expects.
    func perform(_ effect: EditorEffect) -> EditorAction {
        switch effect {
        case .save(let path, let contents):
            do {
                try AtomicFile.write(contents, to: path, keepingBackup: true)
                return .saved(path: path)
            } catch {
                return .saveFailed(reason: error.message)
            }
        case .open(let path):
            do {
                return .opened(try Profile(json: try AtomicFile.read(path)), path: path)
            } catch let error as FileError {
                return .openFailed(reason: error.message)
            } catch let error as ImportError {
                return .openFailed(reason: "\(path): \(error.message)")
            } catch {
                return .openFailed(reason: "\(path): \(error)")
            }
        case .writeExport(let path, let contents):
            do {
                try AtomicFile.write(contents, to: path)
                return .exported(path: path)
            } catch {
                return .exportFailed(reason: error.message)
            }
        case .quit:
            preconditionFailure("quit is handled by the loop")
        }
    }
}
