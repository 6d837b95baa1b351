#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension IntervalCalibration {
    /// One back-test residual (a log ratio of actual to forecast gain), the weight of its origin
    /// (recent origins weigh more) and the origin.
    struct Residual: Equatable {
        var value: Double
        var weight: Double
        var origin = 0
    }

    /// The lower and upper quantiles and the median of the residuals as smooth functions of the
    /// horizon: each grid point averaged with its neighbours (a quarter each; the first, one
    /// minute ahead, is left alone and left out), then between two neighbouring grid horizons
    /// `a + b / sqrt(h)` through both (an error of the level, which lasts, plus the sale's own
    /// noise, which averages out over longer horizons). One such curve over the whole horizon
    /// cannot follow tails that grow with it (a burst's chance of falling inside a stretch of `h`
    /// minutes grows with `h`): fitted to every grid point, it put the long horizons'
    /// campaign-wide upper quantile on the short ones too, and the 50% band held 60-75% there.
    struct QuantileCurves {
        /// The grid horizons' quantiles (log ratios), rising in `h`, averaged with their neighbours'.
        let points: [(h: Int, low: Double, middle: Double, high: Double)]
        /// Whether the back-tests erred one way all along (see `lastingBias`): only then does the
        /// band keep their median error; otherwise it is moved so that the median error is 0
        /// (the forecast), keeping the quantiles' distances from the median.
        let lastingBias: Bool

        /// The curves through `points` (the grid's quantiles, rising in `h`).
        init(points: [(h: Int, low: Double, middle: Double, high: Double)], lastingBias: Bool) {
            self.points = points.indices.map { index in
                guard index > 0 else { return points[0] }
                let around = [(point: index - 1, weight: 0.25), (index, 0.5), (index + 1, 0.25)].filter { $0.point > 0 && $0.point < points.count }
                let total = around.reduce(0) { $0 + $1.weight }
                func mean(_ value: (Int) -> Double) -> Double { around.reduce(0) { $0 + value($1.point) * $1.weight } / total }
                return (points[index].h, mean { points[$0].low }, mean { points[$0].middle }, mean { points[$0].high })
            }
            self.lastingBias = lastingBias
        }

        /// The curves' variable at horizon `h`.
        static func regressor(_ h: Int) -> Double { 1 / Double(max(h, 1)).squareRoot() }

        /// The lower quantile, the median and the upper quantile at horizon `h` (the nearest grid
        /// point's outside the grid).
        func quantiles(at h: Int) -> (low: Double, middle: Double, high: Double) {
            let next = points.firstIndex { $0.h >= h } ?? points.count - 1
            let after = points[next], before = points[max(next - 1, 0)]
            let span = Self.regressor(after.h) - Self.regressor(before.h)
            let share = abs(span) < 1e-15 ? 1 : min(max((Self.regressor(h) - Self.regressor(before.h)) / span, 0), 1)
            func along(_ from: Double, _ to: Double) -> Double { from + (to - from) * share }
            return (along(before.low, after.low), along(before.middle, after.middle), along(before.high, after.high))
        }

        /// The lower and upper quantiles at horizon `h`, holding 0 (the forecast).
        func at(_ h: Int) -> (Double, Double) {
            let (low, middle, high) = quantiles(at: h)
            let shift = lastingBias ? 0 : middle
            return (min(low - shift, 0), max(high - shift, 0))
        }
    }

    /// Whether the back-tests erred one way all along: in both the older and the newer half of
    /// the origins, at least `biasShare` of the residuals (given in `lists`, a horizon's each) lie
    /// on the same side of 0. The halves split the residuals sorted by origin at the middle one's
    /// origin (counted per origin, not sorted: origins are rows, so a tally per row of their range does).
    static func lastingBias<Lists: Collection<[Residual]>>(_ lists: Lists) -> Bool {
        var total = 0, first = Int.max, last = Int.min
        for list in lists {
            total += list.count
            list.withUnsafeBufferPointer { list in
                for residual in list {
                    first = min(first, residual.origin)
                    last = max(last, residual.origin)
                }
            }
        }
        guard total >= 4 else { return false }
        var counts = Array(repeating: 0, count: last - first + 1), above = counts
        counts.withUnsafeMutableBufferPointer { counts in
            above.withUnsafeMutableBufferPointer { above in
                for list in lists {
                    list.withUnsafeBufferPointer { list in
                        for residual in list {
                            counts[residual.origin - first] += 1
                            above[residual.origin - first] += residual.value > 0 ? 1 : 0
                        }
                    }
                }
            }
        }
        var passed = 0, middle = 0
        while passed + counts[middle] <= total / 2 {
            passed += counts[middle]
            middle += 1
        }
        let older = (count: passed, above: above[..<middle].reduce(0, +))
        let newer = (count: total - passed, above: above[middle...].reduce(0, +))
        let shares = [older, newer].map { half in half.count == 0 ? 0.5 : Double(half.above) / Double(half.count) }
        return shares.allSatisfy { $0 >= biasShare } || shares.allSatisfy { $0 <= 1 - biasShare }
    }

    /// Share of residuals on one side of 0, in both halves of the origins, that makes a bias lasting.
    static let biasShare = 0.75

    /// The weighted conformal order statistic of residuals sorted by value (see `Pool.rank`): with
    /// equal weights the `ceil((n + 1)(1 - tail))`-th value from the upper (or lower) end (the
    /// extreme one when there are too few).
    static func weightedRank(_ sorted: [Residual], _ tail: Double, upper: Bool) -> Double {
        Pool(sorted).rank(tail, upper: upper)
    }

    /// How much wider a quantile learnt from `n` independent cases must be to hold for a new one:
    /// Student's t quantile with `n - 1` degrees of freedom (Cornish-Fisher expansion) over the
    /// normal one, times sqrt(1 + 1/n); at most 3.
    static func smallSampleFactor(_ n: Double, tail: Double) -> Double {
        smallSampleFactor(n, z: normalQuantile(1 - tail))
    }

    /// `smallSampleFactor` given the normal quantile `z` of the tail (computed once per level).
    static func smallSampleFactor(_ n: Double, z: Double) -> Double {
        let nu = max(n - 1, 1)
        let z3 = z * z * z, z5 = z3 * z * z
        let t = z + (z3 + z) / (4 * nu) + (5 * z5 + 16 * z3 + 3 * z) / (96 * nu * nu)
        return min(t / z * (1 + 1 / max(n, 1)).squareRoot(), 3)
    }

    /// The standard normal quantile of `p` (0 < p < 1), by bisection on `erfc` to 1e-12.
    static func normalQuantile(_ p: Double) -> Double {
        var low = -40.0, high = 40.0
        while high - low > 1e-12 {
            let middle = (low + high) / 2
            if erfc(-middle / 2.0.squareRoot()) / 2 < p { low = middle } else { high = middle }
        }
        return (low + high) / 2
    }

    /// Horizons 1...horizon spread evenly, `gridPoints` of them at most.
    static func grid(_ horizon: Int) -> [Int] {
        let points = min(horizon, gridPoints)
        return (0..<points).map { points == 1 ? horizon : 1 + ($0 * (horizon - 1)) / (points - 1) }
    }
}
