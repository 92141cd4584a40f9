import Foundation
import MapRendering
import MigrationCore
import Testing
import TestSupport

import Glibc

/// Debian's `chromium` (installed by `scripts/install-deps --tests`), or nil.
private let chromium = TestEnvironment.executable(named: "chromium")
private let missing = "chromium not found on PATH: run scripts/install-deps --tests as root"

/// The SVG map drawn by a real browser: Chromium renders it headless to a PNG, and the pixels
/// show the picture (its size, many colours, ink on a fair share of it) and each mark's fill
/// exactly where the SVG puts the cell. Skipped without chromium, except under CI=true.
@Suite("The SVG map rendered by Chromium", .enabled(if: chromium != nil || TestEnvironment.isCI, Comment(rawValue: missing)))
struct ChromiumRenderTests {
    @Test func svgMapRendersToAPictureWithTheCellsWhereTheSVGPutsThem() throws {
        let binary = try #require(chromium, Comment(rawValue: missing))
        let sheet = MapSheet(map: .of(.v9_0), configuration: brokenConfiguration(), source: "prod.json")
        let document = MapSVG.render(sheet)
        let svg = try ParsedElement.parse(document)
        let width = try #require(svg.attributes["width"].flatMap { Int($0) })
        let height = try #require(svg.attributes["height"].flatMap { Int($0) })

        let image = try screenshot(document, width: width, height: height, chromium: binary)
        #expect(image.width == width && image.height == height)

        let pixels = image.allPixels
        let white = PNGImage.Pixel(red: 255, green: 255, blue: 255)
        let inked = pixels.filter { $0 != white }.count
        #expect(inked * 100 > pixels.count * 5, "ink on \(inked) of \(pixels.count) pixels")
        #expect(inked * 100 < pixels.count * 90, "ink on \(inked) of \(pixels.count) pixels")
        #expect(Set(pixels).count > 100, "distinct colours")

        let cells = svg.cellsByPair
        for (pair, fill) in [
            ("postcopy-ram × multifd", "#b2182b"), ("switchover-ack × return-path", "#6fa8dc"),
            ("max-cpu-throttle × cpu-throttle-initial", "#f3e3a0"), ("events × xbzrle", "#ffffff"),
        ] {
            let rect = try #require(cells[pair]?.children.first { $0.name == "rect" })
            let x = try #require(rect.attributes["x"].flatMap { Int($0) })
            let y = try #require(rect.attributes["y"].flatMap { Int($0) })
            // Inside the cell, clear of its edge, a broken cell's frame and the arms of × and ≤.
            let sample = image[x + 4, y + 11]
            #expect(close(sample, to: fill), "\(pair) at \(x + 4),\(y + 11) is \(sample), expected \(fill)")
        }
    }

    private func close(_ pixel: PNGImage.Pixel, to hex: String) -> Bool {
        let value = Int(hex.dropFirst(), radix: 16) ?? -1
        let expected = [value >> 16 & 0xFF, value >> 8 & 0xFF, value & 0xFF]
        return zip([pixel.red, pixel.green, pixel.blue].map(Int.init), expected).allSatisfy { abs($0 - $1) <= 3 }
    }

    /// Chromium's screenshot of `svg` at `width`×`height`, from a private directory (its HOME
    /// and profile) removed afterwards; `ChildProcess` kills it with all it started on timeout.
    private func screenshot(_ svg: String, width: Int, height: Int, chromium: String) throws -> PNGImage {
        var template = Array("/tmp/migedit-map-XXXXXX".utf8CString)
        let made = try #require(mkdtemp(&template))
        let directory = String(cString: made)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try svg.write(toFile: directory + "/map.svg", atomically: true, encoding: .utf8)
        let result = try ChildProcess.run(
            [
                chromium, "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--force-device-scale-factor=1",
                "--no-first-run", "--user-data-dir=\(directory)/profile", "--screenshot=\(directory)/map.png",
                "--window-size=\(width),\(height)", "file://\(directory)/map.svg",
            ],
            environment: ["HOME": directory, "PATH": "/usr/bin:/bin", "LANG": "C.UTF-8"], newProcessGroup: true, timeout: 120)
        try #require(result.exitCode == 0, "chromium: \(result.exitCode) \(result.standardError.suffix(500))")
        let bytes = try #require(FileManager.default.contents(atPath: directory + "/map.png"), "no screenshot written")
        return try PNGImage([UInt8](bytes))
    }
}
