/// Every chart kind built from values on the clock (`TimedSeries`): the shared axis starts at the
/// earliest series and every series lands at its own minute.
extension LineChart {
    /// Lines from timed series sharing one step.
    public init(timed series: [TimedSeries]) throws(ChartError) {
        let axis = try TimeAxis.common(series)
        self.init(axis: axis, series: series.map(axis.placed))
    }
}

extension ForecastChart {
    /// Actual cumulative revenue and the forecast starting at its own minute (the minute after the
    /// cutoff), with its band aligned with `mean`; the "now" marker goes at the cutoff, the last
    /// observed minute before the forecast starts.
    public init(
        actual: TimedSeries, mean: TimedSeries, lower: [Double] = [], upper: [Double] = [],
        intervalLabel: String = "80% interval", otherBands: [Band] = []
    ) throws(ChartError) {
        let axis = try TimeAxis.common([actual, mean])
        let cutoff = axis.index(of: mean)
        var values = axis.fromZero(actual)
        if values.count < cutoff { values += [Double](repeating: .nan, count: cutoff - values.count) }
        self.init(axis: axis, actual: values, cutoff: cutoff, mean: mean.values, lower: lower, upper: upper,
                  intervalLabel: intervalLabel, otherBands: otherBands)
    }
}

extension BacktestChart {
    /// The actual curve with every forecast piece starting at its own minute.
    public init(actual: TimedSeries, pieces: [TimedSeries]) throws(ChartError) {
        let axis = try TimeAxis.common([actual] + pieces)
        self.init(axis: axis, actual: axis.fromZero(actual), pieces: pieces.map(axis.placed))
    }
}

extension RevenueBarChart {
    /// Bars of revenue per step from the series' start.
    public init(perMinute: TimedSeries) throws(ChartError) {
        let axis = try TimeAxis.common([perMinute])
        self.init(axis: axis, perMinute: perMinute.values)
    }
}

extension ScenarioChart {
    /// Baseline and what-if forecasts after the actual history, each at its own minute; event and
    /// annotation minutes are epoch minutes as always.
    public init(
        actual: TimedSeries?, baseline: TimedSeries, scenarios: [TimedSeries],
        events: [ChartEvent] = [], annotations: [ChartAnnotation] = [],
        band: (lower: [Double], upper: [Double], label: String)? = nil,
        scenarioBands: [(lower: [Double], upper: [Double])] = [], target: Double? = nil
    ) throws(ChartError) {
        let axis = try TimeAxis.common((actual.map { [$0] } ?? []) + [baseline] + scenarios)
        self.init(axis: axis, actual: actual.map(axis.fromZero) ?? [], baseline: axis.placed(baseline),
                  scenarios: scenarios.map(axis.placed), events: events, annotations: annotations, band: band,
                  scenarioBands: scenarioBands, target: target)
    }
}

extension EarlyWarningChart {
    /// Actual values against the band (and the expected values, if given), with the minutes below
    /// it, the alert's start and the expected end total (against `target`, with the end expected now)
    /// at epoch minutes.
    public init(
        actual: TimedSeries, expected: TimedSeries? = nil, lower: TimedSeries, upper: TimedSeries, alertMinutes: [Int],
        alertStart: Int? = nil, ends: TimedSeries? = nil, target: Double? = nil, endNow: Double? = nil
    ) throws(ChartError) {
        let axis = try TimeAxis.common([actual, lower, upper] + (expected.map { [$0] } ?? []) + (ends.map { [$0] } ?? []))
        let index = { (minute: Int) -> Int? in
            let offset = minute - axis.startMinute
            return offset >= 0 ? offset / axis.stepMinutes : nil
        }
        self.init(axis: axis, actual: axis.fromZero(actual), expected: expected.map(axis.fromZero) ?? [],
                  lower: axis.fromZero(lower), upper: axis.fromZero(upper), alerts: alertMinutes.compactMap(index),
                  alertStart: alertStart.flatMap(index), ends: ends.map(axis.fromZero) ?? [], target: target, endNow: endNow)
    }
}
