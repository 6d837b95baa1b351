import SaleData
import Testing
@testable import Forecasting

/// Several levels give one band each, from one set of back-tests, and the bands nest.
@Suite struct LevelsTests {
    static let revenue = SimulatedSales.revenue(seed: 5)

    @Test(arguments: [1500, 2000, 2600, 3300])
    func bandsNestAtEveryMinute(cutoff: Int) throws {
        var options = ForecastOptions(cutoff: cutoff, horizon: 500)
        options.levels = [0.8, 0.5, 0.95]
        let forecast = try Forecaster.forecast(revenue: Self.revenue, options: options)
        #expect(forecast.bands.map(\.level) == [0.5, 0.8, 0.95])
        #expect(forecast.level == 0.8 && forecast.lower == forecast.band(0.8)?.lower && forecast.upper == forecast.band(0.8)?.upper)
        for (inner, outer) in zip(forecast.bands, forecast.bands.dropFirst()) {
            for row in 0..<forecast.rows {
                #expect(outer.lower.values[row] <= inner.lower.values[row] && inner.upper.values[row] <= outer.upper.values[row],
                        "the \(outer.level) band does not contain the \(inner.level) band at row \(row)")
            }
        }
        let coverages = try #require(forecast.metrics?.bands.map(\.coverage)).compactMap { $0 }
        #expect(coverages.count == 3 && coverages == coverages.sorted())
        #expect(forecast.metrics?[.coverage] == forecast.metrics?.bands[1].coverage)
        // the narrowest band is the one a single level gives
        let single = try Forecaster.forecast(revenue: Self.revenue, options: ForecastOptions(cutoff: cutoff, horizon: 500, level: 0.5))
        #expect(single.lower == forecast.bands[0].lower && single.upper == forecast.bands[0].upper)
    }

    @Test func backtestAveragesEveryBand() throws {
        var options = ForecastOptions()
        options.levels = [0.5, 0.95]
        let backtest = try Backtester.backtest(revenue: Self.revenue, options: options)
        #expect(backtest.summary.bands.map(\.level) == [0.5, 0.95])
        let mean95 = backtest.pieces.compactMap { $0.metrics?.bands[1].coverage }.reduce(0, +) / Double(backtest.pieces.count)
        #expect(abs((backtest.summary.bands[1].coverage ?? -1) - mean95) < 1e-12)
        #expect(backtest.summary[.coverage] == backtest.summary.bands[0].coverage)
    }

    @Test func everyLevelIsChecked() {
        var options = ForecastOptions(cutoff: 1500)
        options.levels = [0.5, 1.2]
        #expect(throws: ForecastError.invalidOption(name: "level", message: "must be between 0 and 1 (0.8 for 80%), got 1.2")) {
            try Forecaster.forecast(revenue: Self.revenue, options: options)
        }
        options.levels = []
        #expect(throws: ForecastError.invalidOption(name: "level", message: "must hold at least one level")) {
            try Forecaster.forecast(revenue: Self.revenue, options: options)
        }
    }

    @Test func percentTexts() {
        #expect([0.5, 0.8, 0.95, 0.975, 0.999].map(ForecastBand.percentText) == ["50", "80", "95", "97.5", "99.9"])
    }
}
