/// POSIX `sh` word quoting and splitting, for exporting command lines users paste into a shell
/// and for reading the QEMU command lines they paste back.
public enum ShellWords {
    /// Returns `word` unchanged when it consists only of [A-Za-z0-9_@%+=:,./-] and is non-empty,
    /// else a single-quoted form ('It'\''s') that any POSIX shell reads back as exactly one word
    /// with nothing expanded or executed.
    ///
    /// Single quotes are used because inside them every character except `'` itself is literal
    /// in every POSIX shell; a `'` is written as `'\''` (close, escaped quote, reopen).
    public static func quote(_ word: String) -> String {
        if !word.isEmpty, word.unicodeScalars.allSatisfy(isSafe) {
            return word
        }
        var quoted = "'"
        for scalar in word.unicodeScalars {
            if scalar == "'" {
                quoted += #"'\''"#
            } else {
                quoted.unicodeScalars.append(scalar)
            }
        }
        return quoted + "'"
    }

    /// Splits a command line the way sh would split words (no expansion): whitespace separates;
    /// '...' literal; "..." with \\ \" \$ \` and backslash-newline escapes; backslash outside
    /// quotes escapes the next char; backslash-newline outside quotes joins lines; `#` at a word
    /// start begins a comment to end of line. Throws on an unterminated quote or a trailing lone
    /// backslash.
    ///
    /// Only word splitting is done: `;`, `|`, `&`, `$…` and the like are kept as ordinary
    /// characters, since the caller wants the words a command would receive, not to run it.
    /// Windows line ends (CRLF) read as plain newlines, so a command line saved on Windows splits
    /// (and continues with `\`) the same way.
    public static func split(_ line: String) throws(ShellWordsError) -> [String] {
        let scalars = Array(line.replacing("\r\n", with: "\n").unicodeScalars)
        var words: [String] = []
        var word = String.UnicodeScalarView()
        var inWord = false
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            switch scalar {
            case " ", "\t", "\n", "\r":
                if inWord {
                    words.append(String(word))
                    word = String.UnicodeScalarView()
                    inWord = false
                }
                index += 1
            case "#" where !inWord:
                while index < scalars.count, scalars[index] != "\n" { index += 1 }
            case "'":
                inWord = true
                guard let close = scalars[(index + 1)...].firstIndex(of: "'") else {
                    throw ShellWordsError(message: "unterminated single quote opened at position \(index + 1)")
                }
                word.append(contentsOf: scalars[(index + 1)..<close])
                index = close + 1
            case "\"":
                inWord = true
                index = try readDoubleQuoted(scalars, openingAt: index, into: &word)
            case "\\":
                guard index + 1 < scalars.count else {
                    throw ShellWordsError(message: "backslash at the end of the line escapes nothing")
                }
                if scalars[index + 1] != "\n" {
                    inWord = true
                    word.append(scalars[index + 1])
                }
                index += 2
            default:
                inWord = true
                word.append(scalar)
                index += 1
            }
        }
        if inWord { words.append(String(word)) }
        return words
    }

    /// Characters that mean nothing special to sh anywhere in an argument word.
    private static func isSafe(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "A"..."Z", "a"..."z", "0"..."9", "_", "@", "%", "+", "=", ":", ",", ".", "/", "-":
            return true
        default:
            return false
        }
    }

    /// Appends the contents of the double-quoted string opening at `start` and returns the index
    /// after its closing quote. Inside, a backslash only escapes `\` `"` `$` `` ` `` and newline
    /// (which it removes); before anything else it stays a literal backslash.
    private static func readDoubleQuoted(
        _ scalars: [Unicode.Scalar], openingAt start: Int, into word: inout String.UnicodeScalarView
    ) throws(ShellWordsError) -> Int {
        var index = start + 1
        while index < scalars.count {
            let scalar = scalars[index]
            if scalar == "\"" { return index + 1 }
            if scalar == "\\", index + 1 < scalars.count {
                let next = scalars[index + 1]
                switch next {
                case "\\", "\"", "$", "`":
                    word.append(next)
                    index += 2
                    continue
                case "\n":
                    index += 2
                    continue
                default:
                    break
                }
            }
            word.append(scalar)
            index += 1
        }
        throw ShellWordsError(message: "unterminated double quote opened at position \(start + 1)")
    }
}

/// Why a line could not be split into shell words.
public struct ShellWordsError: Error, Hashable, Sendable {
    public let message: String

    public init(message: String) {
        self.message = message
    }
}
