import Testing
import SaleData
@testable import Forecasting

@Suite struct BaselineTests {
    static func series(_ values: [Double]) -> Series { Series(start: 0, values: values) }

    static func options(_ model: ForecastModel, cutoff: Int, train: Int, horizon: Int) -> ForecastOptions {
        ForecastOptions(cutoff: cutoff, train: train, horizon: horizon, model: model)
    }

    @Test func driftContinuesTheTrainingWindowsMeanRate() throws {
        let forecast = try Forecaster.forecast(
            revenue: Self.series([1, 2, 3, 4, 5, 6]), options: Self.options(.drift, cutoff: 3, train: 4, horizon: 2))
        #expect(forecast.observedTotal == 10)
        #expect(forecast.rate.values == [2.5, 2.5])
        #expect(forecast.mean.values == [12.5, 15])
        #expect(forecast.mean.start == 4)
        #expect(forecast.actual.values == [15, 21])
        let metrics = try #require(forecast.metrics)
        // (|12.5 - 15| / 15 + |15 - 21| / 21) / 2
        #expect(abs((metrics[.mape] ?? 0) - (2.5 / 15 + 6.0 / 21) / 2) < 1e-12)
        #expect(metrics[.mase] == 1)
        #expect(metrics[.hre60] == nil && metrics.minutesCompared == 2)
    }

    @Test func seasonalNaiveRepeatsTheLastSeason() throws {
        var options = Self.options(.seasonalNaive, cutoff: 4, train: 5, horizon: 4)
        options.season = 3
        let forecast = try Forecaster.forecast(revenue: Self.series([1, 2, 3, 4, 5]), options: options)
        // rows 5, 6, 7 copy rows 2, 3, 4; row 8 would copy row 5, still unknown, so copies row 2
        #expect(forecast.rate.values == [3, 4, 5, 3])
        #expect(forecast.actual.values.isEmpty && forecast.metrics == nil)
    }

    @Test func profileScalesTheEarlierSaleOverTheTrainingWindow() throws {
        var options = Self.options(.profile, cutoff: 3, train: 2, horizon: 2)
        options.history = Self.series([2, 2, 2, 2, 4, 6])
        let forecast = try Forecaster.forecast(revenue: Self.series([1, 1, 1, 1]), options: options)
        // this sale earned 2 over rows 2-3, the earlier one 4: half of rows 4 and 5
        #expect(forecast.rate.values == [2, 3])
    }

    @Test func knownEventsMultiplyTheRate() throws {
        var options = Self.options(.drift, cutoff: 3, train: 4, horizon: 3)
        options.knownEvents = [2, 0.5]
        let forecast = try Forecaster.forecast(revenue: Self.series([1, 2, 3, 4]), options: options)
        #expect(forecast.rate.values == [5, 1.25, 2.5])
    }

    @Test func baselinesAreReportedBesideTheModel() throws {
        var options = Self.options(.flashcast, cutoff: 99, train: 100, horizon: 10)
        options.history = Self.series(Array(repeating: 1, count: 200))
        let forecast = try Forecaster.forecast(revenue: Self.series(Array(repeating: 3, count: 120)), options: options)
        #expect(forecast.baselines.map(\.model) == [.drift, .seasonalNaive, .profile])
        #expect(forecast.baselines.allSatisfy { $0.metrics?[.mape] == 0 })
        options.history = nil
        let without = try Forecaster.forecast(revenue: Self.series(Array(repeating: 3, count: 120)), options: options)
        #expect(without.baselines.map(\.model) == [.drift, .seasonalNaive])
    }
}
