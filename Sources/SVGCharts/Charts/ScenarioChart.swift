/// Baseline forecast against what-if forecasts, with event markers and point annotations.
public struct ScenarioChart: RenderableChart {
    /// The time axis.
    public var axis: TimeAxis
    /// Actual history from index 0 up to the forecasts; may be empty.
    public var actual: [Double]
    /// The forecast without intervention.
    public var baseline: PlotLine
    /// What-if forecasts, drawn in palette order.
    public var scenarios: [PlotLine]
    /// Things that happen at a moment, such as an e-mail campaign.
    public var events: [ChartEvent]
    /// Notes pinned to points.
    public var annotations: [ChartAnnotation]

    /// A scenario comparison chart.
    public init(
        axis: TimeAxis, actual: [Double] = [], baseline: PlotLine, scenarios: [PlotLine],
        events: [ChartEvent] = [], annotations: [ChartAnnotation] = []
    ) {
        self.axis = axis
        self.actual = actual
        self.baseline = baseline
        self.scenarios = scenarios
        self.events = events
        self.annotations = annotations
    }

    /// The chart as SVG.
    public func render(_ options: ChartOptions = ChartOptions()) throws(ChartError) -> SVGDocument {
        try options.validate()
        try axis.validate()
        try baseline.validate("baseline")
        for s in scenarios { try s.validate("scenario") }
        let theme = options.theme, all = [baseline] + scenarios
        var legend: [LegendEntry] = []
        if !actual.isEmpty { legend.append(LegendEntry(label: "actual", color: theme.actual, swatch: .line(dashed: false))) }
        legend.append(LegendEntry(label: baseline.name, color: theme.mutedText, swatch: .line(dashed: true)))
        for (i, s) in scenarios.enumerated() {
            legend.append(LegendEntry(label: s.name, color: theme.color(i), swatch: .line(dashed: false)))
        }
        let end = max(actual.count, all.map(\.end).max() ?? 0)
        let spec = FrameSpec(
            x: axis.extent(from: 0, to: end - 1),
            y: .covering([actual] + all.map(\.values) + [annotations.map(\.value)], title: "cumulative revenue",
                         money: true, includeZero: true),
            y2: nil, legend: legend, kind: "scenario chart",
            summary: "scenario comparison: '\(baseline.name)' against "
                + scenarios.map { "'\($0.name)'" }.joined(separator: ", ")
                + (events.isEmpty ? "" : "; events: " + events.map { "'\($0.label)'" }.joined(separator: ", ")),
            markers: events.map { .init(minute: Double($0.minute), text: $0.label, color: theme.alert) })
        let frame = ChartFrame.make(spec, options: options)
        return frame.document(data: { svg in
            frame.drawLines(&svg, frame.polylines(PlotLine(name: "actual", values: actual), on: axis), color: theme.actual)
            frame.drawLines(&svg, frame.polylines(baseline.continuing(actual), on: axis), color: theme.mutedText, dashed: true)
            for (i, s) in scenarios.enumerated() {
                frame.drawLines(&svg, frame.polylines(s.continuing(actual), on: axis), color: theme.color(i), width: 2.2)
            }
        }, overlay: { svg in
            for note in annotations {
                let point = Point(x: frame.x(Double(note.minute)), y: frame.y(note.value))
                frame.drawAnnotation(&svg, at: point, text: note.text, color: theme.text)
            }
        })
    }
}
