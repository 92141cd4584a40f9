import Glibc

/// A private directory under /tmp for files a run of QEMUs needs (sockets, firmware, logs),
/// removed with everything in it by `remove()`, when dropped, and when a signal ends this
/// process (through `OrphanGuard`, which kills the QEMUs first). A file is removed on a signal
/// only if it was named with `path(_:)` before it was created.
public final class ScratchDirectory {
    public let path: String

    /// Creates `/tmp/PREFIX-XXXXXX`.
    public init(prefix: String) throws(ChildProcess.Failure) {
        var template = Array("/tmp/\(prefix)-XXXXXX".utf8CString)
        guard let made = mkdtemp(&template) else {
            throw .cannotStart("cannot create a directory in /tmp: \(String(cString: strerror(errno)))")
        }
        path = String(cString: made)
        OrphanGuard.removeOnSignal(path)
    }

    /// The path of `name` inside the directory, registered for removal on a signal.
    public func path(_ name: String) -> String {
        let file = path + "/" + name
        if !registered.contains(file) {
            registered.append(file)
            OrphanGuard.removeOnSignal(file)
        }
        return file
    }

    /// The paths registered with `OrphanGuard`, released by `remove()` whether or not they
    /// were ever created.
    private var registered: [String] = []

    /// Whether the directory is gone.
    public private(set) var isRemoved = false

    /// Removes everything in the directory, then the directory. Safe to call more than once.
    public func remove() {
        guard !isRemoved else { return }
        isRemoved = true
        if let entries = opendir(path) {
            while let entry = readdir(entries) {
                let name = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
                guard name != "." && name != ".." else { continue }
                unlink(path + "/" + name)
            }
            closedir(entries)
        }
        rmdir(path)
        for file in registered + [path] { OrphanGuard.keep(file) }
        registered = []
    }

    deinit { remove() }
}
