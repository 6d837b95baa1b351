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

    /// The chart as SVG.
    public func render(_ options: ChartOptions = ChartOptions()) throws(ChartError) -> SVGDocument {
        try options.validate()
        try axis.validate()
        try PlotLine(name: "revenue", values: perMinute).validate("bar chart")
        let theme = options.theme, total = cumulative
        let perStep = axis.stepMinutes == 1 ? "per minute" : "per \(axis.stepMinutes) minutes"
        let spec = FrameSpec(
            x: axis.extent(from: 0, to: perMinute.count),
            y: .covering([perMinute], title: "revenue \(perStep)", money: true, includeZero: true),
            y2: .covering([total], title: "cumulative revenue", money: true, includeZero: true),
            legend: [
                LegendEntry(label: "revenue \(perStep)", color: theme.color(0), swatch: .bar),
                LegendEntry(label: "cumulative (right axis)", color: theme.color(1), swatch: .line(dashed: false)),
            ],
            kind: "bar chart",
            summary: "revenue \(perStep) for \(perMinute.count) steps, total \(options.currency.short(total.last ?? 0))")
        let frame = ChartFrame.make(spec, options: options)
        return frame.document(data: { svg in
            frame.drawBars(&svg, axis: axis, values: perMinute, color: theme.color(0))
            if let y2 = frame.y2 {
                frame.drawLines(&svg, frame.polylines(PlotLine(name: "cumulative", values: total), on: axis, scale: y2),
                                color: theme.color(1), width: 2.5)
            }
        })
    }
}

extension ChartFrame {
    /// One bar per step from `axis.minute(at: i)` to the next step, a little narrower than the step;
    /// when steps are under two pixels wide, each pixel column shows its largest bar instead.
    func drawBars(_ svg: inout SVGWriter, axis: TimeAxis, values: [Double], color: String) {
        let stepWidth = abs(x(axis.minute(at: 1)) - x(axis.minute(at: 0)))
        let zero = y(0)
        var columns: [(left: Double, width: Double, value: Double)] = []
        for (i, v) in values.enumerated() where v.isFinite {
            let left = x(axis.minute(at: i))
            if stepWidth >= 2 {
                columns.append((left + stepWidth * 0.1, stepWidth * 0.8, v))
            } else if let last = columns.last, last.left == left.rounded(.down) {
                if abs(v) > abs(last.value) { columns[columns.count - 1].value = v }
            } else {
                columns.append((left.rounded(.down), 1, v))
            }
        }
        var d = ""
        for column in columns {
            d += "M\(DecimalFormat.coordinate(column.left)) \(DecimalFormat.coordinate(zero))"
            d += "V\(DecimalFormat.coordinate(y(column.value)))h\(DecimalFormat.coordinate(column.width))"
            d += "V\(DecimalFormat.coordinate(zero))Z"
        }
        guard !d.isEmpty else { return }
        svg.element("path", ["d": .string(d), "fill": .string(color), "fill-opacity": .fraction(0.8)])
    }
}
