import Glibc

/// Folders the CLI keeps its own files in (the lesson progress under `$XDG_STATE_HOME`).
public enum Directories {
    /// Creates `path` and any missing parents with `mode` (0700 by default: state is the user's
    /// own, as the XDG base directory spec asks); an existing folder is left as it is.
    public static func create(_ path: String, mode: mode_t = 0o700) throws(FileError) {
        var prefix = path.hasPrefix("/") ? "" : "."
        for component in path.split(separator: "/") {
            prefix += "/" + component
            var status = stat()
            if stat(prefix, &status) == 0 {
                guard status.st_mode & S_IFMT == S_IFDIR else {
                    throw FileError("cannot create \(path): \(prefix) is not a folder")
                }
                continue
            }
            if mkdir(prefix, mode) != 0, errno != EEXIST {
                throw FileError("cannot create \(path): \(AtomicFile.reason(errno))")
            }
        }
    }
}
