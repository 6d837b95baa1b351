/// Early warning: actual revenue against its expected band, with the alert minutes highlighted.
public struct EarlyWarningChart: RenderableChart {
    /// The time axis.
    public var axis: TimeAxis
    /// Actual values from index 0 (usually up to now).
    public var actual: [Double]
    /// Expected values from index 0; may be empty.
    public var expected: [Double]
    /// Lower edge of the normal band, from index 0.
    public var lower: [Double]
    /// Upper edge of the normal band, aligned with `lower`.
    public var upper: [Double]
    /// Axis indices of the minutes that raised an alert.
    public var alerts: [Int]

    /// An early-warning chart.
    public init(
        axis: TimeAxis, actual: [Double], expected: [Double] = [], lower: [Double], upper: [Double], alerts: [Int]
    ) {
        self.axis = axis
        self.actual = actual
        self.expected = expected
        self.lower = lower
        self.upper = upper
        self.alerts = alerts
    }

    /// The chart as SVG.
    public func render(_ options: ChartOptions = ChartOptions()) throws(ChartError) -> SVGDocument {
        try options.validate()
        try validate()
        let theme = options.theme
        let alertSet = Set(alerts)
        let spec = FrameSpec(
            x: axis.extent(from: 0, to: max(actual.count, lower.count, expected.count) - 1),
            y: .covering([actual, expected, lower, upper], title: "revenue", money: true, includeZero: true),
            y2: nil,
            legend: [
                LegendEntry(label: "actual", color: theme.actual, swatch: .line(dashed: false)),
                LegendEntry(label: "expected", color: theme.color(0), swatch: .line(dashed: true)),
                LegendEntry(label: "normal range", color: theme.color(0), swatch: .area),
                LegendEntry(label: "alert", color: theme.alert, swatch: .span),
            ].filter { expected.isEmpty ? $0.label != "expected" : true },
            kind: "early-warning chart",
            summary: "early warning: \(alertSet.count) alert minutes in \(actual.count) actual minutes")
        let frame = ChartFrame.make(spec, options: options)
        return frame.document(data: { svg in
            drawAlertSpans(&svg, frame: frame, color: theme.alert)
            frame.drawBand(&svg, axis: axis, start: 0, lower: lower, upper: upper, color: theme.color(0))
            frame.drawLines(&svg, frame.polylines(PlotLine(name: "expected", values: expected), on: axis),
                            color: theme.color(0), width: 1.8, dashed: true)
            frame.drawLines(&svg, frame.polylines(PlotLine(name: "actual", values: actual), on: axis), color: theme.actual)
            for i in alertSet.sorted() where i < actual.count && actual[i].isFinite {
                frame.drawDot(&svg, Point(x: frame.x(axis.minute(at: i)), y: frame.y(actual[i])), color: theme.alert, radius: 3)
            }
        })
    }

    /// Runs of consecutive alert indices as shaded columns, half a step either side.
    private func drawAlertSpans(_ svg: inout SVGWriter, frame: ChartFrame, color: String) {
        var d = ""
        for run in Self.runs(alerts) {
            let left = frame.x(axis.minute(at: run.lowerBound) - Double(axis.stepMinutes) / 2)
            let right = frame.x(axis.minute(at: run.upperBound) + Double(axis.stepMinutes) / 2)
            d += "M\(DecimalFormat.coordinate(left)) \(DecimalFormat.coordinate(frame.plot.y))"
            d += "H\(DecimalFormat.coordinate(max(right, left + 1.5)))V\(DecimalFormat.coordinate(frame.plot.maxY))"
            d += "H\(DecimalFormat.coordinate(left))Z"
        }
        guard !d.isEmpty else { return }
        svg.element("path", ["d": .string(d), "fill": .string(color), "fill-opacity": .fraction(ChartFrame.spanOpacity)])
    }

    /// Sorted, de-duplicated indices grouped into runs of consecutive values.
    static func runs(_ indices: [Int]) -> [ClosedRange<Int>] {
        var runs: [ClosedRange<Int>] = []
        for i in Set(indices).sorted() {
            if let last = runs.last, last.upperBound + 1 == i {
                runs[runs.count - 1] = last.lowerBound...i
            } else {
                runs.append(i...i)
            }
        }
        return runs
    }

    private func validate() throws(ChartError) {
        try axis.validate()
        try PlotLine(name: "actual", values: actual).validate("early warning")
        guard lower.count == upper.count else {
            throw ChartError("early warning 'lower' has \(lower.count) values but 'upper' has \(upper.count)")
        }
        if let bad = alerts.first(where: { $0 < 0 || $0 >= max(actual.count, lower.count) }) {
            throw ChartError("early warning alert index \(bad) is outside the data")
        }
    }
}
