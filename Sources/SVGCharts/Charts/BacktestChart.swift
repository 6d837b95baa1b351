/// A rolling back-test: the actual curve with every forecast piece drawn over it, each starting
/// from a dot at its cutoff (the paper's Figure 5).
public struct BacktestChart: RenderableChart {
    /// The time axis.
    public var axis: TimeAxis
    /// The actual (cumulative) curve from index 0.
    public var actual: [Double]
    /// The forecasts, each starting at its own cutoff index (`PlotLine.start`).
    public var pieces: [PlotLine]

    /// A back-test chart of `pieces` over `actual`.
    public init(axis: TimeAxis, actual: [Double], pieces: [PlotLine]) {
        self.axis = axis
        self.actual = actual
        self.pieces = pieces
    }

    /// The chart as SVG.
    public func render(_ options: ChartOptions = ChartOptions()) throws(ChartError) -> SVGDocument {
        try options.validate()
        try axis.validate()
        try PlotLine(name: "actual", values: actual).validate("back-test")
        guard !pieces.isEmpty else { throw ChartError("back-test has no forecast pieces") }
        for (i, piece) in pieces.enumerated() {
            try PlotLine(name: "piece \(i + 1)", values: piece.values, start: piece.start).validate("back-test")
        }
        let theme = options.theme
        let end = max(actual.count, pieces.map(\.end).max() ?? 0)
        let spec = FrameSpec(
            x: axis.extent(from: 0, to: end - 1),
            y: .covering([actual] + pieces.map(\.values), title: "cumulative revenue", money: true, includeZero: true),
            y2: nil,
            legend: [
                LegendEntry(label: "actual", color: theme.actual, swatch: .thickLine),
                LegendEntry(label: "forecast pieces", color: theme.color(0), swatch: .line(dashed: false)),
                LegendEntry(label: "forecast start", color: theme.color(0), swatch: .dot),
            ],
            kind: "back-test chart",
            summary: "rolling back-test: \(pieces.count) forecast pieces over \(actual.count) actual minutes")
        let frame = ChartFrame.make(spec, options: options)
        return frame.document(data: { svg in
            let actualLines = frame.polylines(PlotLine(name: "actual", values: actual), on: axis)
            frame.drawLines(&svg, actualLines, color: theme.actual, width: 3)
            for piece in pieces {
                let lines = frame.polylines(piece, on: axis)
                frame.drawLines(&svg, lines, color: theme.color(0), width: 1.8)
                if let start = lines.first?.first { frame.drawDot(&svg, start, color: theme.color(0)) }
            }
        })
    }
}
