/// Actual cumulative revenue with the forecast from the cutoff, its interval band and a "now"
/// marker (the paper's Figure 4).
public struct ForecastChart: RenderableChart {
    /// The time axis shared by actuals and forecast.
    public var axis: TimeAxis
    /// Actual cumulative revenue from index 0; it may run past the cutoff (for hindsight).
    public var actual: [Double]
    /// Axis index of the first forecast value; the index before it is the forecast's "now" (the
    /// last observed minute), where the marker stands.
    public var cutoff: Int
    /// Forecast mean from `cutoff` on.
    public var mean: [Double]
    /// Lower interval bound, aligned with `mean`.
    public var lower: [Double]
    /// Upper interval bound, aligned with `mean`.
    public var upper: [Double]
    /// Legend text of the band.
    public var intervalLabel: String
    /// Bands at other levels (a 50% and a 95% band beside the 80% one), drawn with it, nested: where
    /// bands overlap their shading adds up, so the inner band is the darkest.
    public var otherBands: [Band]

    /// An interval band aligned with `mean`, and its legend text.
    public struct Band: Sendable, Equatable {
        /// Lower bound, aligned with `mean`.
        public var lower: [Double]
        /// Upper bound, aligned with `mean`.
        public var upper: [Double]
        /// Legend text (`95% interval`).
        public var label: String

        /// A band from its bounds.
        public init(lower: [Double], upper: [Double], label: String) {
            self.lower = lower
            self.upper = upper
            self.label = label
        }
    }

    /// A forecast chart; `lower` and `upper` may be empty for no band.
    public init(
        axis: TimeAxis, actual: [Double], cutoff: Int, mean: [Double], lower: [Double] = [], upper: [Double] = [],
        intervalLabel: String = "80% interval", otherBands: [Band] = []
    ) {
        self.axis = axis
        self.actual = actual
        self.cutoff = cutoff
        self.mean = mean
        self.lower = lower
        self.upper = upper
        self.intervalLabel = intervalLabel
        self.otherBands = otherBands
    }

    /// Every band, widest first (the drawing order): the main one and `otherBands`.
    private var bandsWidestFirst: [Band] {
        let all = (lower.isEmpty ? [] : [Band(lower: lower, upper: upper, label: intervalLabel)]) + otherBands
        let width = { (band: Band) in zip(band.upper, band.lower).reduce(0) { $0 + ($1.0 - $1.1) } }
        return all.sorted { width($0) > width($1) }
    }

    /// The bands (narrowest first), the actual curve, the forecast continuing it and "now".
    public func composed(for options: ChartOptions) throws(ChartError) -> Chart {
        try validate()
        let now = axis.minute(at: max(cutoff - 1, 0))
        let widestFirst = bandsWidestFirst
        let bands = widestFirst.enumerated().reversed().map { index, band -> Layer in
            .nestedBand(lower: axis.timed(joinedForecast(band.lower)), upper: axis.timed(joinedForecast(band.upper)),
                        label: band.label, paint: .palette(0), overlapping: index + 1)
        }
        return Chart(
            kind: "forecast chart", yTitle: "cumulative revenue", zero: .always,
            summary: "forecast chart: actual cumulative revenue for \(actual.count) minutes, "
                + "forecast of \(mean.count) minutes from the cutoff",
            layers: bands + [
                .line(axis.timed("actual", actual), paint: .actual),
                .line(axis.timed(joinedForecast(mean)), paint: .palette(0), width: 2.2, dashed: true),
                .rule(minute: now, label: "now", stamped: true),
            ])
    }

    /// `values` (aligned with `mean`) as a series continuing the actual curve.
    private func joinedForecast(_ values: [Double]) -> PlotLine {
        PlotLine(name: "forecast", values: values, start: cutoff).continuing(actual)
    }

    private func validate() throws(ChartError) {
        try axis.validate()
        guard !mean.isEmpty else { throw ChartError("forecast 'mean' has no values") }
        guard cutoff >= 0, cutoff <= actual.count else {
            throw ChartError("forecast cutoff \(cutoff) is outside the \(actual.count) actual values")
        }
        guard lower.count == upper.count else {
            throw ChartError("forecast 'lower' has \(lower.count) values but 'upper' has \(upper.count)")
        }
        guard lower.isEmpty || lower.count == mean.count else {
            throw ChartError("forecast 'lower' and 'upper' have \(lower.count) values but 'mean' has \(mean.count)")
        }
        for band in otherBands where band.lower.count != mean.count || band.upper.count != mean.count {
            throw ChartError("forecast band '\(band.label)' has \(band.lower.count) and \(band.upper.count) values but 'mean' has \(mean.count)")
        }
    }
}
