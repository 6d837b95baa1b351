#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Split-conformal prediction intervals from back-tests inside the observed data.
///
/// The fitted model forecasts again from earlier origins `o` (reading only rows up to `o`); each
/// log ratio of the revenue gained after `o + h` to that forecast gain (both plus a small share of
/// the drift gain, so that a night's near-zero forecast does not blow it up) is a residual,
/// weighted by how recent its origin is. The residuals' weighted quantiles at each horizon are
/// widened for how few independent stretches of `h` minutes the sale has shown, joined by curves
/// `a + b / sqrt(h)` from one grid horizon to the next (bounds then move as smoothly as the
/// forecast, and tails that grow with the horizon stay where they grow), and applied to the forecast gain: a
/// multiplicative band, whose lower bound rises with the forecast unless the back-tests saw
/// stretches that earned nothing.
struct IntervalCalibration {
    /// Most back-test origins used (each costs one forecast over the horizon).
    static let maximumOrigins = 60
    /// The band when no back-test could be made (no origin has the model's `minimumRows` before
    /// it: the first 4 hours of a sale for the default model, the first `window` minutes for the
    /// paper's): half the drift gain either side at every level, saying how little is known rather
    /// than claiming certainty.
    static let uncalibrated = 0.5
    /// Horizons at which quantiles are computed before smoothing.
    static let gridPoints = 24
    /// Share of the drift gain added to both gains of a residual (a night's near-zero forecast
    /// gain would otherwise blow its ratios up).
    static let driftShareFloor = 0.02
    /// Minutes after which an origin's residuals weigh half as much (the sale changes as it goes).
    static let halfLife = 2880.0
    /// How much a back-test from an origin the model forecasts another way (other shapes: the
    /// first day without last season) counts beside one forecast the cutoff's way: a tenth, enough
    /// to stand in where no back-test of the cutoff's way reached, too little to set the band where
    /// they did (another forecaster's errors say little about this one's).
    static let otherMethodWeight = 0.1
    /// Least share of the cutoff's reference rows (`FittedModel.information`) a back-test's
    /// forecast must have stood on to count in full; one that stood on fewer is not exchangeable
    /// with the cutoff's forecast and counts as one made another way (`otherMethodWeight`).
    /// Without an earlier sale, a forecast made early on a sale's second day reads its level from
    /// a few hours of last season (the night, the opening surge): over 500 minutes those made on
    /// 240-600 rows erred by 30-47% (median, seeds 60-64), those on 720 rows or more by 1.4-2.8%.
    static let informedShare = 0.5

    let input: ForecastInput
    let model: FittedModel

    /// Lower and upper cumulative bounds around `mean` (cumulative, row 0 is cutoff+1) for each of
    /// `levels` (rising), in the same order, from one set of back-tests: nested, and never narrowing.
    func bands(mean: [Double], levels: [Double]) -> [(lower: [Double], upper: [Double])] {
        bands(mean: mean, levels: levels, residuals: backTestResiduals(horizon: mean.count, against: [input.revenue])[0])
    }

    /// The bands of `levels` from the back-tests' `residuals` (`residuals[h - 1]`: those at horizon
    /// `h`), with the room `sale` shows for what back-tests cannot show (`UnseenRisk`; read from
    /// the sale when not given).
    func bands(mean: [Double], levels: [Double], residuals: [[Residual]], unseen sale: UnseenRisk.Sale? = nil) -> [(lower: [Double], upper: [Double])] {
        let reach = Self.reach(residuals)
        let lastingBias = Self.lastingBias(residuals.prefix(reach))
        let points = zip(levels, Self.gridQuantiles(residuals, reach: reach, levels: levels)).map { level, points in
            widened(points, z: Self.normalQuantile(1 - (1 - level) / 2), lastingBias: lastingBias)
        }
        let sale = sale ?? UnseenRisk.Sale(input, cleaned: burstFreeRevenue(), horizon: mean.count)  // once for every level
        return Self.nestedAndWidening(zip(levels, points).map { level, points in
            bands(mean: mean, curves: points.isEmpty ? nil : QuantileCurves(points: points, lastingBias: lastingBias),
                  reach: reach, level: level, unseen: sale)
        })
    }

