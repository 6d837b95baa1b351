@testable import FlashLua
import Forecasting
import Foundation
import LuaBridge
import SaleData
import SaleReports
import SVGCharts
import Testing
import TestSupport

/// Forecasts, back-tests, their loss histories and warnings are drawn directly by the `chart` functions.
@Suite struct ForecastChartTests {
    typealias Data = ForecastLibraryTests

    static func timed(_ name: String, _ series: Series) -> TimedSeries {
        TimedSeries(name: name, startMinute: series.start, stepMinutes: series.step, values: series.values)
    }

    static func options(_ title: String) -> ChartOptions {
        var options = ChartOptions()
        options.title = title
        options.timeZone = ShopZone(offsetSeconds: 8 * 3600)
        return options
    }

    @Test func aForecastDrawsAsTheSwiftChartOfItsTrainingWindowAndHorizon() throws {
        let lua = try Data.run("""
            local fc = forecast.run(revenue, {cutoff = 1500, train = 1000, horizon = 300})
            return chart.forecast(fc, {title = "Sale"}):svg()
            """)
        let forecast = try Forecaster.forecast(revenue: Data.revenue, options: ForecastOptions(cutoff: 1499, horizon: 300))
        let actual = Data.revenue.cumsum().slice(500..<1800)
        let swift = try ForecastChart(actual: Self.timed("actual", actual), mean: Self.timed("forecast", forecast.mean),
                                      lower: forecast.lower.values, upper: forecast.upper.values,
                                      intervalLabel: "80% interval").render(Self.options("Sale"))
        #expect(lua == [swift.text])
        #expect(swift.text.contains("80% interval"))
    }

    @Test func objectsDrawTheRecipesTheCommandsSVGUse() throws {
        let lua = try Data.run("""
            local fc = forecast.run(revenue, {cutoff = 1500, train = 1000, horizon = 300, level = {0.8, 0.5}})
            local bt = forecast.backtest(revenue, {train = 500, horizon = 200, step = 400})
            return chart.forecast(fc, {title = "Sale"}):svg(), chart.backtest(bt, {title = "Rolling"}):svg()
            """)
        var options = ForecastOptions(cutoff: 1499, horizon: 300)
        options.levels = [0.8, 0.5]
        let forecast = try Forecaster.forecast(revenue: Data.revenue, options: options)
        let backtest = try Backtester.backtest(revenue: Data.revenue, train: 500, horizon: 200, step: 400)
        #expect(lua == [try ChartDrawing.forecast(forecast, revenue: Data.revenue, train: 1000).render(title: "Sale").text,
                        try ChartDrawing.backtest(backtest, revenue: Data.revenue).render(title: "Rolling").text])
    }

    @Test func aForecastDrawsItsRateAsTheCommandDoes() throws {
        let lua = try Data.run("""
            local fc = forecast.run(revenue, {cutoff = 1500, train = 1000, horizon = 300})
            local c = chart.rate(fc, {title = "Rate", step = 30})
            return tostring(c), c:svg(), chart.rate(fc, {title = "Rate"}):svg()
            """)
        let forecast = try Forecaster.forecast(revenue: Data.revenue, options: ForecastOptions(cutoff: 1499, horizon: 300))
        let draw = { (step: Int) in try ChartDrawing.rate(forecast, revenue: Data.revenue, train: 1000, step: step).render(title: "Rate").text }
        #expect(lua == ["Chart(rate, 800x450)", try draw(30), try draw(15)])
        #expect(lua[1].contains("revenue per 30 minutes") && lua[1].contains("normal range (80% of steps)"))
    }

    @Test func aRateChartFromAPlainTable() throws {
        let lua = try Data.run("""
            return chart.rate({actual = {10, 12, 11}, forecast = {12, 13}, lower = {10, 10}, upper = {14, 16},
                               now = '2024-05-20T13:30', events = {{at = '2024-05-20T13:15', label = 'mail'}}},
                              {start = '2024-05-20T13:00', step = 15}):svg()
            """)
        let start = 28_603_500
        let swift = RateChart(actual: TimedSeries(name: "actual", startMinute: start, stepMinutes: 15, values: [10, 12, 11]),
                              forecast: TimedSeries(name: "forecast", startMinute: start + 45, stepMinutes: 15, values: [12, 13]),
                              lower: [10, 10], upper: [14, 16], now: start + 30, events: [ChartEvent(minute: start + 15, label: "mail")])
        var options = ChartOptions()
        options.timeLabels = .clock
        #expect(lua == [try swift.render(options).text])
    }

    @Test func severalLevelsDrawNestedBands() throws {
        let lua = try Data.run("""
            local fc = forecast.run(revenue, {cutoff = 1500, train = 1000, horizon = 300, level = {0.8, 0.5, 0.95}})
            return chart.forecast(fc, {title = "Sale"}):svg()
            """)
        let svg = try #require(lua.first)
        for label in ["50% interval", "80% interval", "95% interval"] { #expect(svg.contains(label)) }
        #expect(svg.components(separatedBy: "fill-opacity").count - 1 >= 3)
        // the bands under the lines
        let first95 = try #require(svg.range(of: "<path")).lowerBound
        #expect(first95 < (svg.range(of: "stroke-dasharray")?.lowerBound ?? svg.endIndex))
    }

    @Test func aBacktestDrawsEveryPieceOverTheWholeSale() throws {
        let lua = try Data.run("""
            local bt = forecast.backtest(revenue, {train = 500, horizon = 200, step = 400})
            return chart.backtest(bt, {title = "Rolling"}):svg()
            """)
        let backtest = try Backtester.backtest(revenue: Data.revenue, train: 500, horizon: 200, step: 400)
        let swift = try BacktestChart(actual: Self.timed("actual", Data.revenue.cumsum()),
                                      pieces: backtest.pieces.map { Self.timed("piece", $0.mean) }).render(Self.options("Rolling"))
        #expect(lua == [swift.text])
    }

    @Test func lossHistoriesAndWarningsDrawFromTheirTables() throws {
        let lua = try Data.run("""
            local fc = forecast.run(revenue, {cutoff = 1500, horizon = 100, model = "paper", epochs = 4})
            local live = {}
            for i = 1, 1600 do live[i] = i <= 1500 and revenue[i] or revenue[i] / 2 end
            local v = forecast.warning(live, forecast.run(revenue, {cutoff = 1500, horizon = 100}), {k = 3})
            return chart.loss(fc.history):svg(), tostring(chart.warning(v)), #v.alerts
            """)
        var options = ForecastOptions(cutoff: 1499, horizon: 100, model: .paper)
        options.epochs = 4
        let forecast = try Forecaster.forecast(revenue: Data.revenue, options: options)
        let loss = try LossChart(train: forecast.loss.training, validation: forecast.loss.validation).render()
        #expect(lua.first == loss.text)
        #expect(lua.dropFirst().first == "Chart(early-warning, 800x450)")
        #expect(Int(lua.last ?? "") ?? 0 > 0)
    }
}
