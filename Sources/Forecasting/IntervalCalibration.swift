/// Split-conformal prediction intervals from back-tests inside the observed data.
///
/// The fitted model forecasts again from earlier origins `o` (reading only rows up to `o`); each
/// error of the revenue gained after `o + h`, divided by the drift rate at `o` times `h`, is a
/// normalised residual. The interval at the cutoff adds the residuals' quantiles, times the drift
/// rate at the cutoff and `h`, to the forecast gain.
struct IntervalCalibration {
    /// Most back-test origins used (each costs one forecast over the horizon).
    static let maximumOrigins = 60
    /// The band when no back-test could be made (the first minutes of a sale): half the drift
    /// gain either side, saying how little is known rather than claiming certainty.
    static let uncalibrated = (-0.5, 0.5)
    /// Horizons at which quantiles are computed; others are interpolated.
    static let gridPoints = 24

    let input: ForecastInput
    let model: FittedModel
    let level: Double

    /// Lower and upper cumulative bounds around `mean` (cumulative, row 0 is cutoff+1).
    func bands(mean: [Double]) -> (lower: [Double], upper: [Double]) {
        let horizon = mean.count
        let cutoff = input.cutoff
        let total = input.revenue.reduce(0, +)
        let residuals = backTestResiduals(horizon: horizon)
        let grid = Self.grid(horizon)
        let bounds = grid.map { quantiles(residuals, at: $0) }
        let scale = input.driftRate(at: cutoff) > 0 ? input.driftRate(at: cutoff) : total / Double(cutoff + 1)
        var lower: [Double] = [], upper: [Double] = []
        var lowSoFar = total, highSoFar = total
        for h in 1...horizon {
            let (low, high) = Self.interpolate(grid, bounds, at: h)
            let width = scale * Double(h)
            lowSoFar = max(lowSoFar, min(mean[h - 1], mean[h - 1] + low * width))
            highSoFar = max(highSoFar, mean[h - 1] + max(high, 0) * width)
            lower.append(lowSoFar)
            upper.append(max(highSoFar, mean[h - 1]))
        }
        return (lower, upper)
    }

    /// `residuals[h - 1]` holds the normalised errors at horizon `h` over the origins that reach it.
    private func backTestResiduals(horizon: Int) -> [[Double]] {
        var residuals = Array(repeating: [Double](), count: horizon)
        let cutoff = input.cutoff
        let earliest = max(model.minimumRows - 1, 0)
        let span = cutoff - earliest
        guard span > 0 else { return residuals }
        let count = min(span, Self.maximumOrigins)
        var cumulative = [0.0]
        for value in input.revenue { cumulative.append(cumulative[cumulative.count - 1] + value) }
        for j in 1...count {
            let origin = cutoff - (j * span) / count
            let reach = min(horizon, cutoff - origin)
            let scale = input.driftRate(at: origin)
            guard reach > 0, scale > 0 else { continue }
            var gain = 0.0
            for (offset, rate) in model.rates(origin: origin, horizon: reach).enumerated() {
                gain += rate
                let h = offset + 1
                let actual = cumulative[origin + h + 1] - cumulative[origin + 1]
                residuals[h - 1].append((actual - gain) / (scale * Double(h)))
            }
        }
        return residuals
    }

    /// Conformal lower and upper quantiles of the residuals pooled over horizons near `h`.
    private func quantiles(_ residuals: [[Double]], at h: Int) -> (Double, Double) {
        let from = max(1, Int(Double(h) * 0.8)), to = min(residuals.count, max(h, Int(Double(h) * 1.25)))
        var pooled: [Double] = []
        for k in from...to { pooled += residuals[k - 1] }
        if pooled.isEmpty {
            guard let reached = residuals.lastIndex(where: { !$0.isEmpty }) else { return Self.uncalibrated }
            pooled = residuals[reached]
        }
        pooled.sort()
        let tail = (1 - level) / 2
        return (Self.rank(pooled, tail, upper: false), Self.rank(pooled, tail, upper: true))
    }

    /// The conformal order statistic: the `ceil((n + 1)(1 - tail))`-th value from the other end.
    static func rank(_ sorted: [Double], _ tail: Double, upper: Bool) -> Double {
        let n = sorted.count
        let k = min(n, Int((Double(n + 1) * (1 - tail)).rounded(.up)))
        return upper ? sorted[k - 1] : sorted[n - k]
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
