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

    /// The chart as SVG.
    public func render(_ options: ChartOptions = ChartOptions()) throws(ChartError) -> SVGDocument {
        try options.validate()
        try validate()
        let theme = options.theme
        let forecast = joinedForecast(mean)
        let now = axis.minute(at: max(cutoff - 1, 0))
        var legend = [
            LegendEntry(label: "actual", color: theme.actual, swatch: .line(dashed: false)),
            LegendEntry(label: "forecast", color: theme.color(0), swatch: .line(dashed: true)),
        ]
        let bands = bandsWidestFirst
        legend += bands.reversed().map { LegendEntry(label: $0.label, color: theme.color(0), swatch: .area) }
        let last = max(actual.count, cutoff + mean.count) - 1
        let spansDays = axis.minute(at: last) - axis.minute(at: 0) > 1440
        let spec = FrameSpec(
            x: axis.extent(from: 0, to: last),
            y: .covering([actual, mean] + bands.flatMap { [$0.lower, $0.upper] }, title: "cumulative revenue", money: true, includeZero: true),
            y2: nil, legend: legend, kind: "forecast chart",
            summary: "forecast chart: actual cumulative revenue for \(actual.count) minutes, "
                + "forecast of \(mean.count) minutes from the cutoff",
            markers: [.init(minute: now, text: "now " + options.timeText(now, origin: axis.minute(at: 0), withDate: spansDays), color: theme.mutedText)])
        let frame = ChartFrame.make(spec, options: options)
        return frame.document(data: { svg in
            for band in bands {
                frame.drawBand(&svg, axis: axis, start: forecast.start, lower: joinedForecast(band.lower).values,
                               upper: joinedForecast(band.upper).values, color: theme.color(0))
            }
            frame.drawLines(&svg, frame.polylines(PlotLine(name: "actual", values: actual), on: axis), color: theme.actual)
            frame.drawLines(&svg, frame.polylines(forecast, on: axis), color: theme.color(0), width: 2.2, dashed: true)
        })
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
