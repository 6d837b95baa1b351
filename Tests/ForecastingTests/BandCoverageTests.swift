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

    /// `minutes` of independent exponential revenue (mean `mean`).
    static func steadySale(seed: UInt64, minutes: Int = 2700) -> Series {
        var generator = SplitMix64(seed: seed)
        let values = (0..<minutes).map { _ in -mean * log(1 - Double(generator.next() >> 11) / Double(1 << 53)) }
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
}
