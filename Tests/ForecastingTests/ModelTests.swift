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

    @Test func flashcastRepeatsADailyPatternWithoutAnEarlierSale() throws {
        let hourly = (0..<24).map { Double(1 + $0 % 5) }
        let revenue = Series(start: 0, values: (0..<(3 * 1440)).map { hourly[($0 / 60) % 24] })
        let forecast = try Forecaster.forecast(revenue: revenue, options: ForecastOptions(cutoff: 2879, train: 1440, horizon: 500))
        #expect(forecast.rate.values == (2880..<3380).map { hourly[($0 / 60) % 24] })
        #expect(forecast.metrics?.mape == 0)
    }

    @Test func flashcastWithAnEarlierSaleBeatsDriftOnASimulatedSale() throws {
        let current = SimulatedSales.revenue(seed: 2, campaigns: [SaleSimulation.Campaign(minute: 1980, lift: 2)])
        let previous = SimulatedSales.revenue(seed: 1, orders: 15_000)
        let forecast = try Forecaster.forecast(revenue: current, options: ForecastOptions(cutoff: 2659, history: previous))
        let metrics = try #require(forecast.metrics)
        let drift = try #require(forecast.baselines.first { $0.model == .drift }?.metrics)
        #expect(try #require(metrics.hre500) < 0.1)
        #expect(try #require(metrics.hre500) < #require(drift.hre500))
        #expect(forecast.lower.values.indices.allSatisfy {
            forecast.lower.values[$0] <= forecast.mean.values[$0] && forecast.mean.values[$0] <= forecast.upper.values[$0]
        })
    }
}
