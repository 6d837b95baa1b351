import Foundation
import TemporaryFolders
import Testing
@testable import SVGCharts

/// Every golden file is well-formed XML and renders to a non-blank PNG with librsvg.
@Suite(.enabled(if: ExternalTool.renderingToolsInstalled, "xmllint or rsvg-convert is not installed (apt-get install libxml2-utils librsvg2-bin)"))
struct RenderingTests {
    static let goldenNames = ((try? FileManager.default.contentsOfDirectory(atPath: GoldenFile.directory.path)) ?? [])
        .filter { $0.hasSuffix(".svg") }.sorted()

    @Test func thereIsAGoldenFileForEveryChartKind() {
        let kinds = ["lines", "forecast", "backtest", "loss", "bars", "scenarios", "early-warning", "layers", "rate"]
        #expect(kinds.allSatisfy { Self.goldenNames.contains("\($0).svg") })
    }

    @Test(arguments: goldenNames)
    func goldenParsesAsXMLAndRenders(name: String) throws {
        let svg = GoldenFile.directory.appendingPathComponent(name).path
        let lint = try ExternalTool.run("xmllint", ["--noout", svg])
        #expect(lint.status == 0, "\(name): \(lint.errors)")
        let directory = TemporaryFolder("svgcharts")
        defer { directory.remove() }
        let png = directory.file("chart.png")
        let render = try ExternalTool.run("rsvg-convert", ["--zoom", "0.5", "-o", png, svg])
        #expect(render.status == 0, "\(name): \(render.errors)")
        let image = try PNGImage(Array(try Data(contentsOf: URL(fileURLWithPath: png))))
        let height = try #require(try String(contentsOfFile: svg, encoding: .utf8).firstMatch(of: /height="([0-9.]+)"/)
            .flatMap { Double($0.output.1) })  // small multiples grow taller than 450 with their rows
        #expect(image.width == 400 && image.height == Int((height / 2).rounded(.up)))
        #expect(image.distinctColors > 50, "\(name) renders with too few colours to be a chart")
        #expect(image.inkFraction > 0.03, "\(name) renders nearly blank")
    }

    @Test func theBlankCheckRecognisesABlankImage() throws {
        let directory = TemporaryFolder("svgcharts")
        defer { directory.remove() }
        let svg = directory.file("blank.svg")
        try ##"<svg xmlns="http://www.w3.org/2000/svg" width="80" height="40"><rect width="80" height="40" fill="#fff"/></svg>"##
            .write(toFile: svg, atomically: true, encoding: .utf8)
        let png = directory.file("blank.png")
        #expect(try ExternalTool.run("rsvg-convert", ["-o", png, svg]).status == 0)
        let image = try PNGImage(Array(try Data(contentsOf: URL(fileURLWithPath: png))))
        #expect(image.distinctColors == 1)
        #expect(image.inkFraction == 0)
    }
}
