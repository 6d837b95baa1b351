import Foundation
import Testing
import SaleData
@testable import Forecasting

/// Before a season is seen and without an earlier sale, the default model forecasts the hours it
/// has not seen from the level the sale has reached, not from the mean of the hours behind it.
@Suite struct SmoothedLevelTests {
    @Test func theLevelFollowsAStepAndIgnoresNoise() throws {
        var random = RandomSource(seed: 3)
        let values = (0..<500).map { ($0 < 300 ? 10.0 : 20.0) + 3 * random.normal() }
        let level = try #require(SmoothedLevel.level(values[...], start: 60))
        #expect(abs(level - 20) < 2, "level \(level)")
        #expect(SmoothedLevel.level([], start: 60) == nil)
    }

    @Test func aFadingOpeningIsForecastFromWhereItHasGot() throws {
        // 500 minutes of a surge fading from 30 to 10 a minute, then 10 a minute: the window's mean
        // (about 18) would over-forecast the next 200 minutes by 80%
        let values = (0..<700).map { row in row < 500 ? 30 - 20 * Double(row) / 499 : 10 }
        let revenue = Series(start: 0, values: values)
        let forecast = try Forecaster.forecast(revenue: revenue, options: ForecastOptions(cutoff: 499, train: 500, horizon: 200))
        let gain = forecast.mean.values.last! - forecast.observedTotal
        #expect(abs(gain / 2000 - 1) < 0.1, "forecast gain \(gain) against 2000")
    }
}
