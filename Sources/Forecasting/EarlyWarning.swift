import SaleData

/// A signal that the sale is running behind: revenue below the forecast's lower band for a run of
/// minutes, or the expected end-of-sale total below target. The paper's company reacted to such a
/// signal with e-mail marketing and deeper discounts.
public struct EarlyWarning: Sendable, Equatable {
    /// What went wrong.
    public enum Kind: String, Sendable {
        /// Cumulative revenue stayed below the lower band for the required run of minutes.
        case belowBand = "below_band"
        /// The expected end-of-sale total (actuals so far plus the forecast's remaining gain) is below target.
        case belowTarget = "below_target"
    }

    /// What went wrong.
    public var kind: Kind
    /// 0-based row of the revenue series at which the warning fires.
    public var row: Int
    /// Its time, `YYYY-MM-DDTHH:MM` in the series' zone.
    public var label: String
    /// Actual cumulative revenue at that row.
    public var actual: Double
    /// What it was compared with: the lower band there, or the target.
    public var threshold: Double
    /// The money short: forecast mean minus actual at that row for `belowBand`, target minus the
    /// expected end-of-sale total for `belowTarget`.
    public var gap: Double
    /// How far below, as a share of the threshold (0.05 is 5% short).
    public var shortfall: Double { threshold > 0 ? (kind == .belowBand ? threshold - actual : gap) / threshold : 0 }

    /// Warnings from the live `revenue` (same start and step as the series the forecast was made
    /// from): the first row ending a run of `consecutive` minutes below the lower band (rounded up
    /// to whole rows: 15 minutes on 5-minute rows are 3 rows), and the first row whose expected end
    /// total falls below `target`, if any.
    public static func check(revenue: Series, forecast: Forecast, consecutive: Int = 15,
                             target: Double? = nil) throws(ForecastError) -> [EarlyWarning] {
        guard consecutive > 0 else {
            throw .invalidOption(name: "consecutive", message: "must be positive, got \(consecutive)")
        }
        try Forecaster.checkValues(revenue, name: "live revenue")
        let step = max(revenue.step, 1), rows = (consecutive + step - 1) / step
        var running = revenue.values[0...min(forecast.cutoff, revenue.count - 1)].reduce(0, +)
        let finalMean = forecast.mean.values.last ?? forecast.observedTotal
        var warnings: [EarlyWarning] = []
        var run = 0
        var targetWarned = false
        if let target, finalMean < target {
            warnings.append(warning(.belowTarget, row: forecast.cutoff, revenue, actual: running, threshold: target, gap: target - finalMean))
            targetWarned = true
        }
        for h in 0..<forecast.rows where forecast.cutoff + 1 + h < revenue.count {
            let row = forecast.cutoff + 1 + h
            running += revenue.values[row]
            run = running < forecast.lower.values[h] ? run + 1 : 0
            if run == rows {
                warnings.append(warning(.belowBand, row: row, revenue, actual: running,
                                        threshold: forecast.lower.values[h], gap: forecast.mean.values[h] - running))
            }
            let expectedEnd = running + finalMean - forecast.mean.values[h]
            if let target, !targetWarned, expectedEnd < target {
                warnings.append(warning(.belowTarget, row: row, revenue, actual: running, threshold: target, gap: target - expectedEnd))
                targetWarned = true
            }
        }
        return warnings
    }

    private static func warning(_ kind: Kind, row: Int, _ revenue: Series, actual: Double, threshold: Double, gap: Double) -> EarlyWarning {
        EarlyWarning(kind: kind, row: row, label: revenue.label(at: row), actual: actual, threshold: threshold, gap: gap)
    }
}
