import Glibc

/// Why a file could not be read or written, in one line for a status bar or stderr.
public struct FileError: Error, Hashable, Sendable {
    public let message: String

    public init(_ message: String) {
        self.message = message
    }
}

/// File access with the guarantees the editor promises: a save never leaves a half-written
/// profile behind (write a temporary file in the same folder, fsync, rename over the target),
/// keeps the previous version as `PATH.bak`, and every failure leaves every file as it was.
public enum AtomicFile {
    /// Writes `contents` to `path` atomically. With `keepingBackup`, an existing file is first
    /// preserved as `path.bak` (itself replaced atomically).
    ///
    /// A symbolic link is followed, so the file it points to is replaced and the link stays; an
    /// existing file keeps its permissions, a new one gets 0666 less the umask.
    public static func write(_ contents: String, to path: String, keepingBackup: Bool = false) throws(FileError) {
        let target = resolvingLinks(path)
        var status = stat()
        let exists = stat(target, &status) == 0
        if exists, status.st_mode & S_IFMT == S_IFDIR {
            throw FileError("cannot write \(path): it is a directory")
        }
        let mode = exists ? status.st_mode & 0o7777 : 0o666 & ~currentUmask()
        if keepingBackup, exists {
            let previous = try readBytes(target)
            try replace(target + ".bak", with: previous, mode: mode)
        }
        try replace(target, with: Array(contents.utf8), mode: mode)
    }

    /// The file a path names once symbolic links are followed (the path itself when it does not
    /// exist yet or is not a link).
    static func resolvingLinks(_ path: String) -> String {
        guard let resolved = realpath(path, nil) else { return path }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    static func currentUmask() -> mode_t {
        let mask = umask(0o022)
        umask(mask)
        return mask
    }

    /// The whole file as UTF-8 text.
    public static func read(_ path: String) throws(FileError) -> String {
        let bytes = try readBytes(path)
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw FileError("cannot read \(path): not UTF-8 text")
        }
        return text
    }

    /// The bytes of a file, or of stdin for `-`.
    public static func readBytes(_ path: String) throws(FileError) -> [UInt8] {
        let descriptor = path == "-" ? STDIN_FILENO : open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw FileError("cannot read \(path): \(reason(errno))") }
        defer { if path != "-" { close(descriptor) } }
        var status = stat()
        if fstat(descriptor, &status) == 0, status.st_mode & S_IFMT == S_IFDIR {
            throw FileError("cannot read \(path): it is a directory")
        }
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let count = Glibc.read(descriptor, &buffer, buffer.count)
            if count > 0 {
                bytes += buffer[..<count]
            } else if count == 0 {
                return bytes
            } else if errno != EINTR {
                throw FileError("cannot read \(path): \(reason(errno))")
            }
        }
    }

    private static func replace(_ path: String, with bytes: [UInt8], mode: mode_t) throws(FileError) {
        let directory = path.lastIndex(of: "/").map { String(path[..<$0]) }.map { $0.isEmpty ? "/" : $0 } ?? "."
        let name = path.split(separator: "/").last.map(String.init) ?? path
        var template = Array("\(directory)/.\(name).tmp-XXXXXX".utf8CString)
        let descriptor = mkstemp(&template)
        guard descriptor >= 0 else { throw FileError("cannot write \(path): \(reason(errno))") }
        let temporary = String(decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        var failure: FileError?
        var written = 0
        while written < bytes.count, failure == nil {
            let count = bytes[written...].withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress, $0.count) }
            if count > 0 {
                written += count
            } else if errno != EINTR {
                failure = FileError("cannot write \(path): \(reason(errno))")
            }
        }
        if failure == nil, fchmod(descriptor, mode) != 0 || fsync(descriptor) != 0 {
            failure = FileError("cannot write \(path): \(reason(errno))")
        }
        if close(descriptor) != 0, failure == nil { failure = FileError("cannot write \(path): \(reason(errno))") }
        if failure == nil, rename(temporary, path) != 0 {
            failure = FileError("cannot write \(path): \(reason(errno))")
        }
        if let failure {
            unlink(temporary)
            throw failure
        }
        let folder = open(directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if folder >= 0 {
            fsync(folder)
            close(folder)
        }
    }

    static func reason(_ code: Int32) -> String {
        String(cString: strerror(code)).lowercased()
    }
}
