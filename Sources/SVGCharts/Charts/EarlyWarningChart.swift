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

    /// The alert spans, the normal band, the expected line, the actual line and a dot at each
    /// alert on it.
    public func composed(for options: ChartOptions) throws(ChartError) -> Chart {
        try validate()
        let half = Double(axis.stepMinutes) / 2
        let spans = Self.runs(alerts).map { axis.minute(at: $0.lowerBound) - half...axis.minute(at: $0.upperBound) + half }
        let dots = Set(alerts).sorted().filter { $0 < actual.count && actual[$0].isFinite }.map { (axis.minute(at: $0), actual[$0]) }
        var chart = Chart(
            kind: "early-warning chart", yTitle: "revenue", zero: .always,
            summary: "early warning: \(Set(alerts).count) alert minutes in \(actual.count) actual minutes",
            layers: [
                .spans(spans, label: "alert"),
                .band(lower: axis.timed("lower", lower), upper: axis.timed("upper", upper), label: "normal range", paint: .palette(0)),
            ])
        if !expected.isEmpty { chart.add(.line(axis.timed("expected", expected), paint: .palette(0), width: 1.8, dashed: true)) }
        chart.add(.line(axis.timed("actual", actual), paint: .actual))
        chart.add(.dots(dots, paint: .alert, radius: 3))
        return chart
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
