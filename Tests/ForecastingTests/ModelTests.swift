import Foundation
import Testing
import SaleData
@testable import Forecasting

@Suite struct ModelTests {
    @Test func paperModelTrainsOnWindowsOfTheCumulativeSeriesAndIsSeeded() throws {
        let revenue = SimulatedSales.revenue(seed: 3)
        var options = ForecastOptions(cutoff: 299, train: 200, horizon: 50, model: .paper)
        options.epochs = 4
        let forecast = try Forecaster.forecast(revenue: revenue, options: options)
        #expect(forecast.loss.training.count == 4 && forecast.loss.validation.count == 4)
        #expect((1...4).contains(forecast.loss.bestEpoch))
        #expect(forecast.mean.values.allSatisfy(\.isFinite) && forecast.mean.count == 50)
        #expect(try Forecaster.forecast(revenue: revenue, options: options) == forecast)
        options.seed = 2
        #expect(try Forecaster.forecast(revenue: revenue, options: options).mean != forecast.mean)
    }

    @Test func flashcastFollowsADailyPatternWithoutAnEarlierSale() throws {
        let daily = (0..<(3 * 1440)).map { (row: Int) -> Double in 3 + 2 * sin(2 * Double.pi * Double(row % 1440) / 1440) }
        let revenue = Series(start: 0, values: daily)
        let forecast = try Forecaster.forecast(revenue: revenue, options: ForecastOptions(cutoff: 2879, train: 1440, horizon: 500))
        let metrics = try #require(forecast.metrics)
        let drift = try #require(forecast.baselines.first { $0.model == .drift }?.metrics)
        // last season repeats exactly; only the smoothing of its minutes and the small flat share differ
        #expect(try #require(metrics[.hre500]) < 0.01)
        #expect(try #require(metrics[.hre500]) < #require(drift[.hre500]) / 10)
    }

    @Test func beforeASeasonTheTimeOfDayProfileIsUsed() throws {
        // hours 0-3 earn 1 a minute, hours 4-9 earn 2; hour 10 has not been seen, so it takes the
        // level the window has reached, 2 (not the window's mean, 960 / 600)
        let revenue = Series(start: 0, values: (0..<600).map { $0 < 240 ? 1 : 2 })
        let forecast = try Forecaster.forecast(revenue: revenue, options: ForecastOptions(cutoff: 599, train: 600, horizon: 3))
        #expect(forecast.rate.values.allSatisfy { abs($0 - 2) < 1e-9 })
        // rows 0-299 are hours 0-4: hour 5 unseen; 60 minutes of 2 after 240 of 1 have moved the level to 2
        let later = try Forecaster.forecast(revenue: revenue, options: ForecastOptions(cutoff: 299, train: 300, horizon: 2))
        #expect(later.rate.values.allSatisfy { abs($0 - 2) < 1e-9 })
    }

    @Test func flashcastWithAnEarlierSaleBeatsDriftOnASimulatedSale() throws {
        let current = SimulatedSales.revenue(seed: 2, campaigns: [SaleSimulation.Campaign(minute: 1980, lift: 2)])
        let previous = SimulatedSales.revenue(seed: 1, orders: 15_000)
        let forecast = try Forecaster.forecast(revenue: current, options: ForecastOptions(cutoff: 2659, history: previous))
        let metrics = try #require(forecast.metrics)
        let drift = try #require(forecast.baselines.first { $0.model == .drift }?.metrics)
        #expect(try #require(metrics[.hre500]) < 0.1)
        #expect(try #require(metrics[.hre500]) < #require(drift[.hre500]))
        #expect(forecast.lower.values.indices.allSatisfy {
            forecast.lower.values[$0] <= forecast.mean.values[$0] && forecast.mean.values[$0] <= forecast.upper.values[$0]
        })
    }

    @Test func flashcastCountsItsHoursInMinutesWhateverTheRowsStep() throws {
        // three days of 5-minute rows (288 a day) with a daily cycle: last season repeats, so the
        // forecast of the next 100 rows (500 minutes) matches; blocks are hours of 12 rows
        let daily = (0..<(3 * 288)).map { (row: Int) -> Double in 15 + 10 * sin(2 * Double.pi * Double(row % 288) / 288) }
        let revenue = Series(start: 0, step: 5, values: daily)
        let options = ForecastOptions(cutoff: 2 * 288 + 119, train: 1000, horizon: 500)
        let forecast = try Forecaster.forecast(revenue: revenue, options: options)
        let truth = daily[(2 * 288 + 120)..<(2 * 288 + 220)].reduce(0, +)
        #expect(abs(forecast.rate.values.reduce(0, +) - truth) < 0.01 * truth)
        let model = FlashcastModel(input: try Forecaster.prepare(revenue: revenue, options: options))
        #expect(model.blockRows == 12 && model.smoothingRadius == 3 && model.seasonRadius == 36 && model.minimumRows == 48)
    }
}
