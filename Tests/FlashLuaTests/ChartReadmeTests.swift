@testable import FlashLua
import Foundation
import Testing

/// The README's chart gallery and layer list against the chart registry: a kind added, renamed or
/// removed (ChartLibrary.kinds, ChartLayerMethods.all) fails here until the README says so.
@Suite struct ChartReadmeTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    static func readme() throws -> String {
        try String(contentsOf: repository.appendingPathComponent("README.md"), encoding: .utf8)
    }

    /// The gallery's cells: each `chart.<name>` that starts a cell, with the image beside it.
    static func galleryCells(_ readme: String) -> [(name: String, image: String)] {
        readme.split(separator: "\n").filter { $0.hasPrefix("| `chart.") }.flatMap { row in
            row.split(separator: "|").compactMap { cell -> (String, String)? in
                let text = cell.drop { $0 == " " }
                guard text.hasPrefix("`chart."), let close = text.dropFirst().firstIndex(of: "`"),
                    let open = text.range(of: "]("), let end = text[open.upperBound...].firstIndex(of: ")")
                else { return nil }
                let call = text[text.index(text.startIndex, offsetBy: 7)..<close]
                return (String(call.prefix { $0.isLetter }), String(text[open.upperBound..<end]))
            }
        }
    }

    @Test func theGalleryShowsEveryRegisteredKindWithItsPicture() throws {
        let cells = Self.galleryCells(try Self.readme())
        let kinds = ChartLibrary.kinds.map { $0.name }
        #expect(cells.map(\.name).sorted() == (kinds + ["new"]).sorted())
        for cell in cells {
            let image = Self.repository.appendingPathComponent(cell.image).path
            #expect(FileManager.default.fileExists(atPath: image), "chart.\(cell.name): no \(cell.image)")
        }
    }

    @Test func theLayerListNamesEveryLayerMethod() throws {
        let readme = try Self.readme()
        let start = try #require(readme.range(of: "\nLayers: "))
        let rest = readme[start.upperBound...]
        let listed = rest[..<(rest.range(of: "\n\n")?.lowerBound ?? rest.endIndex)]
        for method in ChartLayerMethods.all {
            #expect(listed.contains("`\(method.name)"), "README's 'Layers:' does not name '\(method.name)'")
        }
    }
}
