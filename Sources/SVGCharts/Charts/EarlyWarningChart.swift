/// Early warning: the minutes since a forecast was made, actual revenue against its band, zoomed
/// to the values shown, the alert's start marked once and the money gap at the last minute named;
/// with a target, the end-of-sale total expected at each minute against it on the right axis, and
/// the end the latest forecast expects (the one a live status reports) marked at the last minute.
public struct EarlyWarningChart: RenderableChart {
    /// The time axis.
    public var axis: TimeAxis
    /// Actual values from index 0 (the forecast's cutoff, where the band opens) up to now; the
    /// chart shows their span.
    public var actual: [Double]
    /// Expected values from index 0; may be empty.
    public var expected: [Double]
    /// Lower edge of the normal band, from index 0.
    public var lower: [Double]
    /// Upper edge of the normal band, aligned with `lower`.
    public var upper: [Double]
    /// Axis indices of the minutes below the band (counted in the description).
    public var alerts: [Int]
    /// Axis index of the minute the alert fired, marked once; nil when it did not.
    public var alertStart: Int?
    /// The end-of-sale total expected at each actual minute, from index 0; may be empty.
    public var ends: [Double]
    /// The revenue the sale should make by its end, drawn against `ends`.
    public var target: Double?
    /// The end-of-sale total that the forecast made at the last minute expects, marked there against
    /// the target (`ends` comes from the earlier forecast the band belongs to, so it may end elsewhere).
    public var endNow: Double?

    /// An early-warning chart.
    public init(
        axis: TimeAxis, actual: [Double], expected: [Double] = [], lower: [Double], upper: [Double], alerts: [Int],
        alertStart: Int? = nil, ends: [Double] = [], target: Double? = nil, endNow: Double? = nil
    ) {
        self.axis = axis
        self.actual = actual
        self.expected = expected
        self.lower = lower
        self.upper = upper
        self.alerts = alerts
        self.alertStart = alertStart
        self.ends = ends
        self.target = target
        self.endNow = endNow
    }

    /// The normal band and the expected line over the actual span (opening at the first actual
    /// value), the actual line on top, the alert's start, the gap now; the expected end and the
    /// target on the right axis, and the end expected now.
    public func composed(for options: ChartOptions) throws(ChartError) -> Chart {
        try validate()
        let shown = { (values: [Double]) in self.opening(Array(values.prefix(self.actual.count))) }
        var chart = Chart(
            kind: "early-warning chart", yTitle: "revenue", y2Title: target == nil ? "" : "expected end total",
            zero: .never, summary: summary,
            layers: [.band(lower: axis.timed("lower", shown(lower)), upper: axis.timed("upper", shown(upper)),
                           label: "normal range", paint: .palette(0))])
        if !expected.isEmpty {
            chart.add(.line(axis.timed("expected", shown(expected)), paint: .palette(0), width: 1.8, dashed: true))
        }
        chart.add(.line(axis.timed("actual", actual), paint: .actual))
        if let alertStart { chart.add(.rule(minute: axis.minute(at: alertStart), label: "alert", paint: .alert, stamped: true)) }
        if let note = gapNote(options) { chart.add(.notes([note])) }
        if let target, !ends.isEmpty {
            let made = options.timeText(axis.minute(at: 0), origin: axis.minute(at: 0), withDate: false)
            chart.add(.line(axis.timed("expected end total", ends), label: "expected end (\(made) forecast)", paint: .palette(2),
                            width: 1.8, side: .right))
            chart.add(.rule(value: target, label: "target " + options.currency.short(target), paint: .alert, side: .right))
            if let endNow, endNow.isFinite {
                chart.add(.dots([(axis.minute(at: actual.count - 1), endNow)], label: "expected end now " + options.currency.short(endNow),
                                paint: .palette(2), radius: 4.5, onTop: true, side: .right))
            }
        }
        return chart
    }

    private var summary: String {
        "early warning: \(Set(alerts).count) of \(max(actual.count - 1, 0)) minutes below the band"
            + (alertStart.map { ", alert at minute \($0)" } ?? "")
    }

    /// `values` with a missing first value taken from the first actual one: the band and the
    /// expected line open where the forecast was made.
    private func opening(_ values: [Double]) -> [Double] {
        guard let first = values.first, !first.isFinite, let anchor = actual.first else { return values }
        return [anchor] + values.dropFirst()
    }

    /// The money between the expected and the actual total at the last actual minute.
    private func gapNote(_ options: ChartOptions) -> ChartAnnotation? {
        let last = actual.count - 1
        guard last > 0, last < expected.count, expected[last].isFinite, actual[last].isFinite else { return nil }
        let gap = expected[last] - actual[last]
        let words = gap >= 0 ? "below the forecast" : "above the forecast"
        return ChartAnnotation(minute: Int(axis.minute(at: last)), value: actual[last],
                               text: options.currency.short(abs(gap)) + " " + words)
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
        if let alertStart, alertStart < 0 || alertStart >= actual.count {
            throw ChartError("early warning alert start \(alertStart) is outside the actual values")
        }
    }
}
