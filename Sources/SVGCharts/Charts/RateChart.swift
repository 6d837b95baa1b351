/// Revenue per step (5, 15, 60 minutes): the actual steps, the forecast rate after "now" with
/// its band, and the events, so a campaign or an outage shows as a change of pace.
///
/// Each value sits at the last minute of its step (the value at 12:00 is the revenue of the
/// step ending with the minute 12:00), so the last actual step ends at "now".
public struct RateChart: RenderableChart {
    /// Revenue per step.
    public var actual: TimedSeries
    /// The forecast revenue per step, on the same steps after the actual ones; nil for none.
    public var forecast: TimedSeries?
    /// Lower edge of the forecast's band, aligned with `forecast`; empty for none.
    public var lower: [Double]
    /// Upper edge of the forecast's band, aligned with `forecast`.
    public var upper: [Double]
    /// Legend text of the band.
    public var bandLabel: String
    /// The epoch minute marked "now" (the last observed minute); nil for no marker.
    public var now: Int?
    /// Moments to mark, such as an e-mail.
    public var events: [ChartEvent]

    /// A rate chart; `lower` and `upper` may be empty for no band.
    public init(
        actual: TimedSeries, forecast: TimedSeries? = nil, lower: [Double] = [], upper: [Double] = [],
        bandLabel: String = "range", now: Int? = nil, events: [ChartEvent] = []
    ) {
        self.actual = actual
        self.forecast = forecast
        self.lower = lower
        self.upper = upper
        self.bandLabel = bandLabel
        self.now = now
        self.events = events
    }

    /// The band, the actual line, the forecast continuing it, "now" and the events.
    public func composed(for options: ChartOptions) throws(ChartError) -> Chart {
        try validate()
        let step = actual.stepMinutes
        let perStep = step == 1 ? "revenue per minute" : "revenue per \(step) minutes"
        var chart = Chart(
            kind: "rate chart", yTitle: perStep, zero: .always,
            summary: "\(perStep): \(actual.values.count) actual steps" + (forecast.map { ", forecast for \($0.values.count) steps" } ?? ""))
        if let forecast, !lower.isEmpty {
            chart.add(.band(lower: continuing(forecast, lower), upper: continuing(forecast, upper), label: bandLabel, paint: .palette(0)))
        }
        chart.add(.line(actual, label: "actual", paint: .actual))
        if let forecast {
            chart.add(.line(continuing(forecast, forecast.values), label: "forecast", paint: .palette(0), width: 2.2, dashed: true))
        }
        if let now { chart.add(.rule(minute: Double(now), label: "now", stamped: true)) }
        chart.add(.events(events))
        return chart
    }

    /// `values` (aligned with the forecast) with the last actual step before them, so the forecast
    /// and its band visibly continue the actual line.
    private func continuing(_ forecast: TimedSeries, _ values: [Double]) -> TimedSeries {
        let before = forecast.startMinute - forecast.stepMinutes
        let index = (before - actual.startMinute) / max(step, 1)
        guard before >= actual.startMinute, (before - actual.startMinute) % max(step, 1) == 0,
              index < actual.values.count, actual.values[index].isFinite else {
            return TimedSeries(name: forecast.name, startMinute: forecast.startMinute, stepMinutes: forecast.stepMinutes, values: values)
        }
        return TimedSeries(name: forecast.name, startMinute: before, stepMinutes: forecast.stepMinutes, values: [actual.values[index]] + values)
    }

    private var step: Int { actual.stepMinutes }

    private func validate() throws(ChartError) {
        guard step > 0 else { throw ChartError("rate 'actual' step must be a positive number of minutes") }
        try PlotLine(name: "actual", values: actual.values).validate("rate")
        guard let forecast else {
            guard lower.isEmpty && upper.isEmpty else { throw ChartError("rate band needs a 'forecast'") }
            return
        }
        guard forecast.stepMinutes == step else {
            throw ChartError("rate 'forecast' has a \(forecast.stepMinutes)-minute step but 'actual' has \(step)")
        }
        guard lower.count == upper.count, lower.isEmpty || lower.count == forecast.values.count else {
            throw ChartError("rate 'lower' and 'upper' have \(lower.count) and \(upper.count) values but 'forecast' has \(forecast.values.count)")
        }
    }
}
