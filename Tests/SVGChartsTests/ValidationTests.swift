import Foundation
import Testing
@testable import SVGCharts

/// Errors the caller can cause read like Lua's and name the option or data at fault.
@Suite struct ValidationTests {
    static let axis = TimeAxis(startMinute: Fixtures.saleStart)
    static let line = LineChart(axis: axis, series: [PlotLine(name: "a", values: [1, 2, 3])])

    static func options(_ change: (inout ChartOptions) -> Void) -> ChartOptions {
        var options = ChartOptions()
        change(&options)
        return options
    }

    @Test(arguments: [
        (options { $0.width = -1 }, "option 'width' must be a positive number"),
        (options { $0.width = .nan }, "option 'width' must be a positive number"),
        (options { $0.width = 100 }, "option 'width' must be at least 320"),
        (options { $0.height = 0 }, "option 'height' must be a positive number"),
        (options { $0.height = 50_000 }, "option 'height' must be at most 20000"),
        (options { $0.fontSize = 100 }, "option 'fontsize' must be at most 48"),
    ])
    func badOptions(options: ChartOptions, message: String) {
        #expect(throws: ChartError(message)) { try Self.line.render(options) }
    }

    @Test func badData() {
        #expect(throws: ChartError("line chart needs at least one series")) {
            try LineChart(axis: Self.axis, series: []).render()
        }
        #expect(throws: ChartError("series 'b' has no values")) {
            try LineChart(axis: Self.axis, series: [PlotLine(name: "b", values: [])]).render()
        }
        #expect(throws: ChartError("series 'c' has no finite values")) {
            try LineChart(axis: Self.axis, series: [PlotLine(name: "c", values: [.nan])]).render()
        }
        #expect(throws: ChartError("time axis step must be a positive number of minutes")) {
            try LineChart(axis: TimeAxis(startMinute: 0, stepMinutes: 0), series: [PlotLine(name: "a", values: [1])]).render()
        }
        #expect(throws: ChartError("forecast 'lower' and 'upper' have 1 values but 'mean' has 2")) {
            try ForecastChart(axis: Self.axis, actual: [1], cutoff: 1, mean: [2, 3], lower: [1], upper: [4]).render()
        }
        #expect(throws: ChartError("forecast cutoff 5 is outside the 1 actual values")) {
            try ForecastChart(axis: Self.axis, actual: [1], cutoff: 5, mean: [2]).render()
        }
        #expect(throws: ChartError("option 'log' needs positive loss values")) {
            try LossChart(train: [1, 0.5, 0]).render(Self.options { $0.logScale = true })
        }
        #expect(throws: ChartError("back-test has no forecast pieces")) {
            try BacktestChart(axis: Self.axis, actual: [1, 2], pieces: []).render()
        }
        #expect(throws: ChartError("early warning alert index 9 is outside the data")) {
            try EarlyWarningChart(axis: Self.axis, actual: [1, 2], lower: [0, 1], upper: [2, 3], alerts: [9]).render()
        }
    }

    @Test func namedOptionValuesRoundTrip() {
        #expect(Theme.named("dark") == .dark)
        #expect(Theme.named("neon") == nil)
        #expect(TimeLabels(rawValue: "elapsed") == .elapsed)
        #expect(LegendPosition(rawValue: "right") == .right)
        #expect(Reduction(rawValue: "lttb") == .lttb)
    }
}
