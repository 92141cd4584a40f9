extension MapSVG {
    /// Where things go. The grid's size is known from the start, so the legend can wrap at
    /// the picture's final width; `y` and `height` grow as parts are placed.
    struct Layout {
        static let margin = 28
        static let cell = 22
        static let labelSize = 12
        static let ruleSize = 12
        /// Characters per line of the rule panel beside the grid.
        static let panelColumns = 64
        /// Column labels lean at 60°: this far up and right per pixel of text.
        static let riseNumerator = 866, runNumerator = 500, slopeDenominator = 1000

        let nameWidth: Int
        let labelRise: Int
        let labelRun: Int
        let gridX: Int
        let side: Int
        let panelX: Int
        /// The width the picture will have.
        let width: Int
        var y = margin
        var gridY = 0
        var height = 0

        init(_ sheet: MapSheet) {
            let longest = sheet.settings.map { Style.label($0).count }.max() ?? 0
            nameWidth = Style.monoWidth(longest, size: Layout.labelSize)
            labelRise = nameWidth * Layout.riseNumerator / Layout.slopeDenominator
            labelRun = nameWidth * Layout.runNumerator / Layout.slopeDenominator
            gridX = Layout.margin + nameWidth + 8
            side = sheet.settings.count * Layout.cell
            panelX = gridX + side + labelRun + 28
            let titleWidth = Style.sansWidth(sheet.title, size: 24)
            width = max(panelX + Style.monoWidth(Layout.panelColumns + 2, size: Layout.ruleSize), Layout.margin + titleWidth) + Layout.margin
        }

        mutating func grow(to bottom: Int) {
            height = max(height, bottom + Layout.margin)
        }
    }
}
