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

    /// The actual curve, the pieces over it and a dot where each starts.
    public func composed(for options: ChartOptions) throws(ChartError) -> Chart {
        try axis.validate()
        try PlotLine(name: "actual", values: actual).validate("back-test")
        guard !pieces.isEmpty else { throw ChartError("back-test has no forecast pieces") }
        for (i, piece) in pieces.enumerated() {
            try PlotLine(name: "piece \(i + 1)", values: piece.values, start: piece.start).validate("back-test")
        }
        let starts = pieces.compactMap { piece in
            piece.values.firstIndex(where: \.isFinite).map { (axis.minute(at: piece.start + $0), piece.values[$0]) }
        }
        return Chart(
            kind: "back-test chart", yTitle: "cumulative revenue", zero: .always,
            summary: "rolling back-test: \(pieces.count) forecast pieces over \(actual.count) actual minutes",
            layers: [
                .line(axis.timed("actual", actual), paint: .actual, width: 3),
                .lines(pieces.map(axis.timed), label: "forecast pieces", paint: .palette(0), width: 1.8),
                .dots(starts, label: "forecast start", paint: .palette(0)),
            ])
    }
}
