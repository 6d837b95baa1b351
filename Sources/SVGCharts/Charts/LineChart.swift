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

    /// The chart as SVG.
    public func render(_ options: ChartOptions = ChartOptions()) throws(ChartError) -> SVGDocument {
        try options.validate()
        try axis.validate()
        guard !series.isEmpty else { throw ChartError("line chart needs at least one series") }
        for s in series { try s.validate("series") }
        let first = series.map(\.start).min() ?? 0, end = series.map(\.end).max() ?? 1
        let money = options.currency != .none
        var y = ValueAxis.covering(series.map(\.values), title: money ? "revenue" : "", money: money, includeZero: false)
        if y.lo >= 0 && y.lo < 0.4 * y.hi { y.lo = 0 }  // near-zero data reads best from a zero baseline
        let names = series.map { "'\($0.name)'" }.joined(separator: ", ")
        let spec = FrameSpec(
            x: axis.extent(from: first, to: end - 1), y: y, y2: nil,
            legend: series.enumerated().map {
                LegendEntry(label: $0.element.name, color: options.theme.color($0.offset),
                            swatch: .line(dashed: options.theme.dashed($0.offset)))
            },
            kind: "line chart", summary: "line chart of \(series.count) series (\(names))")
        let frame = ChartFrame.make(spec, options: options)
        return frame.document(data: { svg in
            for (i, s) in series.enumerated() {
                frame.drawLines(&svg, frame.polylines(s, on: axis), color: options.theme.color(i), dashed: options.theme.dashed(i))
            }
        })
    }
}

extension TimeAxis {
    /// The frame's horizontal axis from index `first` to index `last`.
    func extent(from first: Int, to last: Int) -> FrameSpec.XAxis {
        .time(start: minute(at: first), end: minute(at: max(last, first + 1)))
    }
}
