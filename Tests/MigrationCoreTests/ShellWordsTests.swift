import Glibc
import MigrationCore
import Testing
import TestSupport

@Suite struct ShellWordsTests {
    private static let sentinel = "/tmp/migedit-shellwords-\(getpid())-\(UInt32.random(in: .min ... .max))"

    /// Words that would create the sentinel, split, glob, expand or comment if quoting failed.
    private static let hostileWords = [
        "", " ", "a b", "It's", "'", "''", "\"", "\\", "\\'", "$(touch \(sentinel))", "`touch \(sentinel)`",
        "; touch \(sentinel)", "| touch \(sentinel)", "&& touch \(sentinel)", "& touch \(sentinel) &",
        "'; touch \(sentinel); '", "\"; touch \(sentinel); \"", "$HOME", "${HOME}", "$((1+1))", "*", "?",
        "[a-z]", "~", "~root", "#comment", "a#b", "=", "a=b", "-n", "--", "x,y", "{a,b}", "!", "<in", ">out",
        "(sub)", "tab\there", "line\nbreak", "\n", "trailing\\", "e\u{301}", "日本語", "😀", "\u{1}\u{7F}",
        "migration.x-xbzrle=on", "cr\rlf",
    ]

    @Test(arguments: ["abc", "a=b", "/usr/bin/qemu-system-x86_64", "migration.x-xbzrle=on", "user@host:1,2",
                      "50%", "a+b", "-global", "A_Z.0-9"])
    func leavesSafeWordsUnquoted(_ word: String) {
        #expect(ShellWords.quote(word) == word)
    }

    @Test func singleQuotesEverythingElse() {
        #expect(ShellWords.quote("") == "''")
        #expect(ShellWords.quote("It's") == #"'It'\''s'"#)
        #expect(ShellWords.quote("a b") == "'a b'")
        #expect(ShellWords.quote("~") == "'~'")
        #expect(ShellWords.quote("é") == "'é'")
        #expect(ShellWords.quote("$(x)") == "'$(x)'")
    }

    @Test(arguments: [
        ("a b  c", ["a", "b", "c"]), ("  \t\n ", []), ("", []), ("'a b'", ["a b"]), (#""a\"b""#, [#"a"b"#]),
        (#""\$x \`y\` \\""#, [#"$x `y` \"#]), (#""a\qb""#, [#"a\qb"#]), (#"a\ b"#, ["a b"]), ("a\\\nb", ["ab"]),
        ("\"a\\\nb\"", ["ab"]), ("a\\\n b", ["a", "b"]), ("a #c d\ne", ["a", "e"]), ("#only", []),
        ("a#b", ["a#b"]), ("''", [""]), (#""""#, [""]), ("a''b", ["ab"]), ("'' ''", ["", ""]), (#"'a'"b"c"#, ["abc"]),
        (#"'\'"#, [#"\"#]), (#"\'"#, ["'"]), (#"\\"#, [#"\"#]), ("'#'x #y", ["#x"]), ("\\\n#c", []),
        ("a;b|c&d", ["a;b|c&d"]), ("$(x) `y`", ["$(x)", "`y`"]), ("'line\nbreak'", ["line\nbreak"]),
    ] as [(String, [String])])
    func splitsLikeSh(_ line: String, _ words: [String]) throws {
        #expect(try ShellWords.split(line) == words)
    }

    @Test(arguments: [
        ("'abc", "unterminated single quote opened at position 1"),
        ("a \"abc", "unterminated double quote opened at position 3"),
        (#""abc\"#, "unterminated double quote opened at position 1"),
        (#""abc\""#, "unterminated double quote opened at position 1"),
        (#"abc\"#, "backslash at the end of the line escapes nothing"),
    ] as [(String, String)])
    func rejectsUnterminatedInput(_ line: String, _ message: String) {
        #expect(throws: ShellWordsError(message: message)) { try ShellWords.split(line) }
    }

    @Test func splitReadsBackWhatQuoteWrites() throws {
        for word in Self.hostileWords + ["\u{0}"] {
            #expect(try ShellWords.split(ShellWords.quote(word)) == [word], "\(word.debugDescription)")
        }
        let line = Self.hostileWords.map(ShellWords.quote).joined(separator: " ")
        #expect(try ShellWords.split(line) == Self.hostileWords)
    }

    /// The real test of quoting: a POSIX shell must print each word back exactly and run nothing.
    @Test func realShellReadsQuotedWordsBackExactly() throws {
        unlink(Self.sentinel)
        let script = "printf '%s\\0' " + Self.hostileWords.map(ShellWords.quote).joined(separator: " ")
        let result = try runShell(script)
        #expect(result.status == 0)
        let printed = result.output.split(separator: 0, omittingEmptySubsequences: false).dropLast()
            .map { String(decoding: $0, as: UTF8.self) }
        #expect(printed == Self.hostileWords)
        #expect(access(Self.sentinel, F_OK) != 0, "a quoted word ran a command")
    }

    @Test func realShellPrintsOneWordPerLine() throws {
        let words = Self.hostileWords.filter { !$0.contains("\n") && !$0.contains("\r") }
        let result = try runShell("printf '%s\\n' " + words.map(ShellWords.quote).joined(separator: " "))
        #expect(result.status == 0)
        #expect(String(decoding: result.output, as: UTF8.self) == words.map { $0 + "\n" }.joined())
    }

    /// Shows the harness would notice an injection: the same command unquoted does create a file.
    @Test func harnessDetectsAnUnquotedInjection() throws {
        let control = Self.sentinel + "-control"
        unlink(control)
        defer { unlink(control) }
        _ = try runShell("printf '%s\\n' $(touch \(control))")
        #expect(access(control, F_OK) == 0)
    }
}

/// Runs `/bin/sh -c script` and returns its exit status and standard output.
private func runShell(_ script: String) throws -> (status: Int32, output: [UInt8]) {
    let result = try ChildProcess.shell(script)
    return (result.exitCode, result.output)
}
