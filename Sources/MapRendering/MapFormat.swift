/// The ways `migedit map` draws a sheet.
public enum MapFormat: String, CaseIterable, Sendable {
    /// A grid of glyphs for terminals and printed handouts.
    case text
    /// A picture for slides.
    case svg
    /// A page with the picture and every rule, with tooltips.
    case html

    public func render(_ sheet: MapSheet) -> String {
        switch self {
        case .text: return MapText.render(sheet)
        case .svg: return MapSVG.render(sheet)
        case .html: return MapHTML.render(sheet)
        }
    }
}
