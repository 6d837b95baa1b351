import Foundation
import Testing
@testable import SVGCharts

/// Charts built from values on the clock draw exactly what the index-based charts draw.
@Suite struct TimedChartTests {
    static let start = Fixtures.saleStart

    static func timed(_ values: [Double], at minute: Int, step: Int = 1) -> TimedSeries {
        TimedSeries(startMinute: minute, stepMinutes: step, values: values)
    }

    static func named(_ name: String, _ values: [Double], at minute: Int, step: Int = 1) -> TimedSeries {
        TimedSeries(name: name, startMinute: minute, stepMinutes: step, values: values)
    }

    @Test func forecastStartsAtItsOwnMinute() throws {
        let f = Fixtures.forecast(cutoff: 150, horizon: 210)
        let timed = try ForecastChart(
            actual: Self.timed(Array(Fixtures.cumulative.prefix(150)), at: Self.start),
            mean: Self.timed(f.mean, at: Self.start + 150), lower: f.lower, upper: f.upper)
        let indexed = ForecastChart(axis: Fixtures.axis, actual: Array(Fixtures.cumulative.prefix(150)), cutoff: 150,
                                    mean: f.mean, lower: f.lower, upper: f.upper)
        #expect(timed.axis == indexed.axis && timed.cutoff == 150)
        #expect(try timed.render().text == indexed.render().text)
    }

    @Test func actualsEndingBeforeTheCutoffLeaveAGap() throws {
        let chart = try ForecastChart(actual: Self.timed([5, 6], at: 110, step: 5), mean: Self.timed([9, 10], at: 130, step: 5))
        #expect(chart.axis == TimeAxis(startMinute: 110, stepMinutes: 5))
        #expect(chart.cutoff == 4)
        #expect(chart.actual.count == 4 && chart.actual[0...1] == [5, 6] && chart.actual[2].isNaN && chart.actual[3].isNaN)
        #expect(throws: Never.self) { try chart.render() }
    }

    @Test func linesShareTheEarliestStart() throws {
        let chart = try LineChart(timed: [Self.named("late", [3, 4], at: 130, step: 10), Self.named("early", [1, 2], at: 110, step: 10)])
        #expect(chart.axis == TimeAxis(startMinute: 110, stepMinutes: 10))
        #expect(chart.series == [PlotLine(name: "late", values: [3, 4], start: 2), PlotLine(name: "early", values: [1, 2], start: 0)])
    }

    @Test func backtestScenariosBarsAndWarningPlaceEverySeries() throws {
        let backtest = try BacktestChart(actual: Self.timed([1, 2, 3, 4], at: 60), pieces: [Self.named("p", [3.5, 4.5], at: 62)])
        #expect(backtest.actual == [1, 2, 3, 4] && backtest.pieces == [PlotLine(name: "p", values: [3.5, 4.5], start: 2)])

        let scenario = try ScenarioChart(actual: Self.timed([1, 2], at: 60), baseline: Self.named("base", [3, 4], at: 62),
                                         scenarios: [Self.named("what if", [3, 5], at: 62)])
        #expect(scenario.actual == [1, 2] && scenario.baseline.start == 2 && scenario.scenarios[0].start == 2)
        let withoutHistory = try ScenarioChart(actual: nil, baseline: Self.named("base", [3, 4], at: 62), scenarios: [])
        #expect(withoutHistory.axis.startMinute == 62 && withoutHistory.actual.isEmpty)

        let bars = try RevenueBarChart(perMinute: Self.timed([1, 2], at: 60, step: 15))
        #expect(bars.axis == TimeAxis(startMinute: 60, stepMinutes: 15) && bars.perMinute == [1, 2])

        let warning = try EarlyWarningChart(
            actual: Self.timed([5, 1, 5, 9], at: 60, step: 2), lower: Self.timed([4, 4, 4, 4], at: 60, step: 2),
            upper: Self.timed([6, 6, 6, 6], at: 60, step: 2), alertMinutes: [62, 67, 59])
        #expect(warning.alerts == [1, 3])
        #expect(warning.expected.isEmpty && warning.lower == [4, 4, 4, 4])
    }

    @Test func misalignedSeriesAreRefused() {
        #expect(throws: ChartError("series 'b' has a 5-minute step but 'a' has 1")) {
            try LineChart(timed: [Self.named("a", [1], at: 0), Self.named("b", [1], at: 0, step: 5)])
        }
        #expect(throws: ChartError("series 'b' starts between the 5-minute steps of the other series")) {
            try LineChart(timed: [Self.named("a", [1], at: 0, step: 5), Self.named("b", [1], at: 7, step: 5)])
        }
        #expect(throws: ChartError("series 'a' step must be a positive number of minutes")) {
            try RevenueBarChart(perMinute: Self.named("a", [1], at: 0, step: 0))
        }
        #expect(throws: ChartError("chart has no series")) { try LineChart(timed: []) }
    }
}
