import Foundation

/// Split-conformal prediction intervals from back-tests inside the observed data.
///
/// The fitted model forecasts again from earlier origins `o` (reading only rows up to `o`); each
/// error of the revenue gained after `o + h`, divided by that forecast gain (never less than a
/// share of the drift gain), is a normalised residual, weighted by how recent its origin is. The
/// interval at the cutoff adds the residuals' weighted quantiles, widened for how few independent
/// stretches of `h` minutes the sale has shown, times the forecast gain, to the forecast.
struct IntervalCalibration {
    /// Most back-test origins used (each costs one forecast over the horizon).
    static let maximumOrigins = 60
    /// The band when no back-test could be made (the first minutes of a sale): half the drift
    /// gain either side, saying how little is known rather than claiming certainty.
    static let uncalibrated = (-0.5, 0.5)
    /// Horizons at which quantiles are computed; others are interpolated.
    static let gridPoints = 24
    /// Smallest normaliser of an error, as a share of the drift gain (a night's near-zero forecast
    /// gain would otherwise blow its errors up).
    static let driftShareFloor = 0.3
    /// Minutes after which an origin's residuals weigh half as much (the sale changes as it goes).
    static let halfLife = 2880.0

    let input: ForecastInput
    let model: FittedModel

    /// Lower and upper cumulative bounds around `mean` (cumulative, row 0 is cutoff+1) for each of
    /// `levels`, in the same order, from one set of back-tests.
    func bands(mean: [Double], levels: [Double]) -> [(lower: [Double], upper: [Double])] {
        let residuals = backTestResiduals(horizon: mean.count)
        return levels.map { bands(mean: mean, residuals: residuals, level: $0) }
    }

    private func bands(mean: [Double], residuals: [[Residual]], level: Double) -> (lower: [Double], upper: [Double]) {
        let horizon = mean.count
        let cutoff = input.cutoff
        let total = input.revenue.reduce(0, +)
        let grid = Self.grid(horizon)
        let bounds = grid.map { quantiles(residuals, at: $0, level: level) }
        let drift = input.driftRate(at: cutoff) > 0 ? input.driftRate(at: cutoff) : total / Double(cutoff + 1)
        var lower: [Double] = [], upper: [Double] = []
        var lowSoFar = total, highSoFar = total
        for h in 1...horizon {
            let (low, high) = Self.containing(Self.interpolate(grid, bounds, at: h))
            let width = Self.normaliser(gain: mean[h - 1] - total, drift: drift, h: h)
            lowSoFar = max(lowSoFar, mean[h - 1] + low * width)
            highSoFar = max(highSoFar, mean[h - 1] + high * width)
            lower.append(lowSoFar)
            upper.append(highSoFar)
        }
        return (lower, upper)
    }

    /// The first row a back-test may start from (the model needs `minimumRows` before it).
    private var earliestOrigin: Int { max(model.minimumRows - 1, 0) }

    /// Quantiles that keep the forecast inside the band: when the back-tests erred to one side
    /// only, the other side gets half their spread (a bias seen so far need not last).
    static func containing(_ bounds: (Double, Double)) -> (Double, Double) {
        let (low, high) = bounds, half = (high - low) / 2
        return (low > 0 ? -half : low, high < 0 ? half : high)
    }

    /// What an error of the gain over `h` minutes is divided by: the forecast gain, or a share of
    /// the drift gain when that is larger.
    static func normaliser(gain: Double, drift: Double, h: Int) -> Double {
        max(gain, driftShareFloor * drift * Double(h))
    }

    /// `residuals[h - 1]` holds the normalised errors at horizon `h` over the origins that reach it.
    private func backTestResiduals(horizon: Int) -> [[Residual]] {
        var residuals = Array(repeating: [Residual](), count: horizon)
        let cutoff = input.cutoff
        let span = cutoff - earliestOrigin
        guard span > 0 else { return residuals }
        let count = min(span, Self.maximumOrigins)
        var cumulative = [0.0]
        for value in input.revenue { cumulative.append(cumulative[cumulative.count - 1] + value) }
        for j in 1...count {
            let origin = cutoff - (j * span) / count
            let reach = min(horizon, cutoff - origin)
            let drift = input.driftRate(at: origin)
            guard reach > 0, drift > 0 else { continue }
            let weight = pow(0.5, Double((cutoff - origin) * input.step) / Self.halfLife)
            var gain = 0.0
            for (offset, rate) in model.rates(origin: origin, horizon: reach).enumerated() {
                gain += rate
                let h = offset + 1
                let actual = cumulative[origin + h + 1] - cumulative[origin + 1]
                let error = (actual - gain) / Self.normaliser(gain: gain, drift: drift, h: h)
                residuals[h - 1].append(Residual(value: error, weight: weight))
            }
        }
        return residuals
    }

    /// Conformal lower and upper quantiles of the residuals pooled over horizons near `h`, widened
    /// by the small-sample factor for the independent stretches of `h` minutes seen so far.
    private func quantiles(_ residuals: [[Residual]], at h: Int, level: Double) -> (Double, Double) {
        let from = max(1, Int(Double(h) * 0.8)), to = min(residuals.count, max(h, Int(Double(h) * 1.25)))
        var pooled: [Residual] = []
        for k in from...to { pooled += residuals[k - 1] }
        if pooled.isEmpty {
            guard let reached = residuals.lastIndex(where: { !$0.isEmpty }) else { return Self.uncalibrated }
            pooled = residuals[reached]
        }
        pooled.sort { $0.value < $1.value }
        let tail = (1 - level) / 2
        let stretches = Double(input.cutoff - h - earliestOrigin) / Double(h)
        let factor = Self.smallSampleFactor(max(stretches, 1), tail: tail)
        return (factor * Self.weightedRank(pooled, tail, upper: false), factor * Self.weightedRank(pooled, tail, upper: true))
    }
}
