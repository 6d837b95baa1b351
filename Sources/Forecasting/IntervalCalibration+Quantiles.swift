import Foundation

extension IntervalCalibration {
    /// One normalised back-test error and the weight of its origin (recent origins weigh more).
    struct Residual: Equatable {
        var value: Double
        var weight: Double
    }

    /// The weighted conformal order statistic of residuals sorted by value: the first value, counted
    /// from the upper (or lower) end, where the weight passed reaches `1 - tail` of the total plus
    /// one more origin's weight standing for the case being forecast. With equal weights this is
    /// the `ceil((n + 1)(1 - tail))`-th value (the extreme one when there are too few).
    static func weightedRank(_ sorted: [Residual], _ tail: Double, upper: Bool) -> Double {
        guard !sorted.isEmpty else { return 0 }
        let total = sorted.reduce(0) { $0 + $1.weight }
        let newest = sorted.map(\.weight).max() ?? 1
        let needed = (total + newest) * (1 - tail) * (1 - 1e-12)
        let ordered = upper ? sorted : sorted.reversed()
        var passed = 0.0
        for residual in ordered {
            passed += residual.weight
            if passed >= needed { return residual.value }
        }
        return ordered[ordered.count - 1].value
    }

    /// How much wider a quantile learnt from `n` independent cases must be to hold for a new one:
    /// Student's t quantile with `n - 1` degrees of freedom (Cornish-Fisher expansion) over the
    /// normal one, times sqrt(1 + 1/n); at most 3.
    static func smallSampleFactor(_ n: Double, tail: Double) -> Double {
        let z = normalQuantile(1 - tail), nu = max(n - 1, 1)
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

    /// Linear interpolation of the grid's quantiles at `h`.
    static func interpolate(_ grid: [Int], _ values: [(Double, Double)], at h: Int) -> (Double, Double) {
        guard let upperIndex = grid.firstIndex(where: { $0 >= h }) else { return values[values.count - 1] }
        if upperIndex == 0 || grid[upperIndex] == h { return values[upperIndex] }
        let a = grid[upperIndex - 1], b = grid[upperIndex]
        let t = Double(h - a) / Double(b - a)
        let (la, ha) = values[upperIndex - 1], (lb, hb) = values[upperIndex]
        return (la + t * (lb - la), ha + t * (hb - ha))
    }
}
