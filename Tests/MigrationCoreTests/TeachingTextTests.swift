// The teaching texts against the review of them (research/reviews/teaching-texts-review.md):
// each text is read as `migedit explain NAME --qemu V` prints it, for every release that has it,
// so a text that is only right for one release, or a corrected claim coming back, fails here.
import Testing
@testable import MigrationCore

/// What one text must say (evidence it teaches the right thing) and must never say again (the
/// claim the review found wrong or misleading), in every release that has it.
struct TextClaim: Sendable, CustomTestStringConvertible {
    let name: String
    let says: [String]
    let neverSays: [String]
    var testDescription: String { name }

    init(_ name: String, says: [String], neverSays: [String] = []) {
        self.name = name
        self.says = says
        self.neverSays = neverSays
    }
}

@Suite("Teaching texts")
struct TeachingTextTests {
    /// What `migedit explain NAME --qemu VERSION` prints, as one line of prose (the wrap undone).
    static func prose(_ name: String, _ version: QEMUVersion) -> String? {
        Explanation.text(for: name, version: version).map {
            $0.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        }
    }

    /// Every release that has `name`, with its text.
    static func texts(_ name: String) -> [(version: QEMUVersion, text: String)] {
        QEMUVersion.allCases.compactMap { version in prose(name, version).map { (version, $0) } }
    }

    /// Every rule id, item name and host fact of any release.
    static let allNames: [String] = {
        var names: [String] = []
        for version in QEMUVersion.allCases {
            names += RuleBook.rules(for: version).map(\.id) + Catalog.for(version).items.map(\.name)
        }
        names += HostFact.allCases.map { "host." + $0.rawValue }
        var seen = Set<String>()
        return names.filter { seen.insert($0).inserted }
    }()

    static let claims: [TextClaim] = [
        // The six the review found wrong.
        TextClaim("postcopy-ram", says: ["migrate-recover", "migrate-start-postcopy", "Both sides"],
                  neverSays: ["network failure during postcopy loses"]),
        TextClaim("multifd-zstd-level-range", says: ["--ultra", "21 and 22"],
                  neverSays: ["ordinary levels 0 to 20", "refuses the slow --ultra"]),
        TextClaim("compress-vs-xbzrle", says: ["save_page_use_compression", "0e195629"],
                  neverSays: ["transform the same page"]),
        TextClaim("postcopy-ram-vs-x-ignore-shared", says: ["18269069", "migedit's reading"],
                  neverSays: ["registers all guest RAM", "wait forever"]),
        TextClaim("multifd-clean-tls-termination", says: ["destination only", "9b3b192f"],
                  neverSays: ["treat the shutdown as an error"]),
        TextClaim("direct-io", says: ["HMP", "mapped-ram", "file: URI"], neverSays: ["QMP only"]),
        // Rules whose verdict changed across releases say so.
        TextClaim("postcopy-ram-vs-multifd",
                  says: ["7.2 and 8.0 accepted", "b405dfff", "reported users", "10.1", "e2741886"]),
        TextClaim("multifd-vs-xbzrle", says: ["silently ignored", "8.2", "d869f629"]),
        // QEMU's own reasons where it states them, ours marked as ours.
        TextClaim("block-deprecated", says: ["too inflexible", "deprecated.rst"]),
        TextClaim("compress-deprecated", says: ["Too many races", "deprecated.rst"], neverSays: ["slower"]),
        TextClaim("background-snapshot-vs-multifd", says: ["migedit's reading", "ram_save_release_protection"]),
        TextClaim("background-snapshot-vs-compress", says: ["migedit's reading", "ram_save_release_protection"],
                  neverSays: ["reorder"]),
        TextClaim("background-snapshot-vs-validate-uuid", says: ["QEMU gives no reason"],
                  neverSays: ["no destination to validate"]),
        TextClaim("throttle-trigger-threshold-range", says: ["migedit's reading", "migration_trigger_throttle"],
                  neverSays: ["meaningless"]),
        TextClaim("throttle-trigger-threshold", says: ["twice in a row", "dirty-limit"]),
        TextClaim("auto-converge", says: ["throttle-trigger-threshold", "twice in a row"]),
        TextClaim("direct-io-needs-build-support", says: ["BSD", "qemu_has_direct_io", "QMP or HMP"]),
        TextClaim("host.os", says: ["BSD", "direct-io"]),
        // Steps outside the capability checks, where they bite.
        TextClaim("multifd-before-incoming", says: ["-incoming defer", "migrate-incoming", "82137e6c"],
                  neverSays: ["unheard"]),
        TextClaim("postcopy-preempt-before-incoming", says: ["-incoming defer", "migrate-incoming", "82137e6c"],
                  neverSays: ["disagreeing"]),
        TextClaim("multifd", says: ["-incoming defer", "migrate-incoming", "Both sides"]),
        TextClaim("postcopy-preempt", says: ["-incoming defer", "migrate-incoming"]),
        TextClaim("mapped-ram", says: ["file: URI", "with or without multifd"]),
        TextClaim("late-block-activate", says: ["-S", "10.0", "fca9aef1"], neverSays: ["that waits for the cont"]),
        TextClaim("multifd-compression", says: ["compression-methods", "migedit probe", "both sides"],
                  neverSays: ["later", " add "]),
        // Defaults and meanings.
        TextClaim("zero-page-detection",
                  says: ["Machine types 8.2 and older default to legacy", "hw_compat_8_2", "when multifd is off"]),
        TextClaim("host.page-size", says: ["target page size", "guest architecture", "not the host"]),
        TextClaim("downtime-limit", says: ["not a guarantee"], neverSays: ["longest pause"]),
        TextClaim("tls-hostname", says: ["fd:", "exec:"], neverSays: ["socket path"]),
        TextClaim("block-bitmap-mapping", says: ["HMP's migrate_set_parameter refuses it"]),
        TextClaim("mode", says: ["x-ignore-shared", "shared memory backend"], neverSays: ["where it can"]),
        TextClaim("send-switchover-start", says: ["MIG_CMD_SWITCHOVER_START", "do not know the command"],
                  neverSays: ["can prepare"]),
    ]

    @Test(arguments: claims)
    func textSaysWhatQEMUDoes(_ claim: TextClaim) {
        let all = Self.texts(claim.name)
        #expect(!all.isEmpty, "no release has \(claim.name)")
        for (version, text) in all {
            for phrase in claim.says {
                #expect(text.contains(phrase), "\(claim.name) under \(version) lacks '\(phrase)'")
            }
            for phrase in claim.neverSays {
                #expect(!text.contains(phrase), "\(claim.name) under \(version) says '\(phrase)' again")
            }
        }
    }

    /// "In 9.0 the postcopy phase …" was printed under --qemu 8.1 too: a text shown for several
    /// releases words itself release-neutrally or names the releases it speaks of.
    @Test func noTextSaysInOneReleaseWhenShownForAnother() {
        for name in Self.allNames {
            for (version, text) in Self.texts(name) {
                for other in QEMUVersion.allCases where other != version {
                    for claim in ["In \(other) ", "In \(other),"] {
                        #expect(!text.contains(claim), "\(name) under \(version) says '\(claim)'")
                    }
                }
            }
        }
    }
}