    /// Bands in rising level order made to nest (each lower bound at most, each upper bound at
    /// least, the narrower level's: their quantiles nest already, except where one side was
    /// widened to hold the forecast) and never to narrow over a minute (where the lower bound
    /// gains more than the upper one, the upper gains as much).
    static func nestedAndWidening(_ bands: [(lower: [Double], upper: [Double])]) -> [(lower: [Double], upper: [Double])] {
        var result = bands
        for index in result.indices {
            if index > 0 {
                let inner = result[index - 1]
                result[index].lower = zip(result[index].lower, inner.lower).map { min($0, $1) }
                result[index].upper = zip(result[index].upper, inner.upper).map { max($0, $1) }
            }
            let lower = result[index].lower
            for h in lower.indices.dropFirst() {
                result[index].upper[h] = max(result[index].upper[h], result[index].upper[h - 1] + lower[h] - lower[h - 1])
            }
        }
        return result
    }

    /// The band of `level` from its quantile curves (nil when no back-test reached any horizon).
    private func bands(mean: [Double], curves: QuantileCurves?, reach: Int, level: Double, unseen sale: UnseenRisk.Sale) -> (lower: [Double], upper: [Double]) {
        let horizon = mean.count
        let cutoff = input.cutoff
        let total = input.revenue.reduce(0, +)
        let drift = input.driftRate(at: cutoff) > 0 ? input.driftRate(at: cutoff) : total / Double(cutoff + 1)
        guard let curves else {
            return Self.uncalibratedBands(mean: mean, total: total, drift: drift)
        }
        var lower: [Double] = [], upper: [Double] = []
        var lowSoFar = total, highSoFar = total
        let alwaysSold = soldEveryHour()
        let unseen = UnseenRisk(sale, mean: mean, level: level)
        for h in 1...horizon {
            let calibrated = min(h, reach)
            let (low, high) = unseen.widened(curves.at(calibrated), h: h)
            let floor = Self.floor(drift: drift, h: h), gain = max(mean[h - 1] - total, 0)
            let minuteGain = max(mean[h - 1] - (h > 1 ? mean[h - 2] : total), 0)
            // Past the farthest horizon a back-test reached, the band turns smoothly into the
            // uncalibrated one: the share of it grows as 1 - reach / h.
            let known = Double(calibrated) / Double(h), spread = Self.uncalibrated * drift * Double(h)
            let lowTarget = known * (total + (gain + floor) * exp(low) - floor) + (1 - known) * (mean[h - 1] - spread)
            let highTarget = known * (total + (gain + floor) * exp(high) - floor) + (1 - known) * (mean[h - 1] + spread)
            let lowShare = known * exp(low) + (1 - known) * (gain > 0 ? max(1 - spread / gain, 0) : 0)
            // A shop that sold in every hour of the training window keeps selling: its lower
            // bound gains at least the low quantile's share of each minute's forecast gain.
            let rising = alwaysSold ? lowSoFar + lowShare * minuteGain : lowSoFar
            lowSoFar = min(max(rising, lowTarget), mean[h - 1])
            highSoFar = max(highSoFar, highTarget, mean[h - 1])
            lower.append(lowSoFar)
            upper.append(highSoFar)
        }
        return (lower, upper)
    }

    /// Half the drift gain either side of the forecast, for when nothing could be back-tested.
    static func uncalibratedBands(mean: [Double], total: Double, drift: Double) -> (lower: [Double], upper: [Double]) {
        var lowSoFar = total, highSoFar = total
        let lower = mean.indices.map { lowSoFar = max(lowSoFar, mean[$0] - uncalibrated * drift * Double($0 + 1)); return lowSoFar }
        let upper = mean.indices.map { highSoFar = max(highSoFar, mean[$0] + uncalibrated * drift * Double($0 + 1)); return highSoFar }
        return (lower, upper)
    }

    /// What is added to both gains of a residual over `h` minutes: a share of the drift gain.
    static func floor(drift: Double, h: Int) -> Double { driftShareFloor * drift * Double(h) }

    /// Whether every hour of the training window earned something.
    private func soldEveryHour() -> Bool {
        let hour = max(1, 60 / max(input.step, 1)), cutoff = input.cutoff
        let first = max(0, cutoff - input.train + 1)
        return stride(from: cutoff, through: first + hour - 1, by: -hour).allSatisfy { last in
            input.revenue[(last - hour + 1)...last].contains { $0 > 0 }
        }
    }

