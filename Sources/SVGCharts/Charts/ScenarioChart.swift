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
    /// The baseline's band (lower and upper bounds aligned with it), shaded behind the lines; may be nil.
    public var band: (lower: [Double], upper: [Double], label: String)?
    /// Each scenario's band (bounds aligned with the scenario of the same index; may be shorter
    /// than `scenarios`), shaded lightly in the scenario's colour behind the lines.
    public var scenarioBands: [(lower: [Double], upper: [Double])]
    /// The revenue to reach by the end, drawn as a line; may be nil.
    public var target: Double?

    /// A scenario comparison chart.
    public init(
        axis: TimeAxis, actual: [Double] = [], baseline: PlotLine, scenarios: [PlotLine],
        events: [ChartEvent] = [], annotations: [ChartAnnotation] = [],
        band: (lower: [Double], upper: [Double], label: String)? = nil,
        scenarioBands: [(lower: [Double], upper: [Double])] = [], target: Double? = nil
    ) {
        self.axis = axis
        self.actual = actual
        self.baseline = baseline
        self.scenarios = scenarios
        self.events = events
        self.annotations = annotations
        self.band = band
        self.scenarioBands = scenarioBands
        self.target = target
    }

    /// The baseline's band, each scenario's band (lighter the more there are, so overlaps stay
    /// readable, its edges thin dashed lines in its colour), the actual curve, the baseline dashed, each scenario continuing the actual curve,
    /// the target, the events and the notes; the value axis starts near the data, so the
    /// scenarios' differences show.
    public func composed(for options: ChartOptions) throws(ChartError) -> Chart {
        try axis.validate()
        try baseline.validate("baseline")
        for s in scenarios { try s.validate("scenario") }
        var chart = Chart(
            kind: "scenario chart", yTitle: "cumulative revenue", zero: .never,
            summary: "scenario comparison: '\(baseline.name)' against "
                + scenarios.map { "'\($0.name)'" }.joined(separator: ", ")
                + (events.isEmpty ? "" : "; events: " + events.map { "'\($0.label)'" }.joined(separator: ", ")))
        if let band, band.lower.count == baseline.values.count, band.upper.count == baseline.values.count {
            let edge = { (values: [Double]) in axis.timed(PlotLine(name: band.label, values: values, start: baseline.start).continuing(actual)) }
            chart.add(.band(lower: edge(band.lower), upper: edge(band.upper), label: band.label, paint: .muted))
        }
        let shaded = zip(scenarios, scenarioBands).enumerated().filter { _, pair in
            pair.1.lower.count == pair.0.values.count && pair.1.upper.count == pair.0.values.count
        }
        for (i, (scenario, bounds)) in shaded {
            let edge = { (values: [Double]) in axis.timed(PlotLine(name: scenario.name, values: values, start: scenario.start).continuing(actual)) }
            chart.add(.band(lower: edge(bounds.lower), upper: edge(bounds.upper), paint: .palette(i),
                            opacity: Self.scenarioBandOpacity(count: shaded.count)))
            chart.add(.lines([edge(bounds.lower), edge(bounds.upper)], label: "", paint: .palette(i), width: 0.8, dashed: true))
        }
        if !actual.isEmpty { chart.add(.line(axis.timed("actual", actual), paint: .actual)) }
        chart.add(.line(axis.timed(baseline.continuing(actual)), paint: .muted, dashed: true))
        for (i, s) in scenarios.enumerated() {
            chart.add(.line(axis.timed(s.continuing(actual)), paint: .palette(i), width: 2.2, dashed: false))
        }
        if let target { chart.add(.rule(value: target, label: "target", paint: .alert)) }
        chart.add(.events(events))
        chart.add(.notes(annotations))
        return chart
    }

    /// The fill opacity of each scenario's band: light enough that where several overlap the lines
    /// and the baseline's band still show.
    static func scenarioBandOpacity(count: Int) -> Double {
        Swift.max(0.06, 0.16 / Double(Swift.max(count, 1)).squareRoot())
    }
}
