import Foundation
import TemporaryFolders
import Testing
@testable import SVGCharts

/// Same input, same bytes; saving is atomic; the document carries its accessibility metadata.
@Suite struct OutputTests {
    @Test func renderingIsDeterministic() throws {
        let chart = GoldenChartTests.scenarioChart()
        #expect(try chart.render().text == chart.render().text)
    }

    @Test func documentHasViewBoxTitleAndDescription() throws {
        var options = ChartOptions()
        options.title = "Sales <today> & \"tomorrow\""
        let text = try GoldenChartTests.lossHistory().render(options).text
        #expect(text.hasPrefix("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg "))
        #expect(text.contains("viewBox=\"0 0 800 450\""))
        #expect(text.contains("<title id=\"chart-title\">Sales &lt;today&gt; &amp; &quot;tomorrow&quot;</title>"))
        #expect(text.contains("<desc id=\"chart-desc\">training loss over 60 epochs with validation loss</desc>"))
        #expect(text.hasSuffix("</svg>\n"))
    }

    @Test func timeZoneChangesOnlyTheLabels() throws {
        let chart = LineChart(axis: TimeAxis(startMinute: Fixtures.saleStart), series: [PlotLine(name: "a", values: Fixtures.perMinute)])
        var options = ChartOptions()
        let utc = try chart.render(options).text
        options.timeZone = ShopZone(offsetSeconds: 3600)
        let plusOne = try chart.render(options).text
        #expect(utc.contains(">13:00<") && utc.contains("time (UTC)"))
        #expect(plusOne.contains(">14:00<") && !plusOne.contains(">13:00<"))
        #expect(plusOne.contains("time (+01:00)"))
    }

    @Test func saveWritesAtomicallyAndReportsFailures() throws {
        let directory = TemporaryFolder("svgcharts-save")
        defer { directory.remove() }
        let path = directory.file("chart.svg")
        try "old".write(toFile: path, atomically: false, encoding: .utf8)
        let document = try GoldenChartTests.lossHistory().render()
        try document.save(to: path)
        #expect(try String(contentsOfFile: path, encoding: .utf8) == document.text)
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == ["chart.svg"])
        #expect(throws: ChartError("cannot write '/nonexistent-dir/chart.svg': no such file or directory")) {
            try document.save(to: "/nonexistent-dir/chart.svg")
        }
        #expect(document.description == "chart(loss, 800x450)")
    }

    @Test func concurrentSavesOfOneFileNeverMixTheirBytes() async throws {
        let directory = TemporaryFolder("svgcharts-race")
        defer { directory.remove() }
        let path = directory.file("chart.svg")
        let documents = try (1...8).map { width in
            var options = ChartOptions()
            options.width = 600 + Double(width) * 10
            return try GoldenChartTests.lossHistory().render(options)
        }
        try await withThrowingTaskGroup(of: Void.self) { group in
            for document in documents { group.addTask { try document.save(to: path) } }
            try await group.waitForAll()
        }
        #expect(documents.map(\.text).contains(try String(contentsOfFile: path, encoding: .utf8)))
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == ["chart.svg"])
    }
}