    /// The first row a back-test may start from (the model needs `minimumRows` before it).
    var earliestOrigin: Int { max(model.minimumRows - 1, 0) }

    /// The small-sample factor at horizon `h` (`z`: the normal quantile of the level's tail), for
    /// as many cases as the back-tests' overlapping stretches of `h` minutes are worth: the `b`
    /// stretches that fit side by side between the first origin and the cutoff give `b - 1` degrees
    /// of freedom, and read at every origin, overlapping, about 1.5 times as many (overlapping
    /// batch means). Counting only the side-by-side ones less one made the factor climb steeply
    /// (from 1.3 to 2.7 at the 95% level over the last 300 minutes of a 500-minute horizon).
    private func widening(at h: Int, z: Double) -> Double {
        let stretches = Double(max(input.cutoff - earliestOrigin, 0)) / Double(h)
        return Self.smallSampleFactor(1 + 1.5 * max(stretches - 1, 0), z: z)
    }

    /// The grid's quantiles widened by the small-sample factor about their median (about 0 under a
    /// lasting bias) before the curves join them: the widened bounds then move as smoothly as
    /// the curves do. (Widening the curves at every minute instead let the factor's
    /// steep rise where few stretches of `h` minutes fit before the cutoff through: a 95% upper
    /// bound stepped 32,617 in a minute where the forecast gained 1,548.)
    private func widened(_ points: [GridPoint], z: Double, lastingBias: Bool) -> [GridPoint] {
        points.map { point in
            let factor = widening(at: point.h, z: z)
            let centre = lastingBias ? 0 : point.middle
            return (point.h, centre + (point.low - centre) * factor, point.middle, centre + (point.high - centre) * factor)
        }
    }

    /// Fewest back-test origins whose residuals at a horizon let the band be calibrated there.
    static let minimumOrigins = 2

    /// The farthest horizon that `minimumOrigins` back-tests reached (0 when none did): the
    /// quantile curves are drawn and used up to it, never extrapolated.
    static func reach(_ residuals: [[Residual]]) -> Int {
        residuals.lastIndex { $0.count >= minimumOrigins }.map { $0 + 1 } ?? 0
    }

    /// For each of `targets` (per-row revenue up to the cutoff that the back-tests' forecasts are
    /// scored against, from one set of forecasts): `residuals[h - 1]` holds the log ratios at
    /// horizon `h` over the origins that reach it, in order of origin from the newest. Every
    /// origin's forecast is made first (`BackTests`), then each horizon's list at once.
    func backTestResiduals(horizon: Int, against targets: [[Double]]) -> [[[Residual]]] {
        let tests = BackTests(self, horizon: horizon)
        return targets.map { target in
            var cumulative = [0.0]
            cumulative.reserveCapacity(target.count + 1)
            for value in target { cumulative.append(cumulative[cumulative.count - 1] + value) }
            return (0..<horizon).map { tests.residuals(h: $0 + 1, cumulative: cumulative) }
        }
    }

    /// The back-tests' forecasts from every origin (newest first) that reaches a horizon and has a
    /// drift: each one's origin, weight, drift and running forecast gain per horizon.
    struct BackTests {
        /// One origin's back-test.
        struct Test {
            /// The origin row.
            var origin: Int
            /// Its residuals' weight (recent origins and those forecast the cutoff's way, on at least
            /// `informedShare` of its reference rows, weigh more).
            var weight: Double
            /// Its drift rate, for each residual's floor.
            var drift: Double
            /// Horizons it reaches.
            var reach: Int
        }

        /// The origins' back-tests, newest first.
        private var tests: [Test] = []
        /// Their forecast gains: `gains[test * stride + h - 1]` over the first `h` rows after the
        /// origin (filled up to the origin's reach).
        private var gains: [Double] = []
        /// The farthest any origin may reach (the stride of `gains`).
        private let stride: Int

