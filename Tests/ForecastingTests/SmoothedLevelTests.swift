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

    @Test func aShopShutForTheEveningIsNotForecastToSellThroughTheNight() throws {
        // the real shop's first night (BenchGroups, 2010-11-08): a day of lumpy invoices from 08:00
        // to 17:59, one of them large, then nothing; at midnight the window (07:21-00:00) has not
        // seen 01:00-06:59: those hours sold nothing before either, and 08:00 sells as it did
        let values = (0..<1941).map { row -> Double in
            let minute = row % 1440
            guard (480..<1080).contains(minute) else { return 0 }
            return minute == 960 ? 48_000 : minute % 7 == 0 ? 150 : 0
        }
        let revenue = Series(start: 0, values: values)
        let forecast = try Forecaster.forecast(revenue: revenue, options: ForecastOptions(cutoff: 1440, train: 1000, horizon: 500))
        let night = forecast.mean.values[419] - forecast.observedTotal
        #expect(night == 0, "forecast \(night) from 00:01 to 07:00")
        let gain = forecast.mean.values.last! - forecast.observedTotal, actual = values[1441...].reduce(0, +)
        #expect(abs(gain / actual - 1) < 0.2, "forecast gain \(gain) against \(actual)")
    }

    @Test func allWeightsInOnePassGiveOneWeightAtATimesLevelToTheLastBit() throws {
        var random = RandomSource(seed: 5)
        for count in [1, 2, 59, 60, 61, 1000] {
            let values = (0..<count).map { _ in max(0, 8 + 5 * random.normal()) * (random.normal() > 1 ? 3 : 1) }
            // the definition: each weight's pass on its own, the least squared error winning (the first on ties)
            let initial = values.prefix(60).reduce(0, +) / Double(min(60, count))
            var best: (error: Double, level: Double)?
            for weight in SmoothedLevel.weights {
                var level = initial, error = 0.0
                for value in values {
                    let surprise = value - level
                    error += surprise * surprise
                    level += weight * surprise
                }
                if best.map({ error < $0.error }) ?? true { best = (error, level) }
            }
            let level = try #require(SmoothedLevel.level(values[...], start: 60))
            #expect(level.bitPattern == best?.level.bitPattern, "\(count) values")
        }
    }

    @Test func everyPrefixsLevelFromOnePassIsItsOwnPasssToTheLastBit() throws {
        var random = RandomSource(seed: 7)
        let values = (0..<400).map { _ in max(0, 8 + 5 * random.normal()) * (random.normal() > 1 ? 3 : 1) }
        let levels = SmoothedLevel.levels(values[...], start: 60, from: 59)
        #expect(levels.count == 341)
        let initial = values.prefix(60).reduce(0, +) / 60
        for (offset, level) in levels.enumerated() {
            // the definition, on the prefix alone: each weight's pass, the least squared error winning (the first on ties)
            var best: (error: Double, level: Double)?
            for weight in SmoothedLevel.weights {
                var own = initial, error = 0.0
                for value in values[...(59 + offset)] {
                    let surprise = value - own
                    error += surprise * surprise
                    own += weight * surprise
                }
                if best.map({ error < $0.error }) ?? true { best = (error, own) }
            }
            #expect(level.bitPattern == best?.level.bitPattern, "prefix of \(60 + offset) values")
        }
    }
}
