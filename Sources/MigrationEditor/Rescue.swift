import MigrationCore

/// Where unsaved changes go when the session is ended by SIGTERM or SIGHUP, and how they come
/// back. nano's convention: `PROFILE.save` next to the profile, `migedit.save` in the current
/// folder for a profile that was never saved.
public struct RescueFile: Hashable, Sendable {
    /// The file to write.
    public let path: String
    /// The unsaved document as profile JSON.
    public let contents: String

    /// The rescue file's name for the profile at `profilePath` (nil: never saved).
    public static func path(for profilePath: String?) -> String {
        profilePath.map { $0 + ".save" } ?? "migedit.save"
    }
}

/// A newer `PROFILE.save` found when the profile was opened: the document it holds and its path.
public struct RescueOffer: Hashable, Sendable {
    public let document: Profile
    public let path: String
}

extension EditorState {
    /// What to write if the session ends now without the user's say (SIGTERM, SIGHUP): the
    /// unsaved document, or nil when there is nothing unsaved and nothing must be written.
    public var rescueFile: RescueFile? {
        guard hasWorkToKeep else { return nil }
        return RescueFile(path: RescueFile.path(for: profilePath), contents: profileJSON(of: document))
    }

    /// What the outside does right after the editor starts: look for changes rescued from an
    /// earlier session of the profile.
    public var startupEffects: [EditorEffect] {
        profilePath.map { [.lookForRescue(profilePath: $0)] } ?? []
    }

    /// A newer rescue file was found: offer it, unless it holds exactly what is open.
    mutating func didFindRescue(_ profile: Profile, at path: String) {
        let rescued = profile
        guard rescued != document else { return }
        mode = .offerRescue(RescueOffer(document: rescued, path: path))
    }

    /// The rescue offer: `l` loads the rescued document as an unsaved, undoable change (so `s`
    /// writes it to the profile), `i` or Esc leaves the file on disk and the document as opened.
    mutating func handleRescueOffer(_ key: Key, _ offer: RescueOffer) -> [EditorEffect] {
        switch key {
        case .character("l"), .character("L"):
            mode = .list
            change("load \(offer.path)") { $0 = offer.document }
            status = .info("Loaded the rescued changes from \(offer.path); s saves them, u undoes")
        case .character("i"), .character("I"), .character("n"), .escape:
            mode = .list
            status = .info("Ignored \(offer.path); it stays on disk")
        default:
            break
        }
        return []
    }
}

extension RescueOffer {
    /// The question on the status row.
    var question: String {
        "\(path) holds unsaved changes rescued from an earlier session: l loads them · i ignores them"
    }
}
