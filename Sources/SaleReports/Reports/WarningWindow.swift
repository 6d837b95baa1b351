import Forecasting
import SaleData

/// What an early-warning chart shows of live revenue checked against a forecast made earlier: the
/// minutes from the forecast's cutoff (its "now", where the band opens) to the last one known, at
/// most its horizon, so a forecast made 60 minutes ago shows exactly the last 60 minutes.
public struct WarningWindow: Sendable, Equatable {
    /// Cumulative revenue from the forecast's cutoff to the last minute known (the cutoff first).
    public var actual: Series
    /// The end-of-sale total expected at each minute of `actual`: its total plus the gain the
    /// forecast still expects from that minute to its end (what a target is checked against).
    public var ends: Series
    /// Indices into `actual` of the minutes below the forecast's lower band.
    public var below: [Int]

    /// The window of `revenue` (per minute, the series the forecast was made from, or a longer one)
    /// after `forecast`'s cutoff; empty when the revenue ends before the cutoff.
    public init(revenue: Series, forecast: Forecast) {
        let last = min(revenue.count - 1, forecast.cutoff + forecast.rows)
        let cumulative = revenue.cumsum().slice(forecast.cutoff..<max(forecast.cutoff, last + 1))
        let finalMean = forecast.mean.values.last ?? forecast.observedTotal
        let expected = [forecast.observedTotal] + forecast.mean.values
        actual = cumulative
        ends = Series(start: cumulative.start, step: cumulative.step,
                      values: cumulative.values.enumerated().map { i, total in total + finalMean - expected[i] }, zone: cumulative.zone)
        below = cumulative.values.indices.dropFirst().filter { cumulative.values[$0] < forecast.lower.values[$0 - 1] }
    }
}