        /// The back-tests of `calibration`'s model up to `horizon` rows.
        init(_ calibration: IntervalCalibration, horizon: Int) {
            let input = calibration.input, model = calibration.model
            let cutoff = input.cutoff
            let span = cutoff - calibration.earliestOrigin
            stride = max(min(horizon, span), 0)
            guard span > 0 else { return }
            let count = min(span, IntervalCalibration.maximumOrigins)
            let method = model.method(origin: cutoff)
            let needed = IntervalCalibration.informedShare * Double(model.information(origin: cutoff))
            for j in 1...count {
                let origin = cutoff - (j * span) / count
                let reach = min(horizon, cutoff - origin)
                let drift = input.driftRate(at: origin)
                guard reach > 0, drift > 0 else { continue }
                let alike = model.method(origin: origin) == method && Double(model.information(origin: origin)) >= needed
                let weight = pow(0.5, Double(cutoff - origin) / IntervalCalibration.halfLife) * (alike ? 1 : IntervalCalibration.otherMethodWeight)
                let rates = model.rates(origin: origin, horizon: reach).prefix(reach)
                tests.append(Test(origin: origin, weight: weight, drift: drift, reach: rates.count))
                var gain = 0.0
                gains.append(contentsOf: rates.map { gain += $0; return gain })
                gains.append(contentsOf: repeatElement(0, count: stride - rates.count))
            }
        }

        /// The residuals at horizon `h` against the running totals `cumulative` of a target
        /// (`cumulative[row + 1]`: its rows `0...row`, up to the cutoff), in order of origin from the newest.
        func residuals(h: Int, cumulative: [Double]) -> [Residual] {
            let reaching = tests.reduce(0) { $1.reach >= h ? $0 + 1 : $0 }
            guard reaching > 0 else { return [] }
            return tests.withUnsafeBufferPointer { tests in
                gains.withUnsafeBufferPointer { gains in
                    cumulative.withUnsafeBufferPointer { cumulative in
                        Array(unsafeUninitializedCapacity: reaching) { result, filled in
                            for (index, test) in tests.enumerated() where test.reach >= h {
                                let floor = IntervalCalibration.floor(drift: test.drift, h: h)
                                let actual = cumulative[test.origin + h + 1] - cumulative[test.origin + 1]
                                let gain = gains[index * stride + h - 1]
                                let ratio = log((max(actual, 0) + floor) / (max(gain, 0) + floor))
                                (result.baseAddress! + filled).initialize(to: Residual(value: ratio, weight: test.weight, origin: test.origin))
                                filled += 1
                            }
                        }
                    }
                }
            }
        }
    }

    /// One grid horizon's conformal quantiles of one level (log ratios): the lower, the median and
    /// the upper.
    typealias GridPoint = (h: Int, low: Double, middle: Double, high: Double)

    /// Every level's conformal quantiles on the grid of horizons up to `reach`, one list per level
    /// (empty when `reach` is 0). Each grid horizon `h` pools the residuals of horizons 0.8h to
    /// 1.25h, taken in sorted order from the residuals sorted once (`SortedResiduals`), its weights
    /// summed once from either end (`Pool`).
    private static func gridQuantiles(_ residuals: [[Residual]], reach: Int, levels: [Double]) -> [[GridPoint]] {
        var points = levels.map { _ in [GridPoint]() }
        guard reach > 0 else { return points }
        let residuals = SortedResiduals(residuals, reach: reach)
        let windows = grid(reach).map { h in (h: h, horizons: max(1, Int(Double(h) * 0.8))...min(reach, max(h, Int(Double(h) * 1.25)))) }
        let capacity = windows.map { residuals.count($0.horizons) }.max() ?? 0
        var first = Pool(capacity: capacity), second = Pool(capacity: capacity), marks: [UInt64] = []
        for pair in stride(from: 0, to: windows.count, by: 2) {  // two pools summed at once (`Pool.sum`)
            residuals.pool(windows[pair].horizons, into: &first, marks: &marks)
            residuals.pool(pair + 1 < windows.count ? windows[pair + 1].horizons : nil, into: &second, marks: &marks)
            Pool.sum(&first, &second)
            for (h, pool) in zip(windows[pair...].prefix(2).map(\.h), [first, second]) where !pool.isEmpty {
                let middle = pool.rank(0.5, upper: true)
                for (index, level) in levels.enumerated() {
                    let tail = (1 - level) / 2
                    points[index].append((h, pool.rank(tail, upper: false), middle, pool.rank(tail, upper: true)))
                }
            }
        }
        return points
    }
}
