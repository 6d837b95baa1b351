/// Accuracy of one forecast against the actual cumulative revenue over its horizon.
///
/// Every measure is nil when it is undefined: `hre` when no revenue arrived over those minutes
/// (a closed shop), MAPE when every actual is zero, MASE when drift is exact.
public struct ForecastMetrics: Sendable, Equatable {
    /// Mean of `|forecast - actual| / actual` over the known minutes, cumulative (0.05 is 5%).
    public var mape: Double?
    /// Horizon revenue error 60 minutes ahead: `|(f[c+h]-y[c]) - (y[c+h]-y[c])| / (y[c+h]-y[c])`.
    public var hre60: Double?
    /// Horizon revenue error 200 minutes ahead.
    public var hre200: Double?
    /// Horizon revenue error 500 minutes ahead.
    public var hre500: Double?
    /// Mean absolute error over the known minutes divided by naive drift's on the same minutes
    /// (below 1 beats drift).
    public var mase: Double?
    /// Share of the known minutes whose actual lies inside the interval.
    public var coverage: Double?
    /// Mean width of the interval (upper - lower) in money over the known minutes.
    public var meanWidth: Double?
    /// Number of forecast minutes with a known actual.
    public var minutesCompared: Int

    /// The horizons that `hre60`, `hre200` and `hre500` report.
    public static let horizons = [60, 200, 500]

    /// The horizon revenue error `h` minutes ahead, given cumulative forecasts and actuals for the
    /// minutes after the cutoff (row 0 is cutoff+1) and the cumulative total at the cutoff.
    public static func horizonRevenueError(h: Int, forecast: [Double], actual: [Double], observedTotal: Double) -> Double? {
        guard h >= 1, h <= forecast.count, h <= actual.count else { return nil }
        let gained = actual[h - 1] - observedTotal
        guard gained > 0 else { return nil }
        return abs((forecast[h - 1] - observedTotal) - gained) / gained
    }

    /// The hre at one of `horizons`, or nil for another horizon.
    public func hre(_ h: Int) -> Double? {
        switch h {
        case 60: return hre60
        case 200: return hre200
        case 500: return hre500
        default: return nil
        }
    }
}

extension ForecastMetrics {
    /// Measures cumulative `forecast` (and its interval) against `actual`, row 0 being cutoff+1;
    /// `drift` is naive drift's forecast for the same minutes.
    static func measure(forecast: [Double], lower: [Double]?, upper: [Double]?, actual: [Double],
                        drift: [Double], observedTotal: Double) -> ForecastMetrics? {
        let known = min(forecast.count, actual.count)
        guard known > 0 else { return nil }
        var ratios: [Double] = []
        var error = 0.0, driftError = 0.0, inside = 0, width = 0.0
        for i in 0..<known {
            if actual[i] != 0 { ratios.append(abs(forecast[i] - actual[i]) / abs(actual[i])) }
            error += abs(forecast[i] - actual[i])
            driftError += abs(drift[i] - actual[i])
            if let lower, let upper {
                if lower[i] <= actual[i] && actual[i] <= upper[i] { inside += 1 }
                width += upper[i] - lower[i]
            }
        }
        let hre = { (h: Int) in horizonRevenueError(h: h, forecast: forecast, actual: actual, observedTotal: observedTotal) }
        let hasBand = lower != nil && upper != nil
        return ForecastMetrics(
            mape: ratios.isEmpty ? nil : ratios.reduce(0, +) / Double(ratios.count),
            hre60: hre(60), hre200: hre(200), hre500: hre(500),
            mase: driftError > 0 ? error / driftError : nil,
            coverage: hasBand ? Double(inside) / Double(known) : nil,
            meanWidth: hasBand ? width / Double(known) : nil,
            minutesCompared: known)
    }
}
