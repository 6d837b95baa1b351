import Foundation
import Testing
import SaleData
@testable import Forecasting

/// What an analyst expects of a band, checked at many origins of simulated sales and at every
/// level of one forecast (50%, 80%, 95%): the forecast inside it, bounds that move smoothly, a lower
/// bound that keeps rising while the shop sells.
@Suite struct BandPropertyTests {
    static let current = SimulatedSales.revenue(seed: 11, orders: 60_000, campaigns: [.init(minute: 2000, lift: 1.5)])
    static let earlier = SimulatedSales.revenue(seed: 12, orders: 50_000)
    /// A 2-day sale with a strong short campaign at 10:00 and a weak long one at 33:00 (the what-if
    /// tests' sale, seed 7): its 95% upper bound once jumped 32,617 in a minute 295 minutes after
    /// cutoff 1259, where the forecast gained 1,548 a minute.
    static let twoDay = SimulatedSales.revenue(seed: 7, orders: 100_000, minutes: 2880,
                                               campaigns: [.init(minute: 600, lift: 1.5, halfLife: 30), .init(minute: 1980, lift: 0.8, halfLife: 60)])
    static let levels = [0.5, 0.8, 0.95]

    /// Forecasts with bands at `levels`: of 500 minutes from 11 origins spread over days 2 and 3 of
    /// `current`, with and without the earlier sale, and of 300 minutes from 7 origins of `twoDay`.
    static func forecasts() throws -> [Forecast] {
        func forecast(_ revenue: Series, cutoff: Int, train: Int, horizon: Int, history: Series?) throws -> Forecast {
            var options = ForecastOptions(cutoff: cutoff, train: train, horizon: horizon, history: history)
            options.levels = levels
            return try Forecaster.forecast(revenue: revenue, options: options)
        }
        return try [earlier, nil].flatMap { history in
            try stride(from: 1500, through: 3800, by: 230).map { try forecast(current, cutoff: $0, train: 1000, horizon: 500, history: history) }
        } + stride(from: 1259, through: 1859, by: 100).map { try forecast(twoDay, cutoff: $0, train: 600, horizon: 300, history: nil) }
    }

    @Test func theForecastLiesInsideItsBand() throws {
        for forecast in try Self.forecasts() {
            for band in forecast.bands {
                for h in 0..<forecast.horizon {
                    #expect(band.lower.values[h] <= forecast.mean.values[h] + 1e-6 && forecast.mean.values[h] <= band.upper.values[h] + 1e-6,
                            "cutoff \(forecast.cutoff) level \(band.level) minute \(h + 1)")
                }
            }
        }
    }

    @Test func boundsMoveSmoothly() throws {
        // no one-minute step of a bound larger than 4 times the forecast's own per-minute gain
        // (its mean over the horizon where the minute's own gain is smaller)
        for forecast in try Self.forecasts() {
            let mean = forecast.mean.values
            let meanGain = (mean[mean.count - 1] - forecast.observedTotal) / Double(mean.count)
            for band in forecast.bands {
                for bound in [band.lower.values, band.upper.values] {
                    for h in 1..<bound.count {
                        let step = bound[h] - bound[h - 1], gain = max(mean[h] - mean[h - 1], meanGain)
                        #expect(step <= 4 * gain, "cutoff \(forecast.cutoff) level \(band.level) minute \(h + 1): step \(step), gain \(gain)")
                    }
                }
            }
        }
    }

    @Test func theLowerBoundRisesWhileTheShopSells() throws {
        // the shop sold in every hour of these training windows: the lower bound rises every hour
        for forecast in try Self.forecasts() {
            for band in forecast.bands {
                let lower = band.lower.values
                for h in stride(from: 60, to: lower.count, by: 60) {
                    #expect(lower[h] > lower[h - 60], "cutoff \(forecast.cutoff) level \(band.level) minute \(h + 1)")
                }
            }
        }
    }

    @Test func aBandKeepsItsBiasOnlyWhenTheBiasLasted() {
        typealias Residual = IntervalCalibration.Residual
        // all back-tests erred upwards in both halves of the origins: a lasting bias, band lopsided
        let lasting = (0..<8).map { Residual(value: 0.1 + 0.01 * Double($0), weight: 1, origin: $0) }
        #expect(IntervalCalibration.lastingBias([lasting]))
        let curves = IntervalCalibration.QuantileCurves(points: [(10, 0.05, 0.1, 0.3)], lastingBias: true)
        #expect(curves.at(10) == (0, 0.3))
        // upwards in the older half, downwards in the newer: not lasting, the median error is
        // taken as 0, the quantiles keep their distances from it
        let turned = (0..<8).map { Residual(value: $0 < 4 ? 0.2 : -0.2, weight: 1, origin: $0) }
        #expect(!IntervalCalibration.lastingBias([turned]))
        let moved = IntervalCalibration.QuantileCurves(points: [(10, 0.05, 0.1, 0.3)], lastingBias: false)
        let (low, high) = moved.at(10)
        #expect(abs(low + 0.05) < 1e-12 && abs(high - 0.2) < 1e-12)
    }

    @Test func quantilesFollowTheGridFromOneHorizonToTheNext() {
        // between two grid horizons the curves are a + b / sqrt(h) through both
        let two = IntervalCalibration.QuantileCurves(points: [(1, -0.25, 0, 0.32), (100, -0.205, 0, 0.302)], lastingBias: true)
        for h in [1, 4, 25, 64, 100] {
            let x = 1 / Double(h).squareRoot()
            let (low, high) = two.at(h)
            #expect(abs(low - (-0.2 - 0.05 * x)) < 1e-12 && abs(high - (0.3 + 0.02 * x)) < 1e-12, "h \(h)")
        }
        // a tail that grows with the horizon (a burst's chance of falling inside the stretch) stays
        // at the long horizons, the short ones keep their own narrow quantiles (one a + b / sqrt(h)
        // curve fitted to all of them put about 0.2 everywhere)
        let growing: [(h: Int, low: Double, middle: Double, high: Double)] =
            [(1, -0.3, 0, 0.3), (50, -0.04, 0, 0.04), (100, -0.03, 0, 0.03), (200, -0.03, 0, 0.3), (300, -0.03, 0, 0.3), (400, -0.03, 0, 0.3)]
        let following = IntervalCalibration.QuantileCurves(points: growing, lastingBias: false)
        #expect(following.at(50).1 < 0.04 && following.at(300).1 > 0.29 && abs(following.at(400).1 - 0.3) < 1e-12)
        // each grid point is averaged with its neighbours (a quarter each; not the first, whose
        // one-minute errors are of another size): one horizon's bump is halved
        let bump = IntervalCalibration.QuantileCurves(points: [(1, -0.5, 0, 0.5), (10, -0.1, 0, 0.1), (20, -0.1, 0, 0.5), (30, -0.1, 0, 0.1), (40, -0.1, 0, 0.1)], lastingBias: true)
        #expect(abs(bump.at(20).1 - 0.3) < 1e-12 && abs(bump.at(1).1 - 0.5) < 1e-12)
        // the median error is moved onto the forecast along the same curves
        let moved = IntervalCalibration.QuantileCurves(points: [(1, -0.1, 0.05, 0.2), (100, 0.0, 0.1, 0.3)], lastingBias: false)
        let (low, high) = moved.at(100)
        #expect(abs(low + 0.1) < 1e-12 && abs(high - 0.2) < 1e-12)
    }
}
