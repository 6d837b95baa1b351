import Foundation
import NeuralNet
import Testing
import SaleData
@testable import Forecasting

/// Bands against a process whose spread is known without them: per-minute revenue drawn
/// independently from an exponential distribution of mean `mean`, forecast by naive drift, whose
/// 500-minute mean rate then errs only by the sampling noise (the reference below).
@Suite struct BandCoverageTests {
    static let mean = 50.0

    /// `minutes` of independent exponential revenue (mean `mean`), the last `noisier` minutes
    /// spread `factor` times as wide around the same mean.
    static func steadySale(seed: UInt64, minutes: Int = 2700, noisier: Int = 0, factor: Double = 1) -> Series {
        var generator = SplitMix64(seed: seed)
        let values = (0..<minutes).map { minute -> Double in
            let draw = -mean * log(1 - Double(generator.next() >> 11) / Double(1 << 53))
            return minute >= minutes - noisier ? max(mean + factor * (draw - mean), 0) : draw
        }
        return Series(start: 0, values: values)
    }

    static func drift(cutoff: Int, levels: [Double] = [0.5, 0.8]) -> ForecastOptions {
        var options = ForecastOptions(cutoff: cutoff, train: 500, horizon: 200, model: .drift)
        options.levels = levels
        return options
    }

    /// The 80% interval's half-width of the revenue gained over `h` minutes: the sum of h
    /// exponentials (sd mean * sqrt(h)) less the drift forecast from 500 minutes (sd mean * h /
    /// sqrt(500)), by the normal approximation.
    static func referenceHalfWidth(h: Double) -> Double {
        IntervalCalibration.normalQuantile(0.9) * mean * (h + h * h / 500).squareRoot()
    }

    @Test func theBandIsAsWideAsTheProcessSpreads() throws {
        // the 80% band's width at the horizon's end, over 10 sales, is that of the reference
        // interval within a factor of 1.5 either way
        let widths = try (0..<10).map { seed -> Double in
            let sale = Self.steadySale(seed: 100 + UInt64(seed))
            let forecast = try Forecaster.forecast(revenue: sale, options: Self.drift(cutoff: 2499))
            let band = try #require(forecast.band(0.8))
            return band.upper.values.last! - band.lower.values.last!
        }
        let ratio = widths.reduce(0, +) / Double(widths.count) / (2 * Self.referenceHalfWidth(h: 200))
        #expect(ratio > 1 / 1.5 && ratio < 1.5, "width / reference \(ratio)")
    }

    @Test func bandsHoldAboutTheirLevelOfEndValues() throws {
        // 40 sales, one forecast each: the 80% band holds 65-95% of the end values, the 50% band
        // 30-70% (binomial spread of 40 cases around the level, plus a little)
        var inside = [0.5: 0, 0.8: 0]
        for seed in 0..<40 {
            let sale = Self.steadySale(seed: 200 + UInt64(seed))
            let forecast = try Forecaster.forecast(revenue: sale, options: Self.drift(cutoff: 2499))
            let end = try #require(forecast.actual.values.last)
            for level in inside.keys {
                let band = try #require(forecast.band(level))
                if band.lower.values.last! <= end && end <= band.upper.values.last! { inside[level]! += 1 }
            }
        }
        #expect((26...38).contains(inside[0.8]!), "80% band held \(inside[0.8]!) of 40")
        #expect((12...28).contains(inside[0.5]!), "50% band held \(inside[0.5]!) of 40")
    }

    @Test func aSaleGrownNoisierInItsLastHoursGetsAWiderBand() throws {
        // the same sale, its last 6 hours' minutes spread 4 times as wide: the band widens
        for seed in UInt64(300)..<UInt64(305) {
            let calm = try Forecaster.forecast(revenue: Self.steadySale(seed: seed), options: Self.drift(cutoff: 2499))
            let stormy = try Forecaster.forecast(revenue: Self.steadySale(seed: seed, noisier: 200 + 360, factor: 4),
                                                 options: Self.drift(cutoff: 2499))
            let width = { (forecast: Forecast) in forecast.upper.values.last! - forecast.lower.values.last! }
            #expect(width(stormy) > 1.5 * width(calm), "seed \(seed): \(width(stormy)) against \(width(calm))")
        }
    }

    typealias Residual = IntervalCalibration.Residual

    /// Hour-ahead residuals (`residuals[59]`) of `older` origins 100, 200, ... and of `recent`
    /// origins in the six hours before cutoff 2000, each alternating in sign.
    static func hourResiduals(older: Double, recent: Double, recentCount: Int = 5) -> [[Residual]] {
        var hour = (0..<10).map { Residual(value: $0 % 2 == 0 ? older : -older, weight: 1, origin: 100 * ($0 + 1)) }
        hour += (0..<recentCount).map { Residual(value: $0 % 2 == 0 ? recent : -recent, weight: 1, origin: 1700 + 40 * $0) }
        return Array(repeating: [], count: 59) + [hour]
    }

    @Test func theRegimeFactorIsHowMuchTheLastHoursErrorsGrew() {
        #expect(abs(IntervalCalibration.regimeFactor(Self.hourResiduals(older: 0.1, recent: 0.3), cutoff: 2000, step: 1) - 3) < 1e-9)
        // calmer recent hours never narrow the band
        #expect(IntervalCalibration.regimeFactor(Self.hourResiduals(older: 0.3, recent: 0.1), cutoff: 2000, step: 1) == 1)
        // too few recent back-tests to tell
        #expect(IntervalCalibration.regimeFactor(Self.hourResiduals(older: 0.1, recent: 0.3, recentCount: 2), cutoff: 2000, step: 1) == 1)
        // on 5-minute rows the hour is row 12 and six hours 72 rows: nothing at row 60 counts
        #expect(IntervalCalibration.regimeFactor(Self.hourResiduals(older: 0.1, recent: 0.3), cutoff: 2000, step: 5) == 1)
    }

    @Test func backTestsWeighByTheLastSeasonTheyRead() {
        // a day's season, a 1000-row window: the cutoff 2439 reads last season over its whole window
        #expect(IntervalCalibration.seasonCover(2439, season: 1440, train: 1000) == 1)
        #expect(IntervalCalibration.seasonCover(1939, season: 1440, train: 1000) == 0.5)
        #expect(IntervalCalibration.seasonCover(1000, season: 1440, train: 1000) == 0)
        #expect(IntervalCalibration.alikeData(1939, 2439, season: 1440, train: 1000) == 0.5)
        #expect(IntervalCalibration.alikeData(2600, 2439, season: 1440, train: 1000) == 1)
        // the first day's back-tests weigh as little as another method's
        #expect(IntervalCalibration.alikeData(800, 2439, season: 1440, train: 1000) == IntervalCalibration.otherMethodWeight)
    }
}
