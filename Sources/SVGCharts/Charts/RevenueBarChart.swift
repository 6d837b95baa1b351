/// Revenue per minute as bars, with the running total as a line on a second axis.
public struct RevenueBarChart: RenderableChart {
    /// The time axis.
    public var axis: TimeAxis
    /// Revenue per axis step; NaN counts as no revenue in the running total.
    public var perMinute: [Double]

    /// A bar chart of `perMinute`.
    public init(axis: TimeAxis, perMinute: [Double]) {
        self.axis = axis
        self.perMinute = perMinute
    }

    /// The running total of `perMinute`.
    var cumulative: [Double] {
        perMinute.reduce(into: []) { $0.append(($0.last ?? 0) + ($1.isFinite ? $1 : 0)) }
    }

    /// Bars per step and the running total on the right axis; the summary gives the total in the
    /// options' currency.
    public func composed(for options: ChartOptions) throws(ChartError) -> Chart {
        try axis.validate()
        try PlotLine(name: "revenue", values: perMinute).validate("bar chart")
        let total = cumulative
        let perStep = axis.stepMinutes == 1 ? "per minute" : "per \(axis.stepMinutes) minutes"
        return Chart(
            kind: "bar chart", yTitle: "revenue \(perStep)", y2Title: "cumulative revenue", zero: .always,
            summary: "revenue \(perStep) for \(perMinute.count) steps, total \(options.currency.short(total.last ?? 0))",
            layers: [
                .bars(axis.timed("revenue \(perStep)", perMinute)),
                .line(axis.timed("cumulative (right axis)", total), width: 2.5, side: .right),
            ])
    }
}
