/// The map as one self-contained page: the SVG picture inline (hovering a cell shows its rules
/// and QEMU's messages), then every rule with QEMU's message, what it reads and why it exists.
/// The page is well-formed XML too, so the tests parse it like the SVG.
public enum MapHTML {
    public static func render(_ sheet: MapSheet) -> String {
        var lines = [
            "<!DOCTYPE html>",
            "<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"en\">",
            "<head>",
            "<meta charset=\"utf-8\"/>",
            "<title>\(XMLText.escape(sheet.title))</title>",
            "<style>",
            "body { font-family: \(MapSVG.Style.sans); color: #1a1a1a; margin: 1.5em; max-width: 110em; }",
            ".cell:hover rect:first-of-type { stroke: #000000; stroke-width: 2; }",
            ".map { overflow-x: auto; }",
            "dt { margin-top: 0.8em; font-family: \(MapSVG.Style.mono); font-weight: bold; }",
            "dd { margin-left: 1.5em; }",
            ".broken { color: #9e0b1f; } .added { color: #1b7837; } .removed { color: #8c8c8c; text-decoration: line-through; }",
            "</style>",
            "</head>",
            "<body>",
            "<p>Hover a cell for the rules joining its two settings, with QEMU's messages.</p>",
            "<div class=\"map\">",
            MapSVG.element(sheet),
            "</div>",
            "<h2>Every rule of the map</h2>",
        ]
        for (heading, placement) in [
            (MapSVG.Heading.pair, MapSheet.Placement.pair),
            (MapSVG.Heading.side, .side),
            (MapSVG.Heading.value, .value),
        ] {
            let rules = sheet.rules.filter { $0.placement == placement }
            guard !rules.isEmpty else { continue }
            lines += ["<h3>\(XMLText.escape(heading))</h3>", "<dl>"]
            for rule in rules { lines += entry(rule) }
            lines.append("</dl>")
        }
        lines += ["</body>", "</html>"]
        return lines.joined(separator: "\n") + "\n"
    }

    private static func entry(_ rule: MapSheet.RuleEntry) -> [String] {
        let state = rule.isBroken ? " (broken now)" : rule.tone == .added ? " (new)" : rule.tone == .removed ? " (gone)" : ""
        let className = rule.isBroken ? "broken" : rule.tone == .plain || rule.tone == .changed ? nil : rule.tone.rawValue
        var lines = [
            "<dt id=\"rule-\(XMLText.escape(rule.id))\"\(className.map { " class=\"\($0)\"" } ?? "")>"
                + XMLText.escape(rule.id + state) + "</dt>",
            "<dd>QEMU says: <q>\(XMLText.escape(rule.message))</q></dd>",
        ]
        if !rule.sentences.isEmpty {
            lines.append("<dd>\(XMLText.escape(rule.sentences.joined(separator: "; ")))</dd>")
        }
        lines.append("<dd>reads \(XMLText.escape(rule.subjects.joined(separator: ", ")))</dd>")
        lines.append("<dd>\(XMLText.escape(rule.explanation))</dd>")
        return lines
    }
}
