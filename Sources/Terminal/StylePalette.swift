import CNcursesw
import MigrationEditor

/// How each `StyleRole` looks on this terminal: video attributes plus a colour pair. Kept apart
/// from drawing so the two schemes can be checked without a terminal.
struct StylePalette {
    /// What ncurses needs to draw a cell in a role.
    struct Style: Equatable {
        var attributes: attr_t
        var pair: Int16
    }

    /// A colour pair the palette refers to, to be registered with `init_pair` before painting.
    struct ColourPair: Equatable {
        var number: Int16
        var foreground: Int16
        var background: Int16
    }

    let pairs: [ColourPair]
    private let styles: [Style]

    func style(for role: StyleRole) -> Style {
        styles[Int(role.rawValue)]
    }

    /// Bold, dim, reverse and underline only, for `NO_COLOR` and colourless terminals. Every role
    /// the user must tell apart gets a distinct combination.
    static let monochrome = StylePalette(pairs: []) { role in
        let bold = migedit_A_BOLD()
        let dim = migedit_A_DIM()
        let reverse = migedit_A_REVERSE()
        let underline = migedit_A_UNDERLINE()
        switch role {
        case .normal, .border, .qmpOnly: return Style(attributes: migedit_A_NORMAL(), pair: 0)
        case .title, .legend: return Style(attributes: reverse, pair: 0)
        case .selected: return Style(attributes: reverse | bold, pair: 0)
        case .heading, .changed, .status: return Style(attributes: bold, pair: 0)
        case .error: return Style(attributes: bold | underline, pair: 0)
        case .warning, .input: return Style(attributes: underline, pair: 0)
        case .whatIf: return Style(attributes: dim | underline, pair: 0)
        case .muted: return Style(attributes: dim, pair: 0)
        }
    }

    /// The colour scheme. `defaultBackground` is -1 when the terminal allows its own background
    /// (`use_default_colors`), so the UI keeps the user's background colour.
    static func colour(defaultBackground: Int16) -> StylePalette {
        let title = ColourPair(number: 1, foreground: Int16(COLOR_WHITE), background: Int16(COLOR_BLUE))
        let selected = ColourPair(number: 2, foreground: Int16(COLOR_BLACK), background: Int16(COLOR_CYAN))
        let yellow = ColourPair(number: 3, foreground: Int16(COLOR_YELLOW), background: defaultBackground)
        let red = ColourPair(number: 4, foreground: Int16(COLOR_RED), background: defaultBackground)
        let magenta = ColourPair(number: 5, foreground: Int16(COLOR_MAGENTA), background: defaultBackground)
        let cyan = ColourPair(number: 6, foreground: Int16(COLOR_CYAN), background: defaultBackground)
        return StylePalette(pairs: [title, selected, yellow, red, magenta, cyan]) { role in
            let bold = migedit_A_BOLD()
            let normal = migedit_A_NORMAL()
            switch role {
            case .normal, .border: return Style(attributes: normal, pair: 0)
            case .title: return Style(attributes: bold, pair: title.number)
            case .heading, .status: return Style(attributes: bold, pair: 0)
            case .selected: return Style(attributes: normal, pair: selected.number)
            case .changed: return Style(attributes: bold, pair: yellow.number)
            case .error: return Style(attributes: bold, pair: red.number)
            case .warning: return Style(attributes: normal, pair: yellow.number)
            case .whatIf: return Style(attributes: normal, pair: magenta.number)
            case .qmpOnly: return Style(attributes: normal, pair: cyan.number)
            case .muted: return Style(attributes: migedit_A_DIM(), pair: 0)
            case .input: return Style(attributes: migedit_A_UNDERLINE(), pair: 0)
            case .legend: return Style(attributes: migedit_A_REVERSE(), pair: 0)
            }
        }
    }

    private init(pairs: [ColourPair], style: (StyleRole) -> Style) {
        self.pairs = pairs
        styles = StyleRole.allCases.sorted { $0.rawValue < $1.rawValue }.map(style)
    }
}
