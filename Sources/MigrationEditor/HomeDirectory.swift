/// The shell's `~` in file-name prompts. The prompts do not go through a shell, so without this
/// `~/x.json` would name a folder called `~`.
enum HomeDirectory {
    /// `path` with a leading `~` or `~/` replaced by `home`. `~user`, a `~` elsewhere, and any
    /// path when `home` is unknown or empty stay as they are.
    static func expanding(_ path: String, home: String?) -> String {
        guard let home, !home.isEmpty, path.first == "~" else { return path }
        let rest = path.dropFirst()
        guard rest.isEmpty || rest.first == "/" else { return path }
        return (home.count > 1 && home.hasSuffix("/") ? String(home.dropLast()) : home) + rest
    }
}
