import MigeditIO

import Glibc

/// `migedit --experimental-dump-help | migedit-manual DIRECTORY [SOURCE]`: writes migedit's
/// man pages, made only from the command definitions, into DIRECTORY and prints each path it
/// wrote, one a line (scripts/install keeps them in its manifest). SOURCE is the footer's
/// "migedit 0.3.0".
/// One line on stderr, exit 2.
func fail(_ message: String) -> Never {
    let line = Array((message + "\n").utf8)
    _ = line.withUnsafeBytes { write(STDERR_FILENO, $0.baseAddress, $0.count) }
    exit(2)
}

let arguments = Array(CommandLine.arguments.dropFirst())
guard (1...2).contains(arguments.count), !arguments[0].hasPrefix("-") else {
    fail("usage: migedit --experimental-dump-help | migedit-manual DIRECTORY [SOURCE]")
}
do {
    let root = try CommandInfo(dump: try AtomicFile.read("-"))
    for page in ManualPage.pages(for: root, source: arguments.count > 1 ? arguments[1] : root.name) {
        let path = arguments[0] + "/" + page.fileName
        try AtomicFile.write(page.text, to: path)
        print(path)
    }
} catch let error as ManualError {
    fail("migedit-manual: \(error.message)")
} catch {
    fail("migedit-manual: \(error)")
}
