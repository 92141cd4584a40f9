import MigrationCore

extension MapSVG {
    /// Colours, fonts and text sizes of the picture. The marks' fills step down in lightness
    /// (white, light yellow ~88%, mid blue ~61%, dark red ~28% in greyscale) and dark fills
    /// carry white glyphs, so a greyscale print keeps every distinction.
    enum Style {
        static let sans = "DejaVu Sans, Helvetica, Arial, sans-serif"
        static let mono = "DejaVu Sans Mono, Menlo, Consolas, monospace"
        static let ink = "#1a1a1a"
        static let muted = "#555555"
        static let cellEdge = "#c8c8c8"
        static let guide = "#9a9a9a"
        static let diagonal = "#d4d4d4"
        static let band = "#e4d9f7"
        static let bandEdge = "#6d4fb0"
        static let goneBackground = "#fdeaea"
        static let goneStripe = "#e39aa3"
        static let added = "#1b7837"
        static let removed = "#8c8c8c"

        /// Fill and glyph colour of a mark on one release's map.
        static func colors(for mark: MapMark) -> (fill: String, glyph: String) {
            switch mark {
            case .none: return ("#ffffff", "#9a9a9a")
            case .conflicts: return ("#b2182b", "#ffffff")
            case .needs, .neededBy: return ("#6fa8dc", "#0b1f3a")
            case .bounds: return ("#f3e3a0", "#3d3000")
            }
        }

        /// Fill and glyph colour of a cell in a diff: what changed stands out, the rest is grey.
        static func colors(for tone: MapSheet.Tone, mark: MapMark) -> (fill: String, glyph: String) {
            switch tone {
            case .added: return (added, "#ffffff")
            case .removed: return ("url(#gone)", "#5a0010")
            case .changed: return ("#fdb863", "#3d2000")
            case .plain: return mark == .none ? ("#ffffff", "#9a9a9a") : ("#e6e6e6", "#6a6a6a")
            }
        }

        /// A setting's label: `▸` marks one the configuration changes, `+` one a diff adds (one
        /// it removes is struck through).
        static func label(_ setting: MapSheet.Setting) -> String {
            (setting.isHighlighted ? "▸ " : "") + (setting.tone == .added ? "+ " : "") + setting.name
        }

        static func labelAttributes(_ setting: MapSheet.Setting) -> String {
            var attributes = setting.isHighlighted || setting.tone == .added ? " font-weight=\"bold\"" : ""
            switch setting.tone {
            case .added: attributes += " fill=\"\(added)\""
            case .removed: attributes += " fill=\"\(removed)\" text-decoration=\"line-through\""
            case .plain, .changed: break
            }
            return attributes
        }

        /// A rule's line in the panel: `! id` when broken now, `+ id`/`− id` in a diff.
        static func ruleLabel(_ rule: MapSheet.RuleEntry) -> String {
            if rule.isBroken { return "! " + rule.id + " (broken now)" }
            switch rule.tone {
            case .added: return "+ " + rule.id
            case .removed: return "− " + rule.id
            case .plain, .changed: return rule.id
            }
        }

        static func ruleInk(_ rule: MapSheet.RuleEntry, muted isMuted: Bool = false) -> String {
            if rule.isBroken { return "#9e0b1f" }
            switch rule.tone {
            case .added: return added
            case .removed: return removed
            case .plain, .changed: return isMuted ? muted : ink
            }
        }

        /// Widths in pixels for laying out text: DejaVu Sans Mono advances 0.602 em; for the
        /// proportional font 0.62 em is a safe average for the lower-case text used here.
        static func monoWidth(_ characters: Int, size: Int) -> Int {
            (characters * size * 602 + 999) / 1000
        }

        static func sansWidth(_ text: String, size: Int) -> Int {
            (text.count * size * 620 + 999) / 1000
        }
    }
}
