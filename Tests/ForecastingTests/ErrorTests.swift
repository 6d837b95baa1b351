import Foundation
import Testing
import SaleData
@testable import Forecasting

@Suite struct ErrorTests {
    static let sale = Series(start: 0, values: Array(repeating: 2, count: 100))

    static func message(_ revenue: Series, _ options: ForecastOptions) -> String? {
        do {
            _ = try Forecaster.forecast(revenue: revenue, options: options)
            return nil
        } catch { return error.description }
    }

    @Test(arguments: [
        (ForecastOptions(cutoff: 100, train: 10, horizon: 5, model: .drift),
         "cutoff 100 is outside the series (rows 0 to 99, 0-based)"),
        (ForecastOptions(cutoff: -1, train: 10, horizon: 5, model: .drift),
         "cutoff -1 is outside the series (rows 0 to 99, 0-based)"),
        (ForecastOptions(cutoff: 49, train: 60, horizon: 5, model: .drift),
         "the training window is too short: only 50 minutes are observed up to the cutoff (row 49) (needs 60 minutes, got 50)"),
        (ForecastOptions(cutoff: 99, train: 30, horizon: 5, model: .paper),
         "the training window is too short: model 'paper' cannot learn from fewer minutes (needs 70 minutes, got 30)"),
        (ForecastOptions(cutoff: 99, train: 10, horizon: 0, model: .drift), "'horizon' must be positive, got 0"),
        (ForecastOptions(cutoff: 99, train: 10, horizon: 5, model: .drift, level: 80),
         "'level' must be between 0 and 1 (0.8 for 80%), got 80.0"),
        (ForecastOptions(cutoff: 99, train: 10, horizon: 5, model: .profile),
         "model 'profile' needs an earlier sale: pass the earlier sale's per-minute revenue as 'history'"),
        (ForecastOptions(cutoff: 99, train: 10, horizon: 5, model: .profile, history: Series(start: 0, values: [1, 2])),
         "model 'profile' needs an earlier sale: the earlier sale has 2 minutes and does not reach the cutoff (row 99)"),
    ])
    func misuseIsExplained(options: ForecastOptions, expected: String) {
        #expect(Self.message(Self.sale, options) == expected)
    }

    @Test func badSeriesAreExplained() {
        let options = ForecastOptions(cutoff: 0, train: 1, horizon: 5, model: .drift)
        #expect(Self.message(Series(start: 0, values: []), options) == "the revenue series is empty")
        #expect(Self.message(Series(start: 0, values: [1, .nan, 3]), options)
            == "the revenue at minute 1970-01-01T00:01 (row 1) is not a finite number")
        var withHistory = options
        withHistory.history = Series(start: 0, values: [.infinity])
        #expect(Self.message(Series(start: 0, values: [1]), withHistory)
            == "the earlier sale's revenue at minute 1970-01-01T00:00 (row 0) is not a finite number")
    }

    @Test func everyModelSurvivesAClosedShop() throws {
        let closed = Series(start: 0, values: Array(repeating: 0, count: 300))
        for model in [ForecastModel.flashcast, .drift, .seasonalNaive] {
            let forecast = try Forecaster.forecast(revenue: closed, options: ForecastOptions(cutoff: 199, train: 200, horizon: 100, model: model))
            #expect(forecast.mean.values.allSatisfy { $0 == 0 })
            #expect(forecast.metrics?[.hre60] == nil && forecast.metrics?[.mape] == nil)
        }
    }
}
