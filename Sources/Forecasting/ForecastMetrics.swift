/// How one band did: the share of known minutes inside it and its mean width.
public struct BandMetrics: Sendable, Equatable {
    /// The band's level (0.8 for 80%).
    public var level: Double
    /// Share of the known minutes whose actual lies inside the band.
    public var coverage: Double?
    /// Mean width of the band (upper - lower) in money over the known minutes.
    public var meanWidth: Double?

    /// A band's measures.
    public init(level: Double, coverage: Double?, meanWidth: Double?) {
        self.level = level
        self.coverage = coverage
        self.meanWidth = meanWidth
    }
}

/// Accuracy of one forecast against the actual cumulative revenue over its horizon: a value per
/// `Metric`, read as `metrics[.hre200]`.
///
/// Every measure is nil when it is undefined: a horizon revenue error when no revenue arrived over
/// those minutes (a closed shop), MAPE when every actual is zero, MASE when drift is exact.
public struct ForecastMetrics: Sendable, Equatable, MetricValues {
    /// The defined measures.
    public var values: [Metric: Double]
    /// Coverage and mean width of every band, in the forecast's band order (empty without bands).
    public var bands: [BandMetrics]
    /// Minutes of the horizon with a known actual (rows with an actual times the step).
    public var minutesCompared: Int

    /// Metrics from their values.
    public init(values: [Metric: Double], bands: [BandMetrics] = [], minutesCompared: Int) {
        self.values = values
        self.bands = bands
        self.minutesCompared = minutesCompared
    }

    /// The horizons of the horizon revenue errors among the metrics: 60, 200, 500.
    public static let horizons = Metric.allCases.compactMap(\.horizon)

    /// The horizon revenue error `h` minutes ahead, given cumulative forecasts and actuals for the
    /// rows of `step` minutes after the cutoff (row 0 is cutoff+1) and the cumulative total at the
    /// cutoff. On 5-minute rows `h = 60` compares row 11 (12 rows ahead); where `h` minutes are not
    /// a whole number of rows both curves are interpolated between the rows either side.
    public static func horizonRevenueError(h: Int, forecast: [Double], actual: [Double], observedTotal: Double,
                                           step: Int = 1) -> Double? {
        let ahead = Double(h) / Double(max(step, 1))
        guard h >= 1, let f = value(forecast, rowsAhead: ahead, from: observedTotal),
              let y = value(actual, rowsAhead: ahead, from: observedTotal) else { return nil }
        let gained = y - observedTotal
        guard gained > 0 else { return nil }
        return abs((f - observedTotal) - gained) / gained
    }

    /// The cumulative value `ahead` rows after the cutoff (`start` at 0 rows), linear between rows.
    private static func value(_ cumulative: [Double], rowsAhead ahead: Double, from start: Double) -> Double? {
        let below = Int(ahead.rounded(.down)), above = Int(ahead.rounded(.up))
        guard above <= cumulative.count else { return nil }
        let at = { (row: Int) in row == 0 ? start : cumulative[row - 1] }
        return at(below) + (ahead - Double(below)) * (at(above) - at(below))
    }

    /// The hre at one of `horizons`, or nil for another horizon.
    public func hre(_ h: Int) -> Double? {
        Metric(horizon: h).flatMap { self[$0] }
    }
}

extension ForecastMetrics {
    /// Measures cumulative `forecast` (and its bands) against `actual`, row 0 being cutoff+1, on
    /// rows of `step` minutes; `drift` is naive drift's forecast for the same rows. `coverage` and
    /// `width` are those of `bands[main]`.
    static func measure(forecast: [Double], bands: [(level: Double, lower: [Double], upper: [Double])] = [], main: Int = 0,
                        actual: [Double], drift: [Double], observedTotal: Double, step: Int) -> ForecastMetrics? {
        let known = min(forecast.count, actual.count)
        guard known > 0 else { return nil }
        var error = 0.0, driftError = 0.0
        for i in 0..<known {
            error += abs(forecast[i] - actual[i])
            driftError += abs(drift[i] - actual[i])
        }
        let bandMetrics = bands.map { band in
            let inside = (0..<known).filter { band.lower[$0] <= actual[$0] && actual[$0] <= band.upper[$0] }.count
            let width = (0..<known).reduce(0.0) { $0 + band.upper[$1] - band.lower[$1] }
            return BandMetrics(level: band.level, coverage: Double(inside) / Double(known), meanWidth: width / Double(known))
        }
        let main = bandMetrics.indices.contains(main) ? bandMetrics[main] : nil
        let measures = Metric.allCases.compactMap { metric -> (Metric, Double)? in
            let value: Double?
            if let h = metric.horizon {
                value = horizonRevenueError(h: h, forecast: forecast, actual: actual, observedTotal: observedTotal, step: step)
            } else {
                switch metric {
                case .mape: value = mape(forecast: forecast, actual: actual)
                case .mase: value = driftError > 0 ? error / driftError : nil
                case .coverage: value = main?.coverage
                case .width: value = main?.meanWidth
                default: value = nil  // the horizon revenue errors, measured above
                }
            }
            return value.map { (metric, $0) }
        }
        return ForecastMetrics(values: Dictionary(uniqueKeysWithValues: measures), bands: bandMetrics,
                               minutesCompared: known * max(step, 1))
    }
}
