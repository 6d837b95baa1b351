import Foundation
import SVGCharts
import Testing

/// Golden SVG files in `Golden/`: compared byte for byte, rewritten only with `UPDATE_GOLDEN=1`.
enum GoldenFile {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")

    static func url(_ name: String) -> URL { directory.appendingPathComponent(name + ".svg") }

    /// Checks `document` against `Golden/<name>.svg`, or rewrites that file when updating.
    static func check(_ name: String, _ document: SVGDocument) throws {
        let file = url(name)
        if ProcessInfo.processInfo.environment["UPDATE_GOLDEN"] == "1" {
            try document.save(to: file.path)
            return
        }
        let expected = try String(contentsOf: file, encoding: .utf8)
        #expect(document.text == expected, "\(name).svg differs from its golden file; rerun with UPDATE_GOLDEN=1 if intended")
    }
}
