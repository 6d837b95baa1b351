/// Several time series as lines on one time axis, with a legend.
public struct LineChart: RenderableChart {
    /// The shared time axis.
    public var axis: TimeAxis
    /// The lines, drawn in palette order.
    public var series: [PlotLine]

    /// A line chart of `series` on `axis`.
    public init(axis: TimeAxis, series: [PlotLine]) {
        self.axis = axis
        self.series = series
    }

    /// The lines in palette order; the value axis starts near the data and is titled `revenue`
    /// when the options carry a currency.
    public func composed(for options: ChartOptions) throws(ChartError) -> Chart {
        try axis.validate()
        guard !series.isEmpty else { throw ChartError("line chart needs at least one series") }
        for s in series { try s.validate("series") }
        let names = series.map { "'\($0.name)'" }.joined(separator: ", ")
        return Chart(kind: "line chart", yTitle: options.currency != .none ? "revenue" : "", zero: .near,
                     summary: "line chart of \(series.count) series (\(names))",
                     layers: series.map { .line(axis.timed($0)) })
    }
}
