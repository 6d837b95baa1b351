import Forecasting
import SaleData

/// Revenue per step around a forecast, as the rate chart draws it: the sale's steps over the
/// training window (and after the cutoff when known), the forecast's revenue per step, and a band.
///
/// Steps end at the cutoff row: each covers `step` minutes and is dated by its last minute, so the
/// last observed step is dated "now". The band is the spread of the observed steps around their
/// local average (each step against the mean of the two steps either side), its quantiles at the
/// forecast's level applied to the forecast: the step-to-step variation to expect when the forecast
/// rate is right. It leaves out the forecast's own error, which the forecast chart's band shows.
public struct RateSteps: Sendable {
    /// Minutes per step.
    public let step: Int
    /// Observed revenue per step.
    public let actual: Series
    /// Forecast revenue per step, on the steps after the cutoff (whole steps only).
    public let forecast: Series
    /// Lower edge of the band, aligned with `forecast`; empty when too few steps were observed.
    public let lower: [Double]
    /// Upper edge of the band.
    public let upper: [Double]
    /// The band's level (the forecast's).
    public let level: Double
    /// The epoch minute of the cutoff row: "now".
    public let now: Int

    /// The step when none is asked for: 15 minutes.
    public static let defaultStep = 15

    /// The least observed steps the band is estimated from.
    public static let minimumSteps = 8

    /// Steps of `step` minutes (a multiple of the series' step) around `forecast`, made from
    /// `revenue` (the series it was made from) over the `train` minutes before the cutoff.
    public init(forecast: Forecast, revenue: Series, train: Int, step: Int) throws(RateStepError) {
        let rowStep = max(revenue.step, 1)
        guard step >= rowStep, step % rowStep == 0 else { throw RateStepError(step: step, seriesStep: rowStep) }
        let rows = step / rowStep, cutoff = forecast.cutoff
        let first = max(0, cutoff + 1 - train / rowStep)
        let end = min(revenue.count, cutoff + 1 + forecast.rows)
        let ends = Array(stride(from: cutoff - (cutoff - first + 1) / rows * rows + rows, through: end - 1, by: rows))
        let sums = ends.map { last in revenue.values[(last - rows + 1)...last].reduce(0, +) }
        let firstEnd = ends.first ?? cutoff
        actual = Series(start: revenue.minute(at: firstEnd), step: step, values: sums, zone: revenue.zone)
        var cumulative = [forecast.observedTotal] + forecast.mean.values
        cumulative = Array(cumulative.prefix(forecast.rows / rows * rows + 1))
        let perStep = stride(from: rows, to: cumulative.count, by: rows).map { cumulative[$0] - cumulative[$0 - rows] }
        self.forecast = Series(start: revenue.minute(at: cutoff + rows), step: step, values: perStep, zone: revenue.zone)
        let observed = zip(ends, sums).filter { $0.0 <= cutoff }.map(\.1)
        let spread = Self.spread(observed, level: forecast.level)
        lower = spread.map { q in perStep.map { $0 * q.lower } } ?? []
        upper = spread.map { q in perStep.map { $0 * q.upper } } ?? []
        self.step = step
        level = forecast.level
        now = revenue.minute(at: cutoff)
    }

    /// The quantiles at `level` of each step's ratio to the mean of its neighbours (two either
    /// side), as factors; nil with fewer than `minimumSteps` usable steps.
    static func spread(_ steps: [Double], level: Double) -> (lower: Double, upper: Double)? {
        var ratios: [Double] = []
        for (i, value) in steps.enumerated() where value.isFinite && value >= 0 {
            let neighbours = (max(0, i - 2)...min(steps.count - 1, i + 2)).filter { $0 != i }.map { steps[$0] }.filter(\.isFinite)
            let local = neighbours.reduce(0, +) / Double(max(neighbours.count, 1))
            if neighbours.count >= 2 && local > 0 { ratios.append(value / local) }
        }
        guard ratios.count >= minimumSteps else { return nil }
        let sorted = ratios.sorted(), tail = (1 - level) / 2
        return (min(1, quantile(sorted, tail)), max(1, quantile(sorted, 1 - tail)))
    }

    /// The `p` quantile of `sorted`, interpolated between neighbours.
    private static func quantile(_ sorted: [Double], _ p: Double) -> Double {
        let position = p * Double(sorted.count - 1)
        let below = Int(position.rounded(.down)), above = min(sorted.count - 1, below + 1)
        return sorted[below] + (sorted[above] - sorted[below]) * (position - Double(below))
    }
}

/// A rate step the series cannot be cut into.
public struct RateStepError: Error, Equatable, CustomStringConvertible {
    /// The step asked for.
    public let step: Int
    /// The series' own step.
    public let seriesStep: Int

    public var description: String {
        "rate step \(step) must be a multiple of the series' \(seriesStep)-minute step"
    }
}
