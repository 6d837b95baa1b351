import Foundation
import Testing
@testable import SVGCharts

/// Small multiples (a chart's layers in panels on one time axis) and the stacked groups' rate.
@Suite struct GroupChartTests {
    /// Three markets' revenue per 15 minutes, each a share of the fixture's with its own daily shape.
    static func markets() -> [TimedSeries] {
        [("DE", 0.5, 0.0), ("US", 0.3, 2.0), ("JP", 0.2, 4.0)].map { name, share, phase in
            let values = Fixtures.perMinute.enumerated().map { minute, value in
                value * share * (1 + 0.6 * sin(Double(minute) / 60 + phase))
            }
            return LayerChartTests.perStep(values, step: 15, name: name)
        }
    }

    static func panels(shared: Bool = false) -> Chart {
        var chart = Chart(kind: "groups chart", yTitle: "revenue per 15 minutes", zero: .always)
        chart.panels = PanelGrid(sharedValues: shared)
        for (index, market) in markets().enumerated() {
            chart.add(Layer.line(market, paint: .palette(index)).inPanel(market.name))
        }
        chart.add(.rule(value: 2000, label: "plan"))
        return chart
    }

    @Test func eachPanelIsAFrameOnTheSharedTimeAxis() throws {
        var options = GoldenChartTests.money()
        options.title = "Revenue by market"
        let document = try Self.panels().render(options)
        try GoldenFile.check("groups-panels", document)
        #expect(document.text.components(separatedBy: "<svg x=").count == 4)
        for panel in 1...3 { #expect(document.text.contains("id=\"panel\(panel)-chart-title\"")) }
        #expect(document.width == 800 && document.height >= 450)
        // the same clock on every panel: the time labels of each panel are the same list
        let panels = document.text.components(separatedBy: "<svg x=").dropFirst()
        let times = panels.map { $0.matches(of: />(\d\d:\d\d)</).map { String($0.output.1) } }
        #expect(!times[0].isEmpty && times.allSatisfy { $0 == times[0] })
        #expect(panels.allSatisfy { $0.contains(">plan</text>") }, "a layer in no panel is drawn in every panel")
    }

    @Test func sharedValuesGiveEveryPanelTheSameValueAxis() throws {
        let document = try Self.panels(shared: true).render(GoldenChartTests.money())
        let panels = document.text.components(separatedBy: "<svg x=").dropFirst()
        let ticks = panels.map { $0.matches(of: />(€[0-9.,k]+)</).map { String($0.output.1) } }
        #expect(!ticks[0].isEmpty && ticks.allSatisfy { $0 == ticks[0] })
        let own = try Self.panels().render(GoldenChartTests.money()).text.components(separatedBy: "<svg x=").dropFirst()
            .map { $0.matches(of: />(€[0-9.,k]+)</).map { String($0.output.1) } }
        #expect(own[0] != own[2], "each panel fits its own values by default")
    }

    @Test func aGridTooNarrowForItsColumnsWraps() throws {
        var chart = Self.panels()
        chart.panels = PanelGrid(columns: 3)
        var options = ChartOptions()
        options.width = 700
        let document = try chart.render(options)
        #expect(document.text.components(separatedBy: "<svg x=\"350\" y=\"").count == 2, "two columns of 350 pixels")
        #expect(document.text.contains("<svg x=\"0\" y=\"") && document.height == 450)
        chart.panels = PanelGrid(columns: 0)
        #expect(throws: ChartError.option("columns", "must be at least 1")) { try chart.render(options) }
    }

    @Test func theStackAddsUpToTheTotal() throws {
        let markets = Self.markets()
        var options = GoldenChartTests.money()
        options.title = "Revenue by market, stacked"
        let chart = try StackedChart(groups: markets).composed(for: options)
        try GoldenFile.check("groups-stacked", try chart.render(options))
        #expect(chart.layers.count == markets.count + 1)
        let bands = chart.layers.compactMap { $0.content as? BandLayer }
        #expect(bands.map(\.label) == ["DE", "US", "JP"])
        for row in markets[0].values.indices {
            let sum = markets.reduce(0) { $0 + $1.values[row] }
            #expect(abs(bands[2].upper.values[row] - sum) < 1e-9)
            #expect(bands[1].lower.values[row] == bands[0].upper.values[row])
        }
        var late = markets
        late[1].startMinute += 15
        #expect(throws: ChartError.self) { try StackedChart(groups: late).composed(for: options) }
    }
}
