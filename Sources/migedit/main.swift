import ArgumentParser
import Glibc

/// Exit codes are part of the CLI contract: 0 accepted, 1 rejected, 2 bad input. Parsing errors
/// from ArgumentParser (which would exit 64) are mapped to 2 here.
do {
    try Migedit.refuseMistypedCommand(Array(CommandLine.arguments.dropFirst()))
    var command = try Migedit.parseAsRoot()
    try command.run()
} catch let code as ExitCode {
    exit(code.rawValue)
} catch let failure as CLIFailure {
    Console.error(failure.message)
    exit(failure.code)
} catch {
    let code = Migedit.exitCode(for: error)
    if code == .success {
        Console.output(CompletionScript.finishing(Migedit.fullMessage(for: error)))
        exit(0)
    }
    let message = Migedit.message(for: error).split(separator: "\n").first.map(String.init) ?? "bad arguments"
    Console.error("migedit: \(message) (see migedit --help)")
    exit(CLIFailure.badInput)
}
