import Foundation
import SaleReports
import SVGCharts
import Testing

/// `report.html` as `ReportPage` writes it: self-contained, phone-sized, its charts inline with
/// ids of their own; compared byte for byte with `Golden/report-page.html` (`UPDATE_GOLDEN=1` rewrites it).
@Suite struct ReportPageTests {
    static let golden = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Golden/report-page.html")

    static func page(refresh: Int? = 60) throws -> ReportPage {
        var options = ChartOptions()
        options.width = 400
        options.height = 240
        options.title = "Revenue <so far> & plan"
        let axis = TimeAxis(startMinute: 27_000_000)
        let lines = try LineChart(axis: axis, series: [PlotLine(name: "actual", values: [1, 3, 6, 10])]).render(options)
        options.title = "Per minute"
        let bars = try RevenueBarChart(axis: axis, perMinute: [1, 2, 3, 4]).render(options)
        return ReportPage(
            title: "Sale report", verdict: "Alert: BELOW TARGET: forecast 1,940,414 is 59,586 short", alert: true,
            status: "now 2021-11-12 12:00 (+08:00): minute 2161 of 4320 (50.0%)\nalert            <none>",
            figures: [.init(chart: lines, caption: "Cumulative revenue"), .init(chart: bars, caption: "Revenue per minute")],
            tables: ["forecast.csv", "status.csv"], refreshSeconds: refresh)
    }

    @Test func thePageMatchesItsGoldenFile() throws {
        let html = try Self.page().html
        if ProcessInfo.processInfo.environment["UPDATE_GOLDEN"] == "1" {
            try html.write(to: Self.golden, atomically: true, encoding: .utf8)
            return
        }
        #expect(html == (try String(contentsOf: Self.golden, encoding: .utf8)),
                "report-page.html differs from its golden file; rerun with UPDATE_GOLDEN=1 if intended")
    }

    @Test func eachInlinedChartHasIdsOfItsOwnAndTheTextIsEscaped() throws {
        let html = try Self.page().html
        #expect(!html.contains("<?xml"))
        for chart in ["chart1", "chart2"] {
            #expect(html.contains("<clipPath id=\"\(chart)-plot-area\">"))
            #expect(html.contains("clip-path=\"url(#\(chart)-plot-area)\""))
            #expect(html.contains("aria-labelledby=\"\(chart)-chart-title \(chart)-chart-desc\""))
        }
        #expect(!html.contains("id=\"plot-area\"") && !html.contains("url(#plot-area)"))
        #expect(html.contains(">Revenue &lt;so far&gt; &amp; plan</title>"))
        #expect(html.contains("alert            &lt;none&gt;</pre>"))
        #expect(html.contains("<p class=\"verdict alert\">Alert: BELOW TARGET"))
    }

    @Test func itReadsOnAPhoneAndReloadsOnlyWhenAsked() throws {
        let live = try Self.page(refresh: 60).html
        #expect(live.contains("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"))
        #expect(live.contains("svg{display:block;width:100%;height:auto}"))
        #expect(live.contains("<meta http-equiv=\"refresh\" content=\"60\">"))
        let still = try Self.page(refresh: nil).html
        #expect(!still.contains("http-equiv=\"refresh\"") && !still.contains("reloads"))
        // Self-contained: nothing loaded from elsewhere, no script.
        #expect(!live.contains("<script") && !live.contains("src=") && !live.contains("<link"))
    }
}
