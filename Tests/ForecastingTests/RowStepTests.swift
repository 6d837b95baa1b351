import SaleData
import Testing
@testable import Forecasting

/// Lengths are minutes whatever the series' step: a horizon of 500 minutes on 5-minute rows is 100
/// rows, `hre60` compares 60 minutes ahead, and a length that is not a whole number of rows is refused.
@Suite struct RowStepTests {
    static let minutes = SimulatedSales.revenue(seed: 4)

    static func rows(_ step: Int) throws -> Series {
        try minutes.resampled(step: step)
    }

    @Test func horizonAndTrainAreMinutesOnFiveMinuteRows() throws {
        let revenue = try Self.rows(5)
        let forecast = try Forecaster.forecast(revenue: revenue, options: ForecastOptions(cutoff: 399, train: 1000, horizon: 500))
        #expect(forecast.rows == 100)
        #expect(forecast.horizon == 500)
        #expect(forecast.mean.step == 5)
        #expect(forecast.metrics?.minutesCompared == 500)
        // hre60 is 12 rows ahead, hre500 100 rows ahead
        let gain = { (row: Int) in forecast.actual.values[row] - forecast.observedTotal }
        let hre = { (row: Int) in abs(forecast.mean.values[row] - forecast.observedTotal - gain(row)) / gain(row) }
        #expect(forecast.metrics?[.hre60] == hre(11))
        #expect(forecast.metrics?[.hre200] == hre(39))
        #expect(forecast.metrics?[.hre500] == hre(99))
    }

    @Test func hreBetweenRowsIsInterpolatedOnFifteenMinuteRows() throws {
        // 200 minutes are 13 1/3 rows of 15: a third of the way from the 13th row (195 minutes) to the 14th (210)
        let forecast = [110.0, 120] + Array(repeating: 130, count: 11) + [160, 190]
        let actual = [105.0, 115] + Array(repeating: 125, count: 11) + [175, 205]
        let f = 130 + (160 - 130) / 3.0, y = 125 + (175 - 125) / 3.0
        let expected = abs((f - 100) - (y - 100)) / (y - 100)
        let hre = try #require(ForecastMetrics.horizonRevenueError(h: 200, forecast: forecast, actual: actual, observedTotal: 100, step: 15))
        #expect(abs(hre - expected) < 1e-12)
        #expect(ForecastMetrics.horizonRevenueError(h: 60, forecast: forecast, actual: actual, observedTotal: 100, step: 15)
                == 5.0 / 25)  // row 4: forecast gained 30, actual 25
        #expect(ForecastMetrics.horizonRevenueError(h: 500, forecast: forecast, actual: actual, observedTotal: 100, step: 15) == nil)
    }

    @Test func fifteenMinuteRowsForecastTheSameMinutesAsOneMinuteRows() throws {
        let revenue = try Self.rows(15)
        let forecast = try Forecaster.forecast(revenue: revenue, options: ForecastOptions(cutoff: 139, train: 1020, horizon: 495))
        #expect(forecast.rows == 33)
        #expect(forecast.horizon == 495)
        #expect(forecast.metrics?[.hre500] == nil)  // 500 minutes lie past the 495 forecast
        #expect(forecast.metrics?[.hre200] != nil)
    }

    @Test(arguments: [("train", 1002), ("horizon", 502)])
    func lengthsThatAreNotWholeRowsAreRefused(name: String, minutes: Int) throws {
        var options = ForecastOptions(cutoff: 399)
        if name == "train" { options.train = minutes } else { options.horizon = minutes }
        #expect(throws: ForecastError.invalidOption(name: name, message: "must be a multiple of the series' step (5 minutes), got \(minutes)")) {
            try Forecaster.forecast(revenue: try Self.rows(5), options: options)
        }
    }

    @Test func trainingThatDoesNotFitIsReportedInMinutes() throws {
        #expect(throws: ForecastError.trainingWindowTooShort(
            needed: 2500, got: 2000, reason: "only 2000 minutes are observed up to the cutoff (row 399)")) {
            try Forecaster.forecast(revenue: try Self.rows(5), options: ForecastOptions(cutoff: 399, train: 2500))
        }
    }

    @Test func backtestCutoffsStepInMinutes() throws {
        let revenue = try Self.rows(15)
        let backtest = try Backtester.backtest(revenue: revenue, train: 600, horizon: 300, step: 300)
        // 600 minutes are 40 rows: cutoffs at rows 39, 59, 79, ... every 20 rows
        #expect(backtest.pieces.prefix(3).map(\.cutoff) == [39, 59, 79])
        #expect(backtest.pieces.allSatisfy { $0.rows == 20 && $0.horizon == 300 })
        #expect(throws: ForecastError.invalidOption(name: "step", message: "must be a multiple of the series' step (15 minutes), got 200")) {
            try Backtester.backtest(revenue: revenue, train: 600, horizon: 300, step: 200)
        }
    }

    @Test func earlyWarningRunsAreMinutesRoundedUpToRows() throws {
        let revenue = try Self.rows(5)
        let forecast = try Forecaster.forecast(revenue: revenue, options: ForecastOptions(cutoff: 399, horizon: 100))
        // revenue stops after the cutoff: below the band from the first row on; 15 minutes are 3 rows, 11 are 3 too
        var stopped = revenue.values
        for row in 400..<stopped.count { stopped[row] = 0 }
        let live = Series(start: revenue.start, step: 5, values: stopped, zone: revenue.zone)
        for k in [15, 11] {
            let warning = try #require(try EarlyWarning.check(revenue: live, forecast: forecast, consecutive: k).first)
            #expect(warning.row == 402)
        }
    }
}
