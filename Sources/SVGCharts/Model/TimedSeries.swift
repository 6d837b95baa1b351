/// Values on the clock: a name, the epoch minute of the first value, the minutes between values.
///
/// The entry point for callers holding domain series (a per-minute revenue series, a forecast
/// starting the minute after its cutoff): charts built from `TimedSeries` work out their shared
/// time axis themselves, so nobody converts minutes to axis indices by hand.
public struct TimedSeries: Sendable, Equatable {
    /// Legend label.
    public var name: String
    /// Minutes since 1970-01-01 00:00 UTC of `values[0]`.
    public var startMinute: Int
    /// Minutes between consecutive values.
    public var stepMinutes: Int
    /// The values, oldest first; NaN marks a gap.
    public var values: [Double]

    /// A series whose first value belongs to epoch minute `startMinute`.
    public init(name: String = "", startMinute: Int, stepMinutes: Int = 1, values: [Double]) {
        self.name = name
        self.startMinute = startMinute
        self.stepMinutes = stepMinutes
        self.values = values
    }
}

extension TimeAxis {
    /// The axis on which all of `series` lie: their common step, starting at the earliest start.
    /// Throws when steps differ or a start falls between two steps of the axis.
    static func common(_ series: [TimedSeries]) throws(ChartError) -> TimeAxis {
        guard let first = series.first else { throw ChartError("chart has no series") }
        let step = first.stepMinutes
        guard step > 0 else { throw ChartError("series '\(first.name)' step must be a positive number of minutes") }
        let start = series.map(\.startMinute).min() ?? first.startMinute
        let values = series.reduce(0) { $0 + $1.values.count }
        let positions = values > maximumPoints - maximumGap ? maximumPoints : values + maximumGap
        for s in series {
            guard s.stepMinutes == step else {
                throw ChartError("series '\(s.name)' has a \(s.stepMinutes)-minute step but '\(first.name)' has \(step)")
            }
            let (offset, overflow) = s.startMinute.subtractingReportingOverflow(start)
            guard !overflow, offset / step <= positions - s.values.count else {
                throw ChartError("series '\(s.name)' ends more than \(positions) steps after the chart's start "
                                 + "(the series' \(values) values and at most \(maximumGap) steps without any)")
            }
            guard offset % step == 0 else {
                throw ChartError("series '\(s.name)' starts between the \(step)-minute steps of the other series")
            }
            let (span, spanOverflow) = (offset / step + s.values.count).multipliedReportingOverflow(by: step)
            guard (-minuteLimit...minuteLimit).contains(start), !spanOverflow, span <= minuteLimit else {
                throw ChartError("series '\(s.name)' reaches beyond 1e15 seconds from 1970")
            }
        }
        return TimeAxis(startMinute: start, stepMinutes: step)
    }

    /// The most positions a time axis holds (a chart draws at most a few thousand of them).
    static let maximumPoints = 100_000_000
    /// The most positions without a value an axis may hold beyond its series' values (two years of
    /// minutes): charts that align series pad them to the axis, so a far-off start would cost
    /// memory for nothing drawn.
    static let maximumGap = 1_000_000
    /// The farthest minute from the epoch an axis may reach (1e15 seconds, as series do).
    static let minuteLimit = 1_000_000_000_000_000 / 60

    /// The axis index of `series`' first value (the series must lie on this axis).
    func index(of series: TimedSeries) -> Int {
        (series.startMinute - startMinute) / stepMinutes
    }

    /// `series` as a chart `PlotLine` positioned on this axis.
    func placed(_ series: TimedSeries) -> PlotLine {
        PlotLine(name: series.name, values: series.values, start: index(of: series))
    }

    /// `series`' values from axis index 0, with NaN gaps before its start.
    func fromZero(_ series: TimedSeries) -> [Double] {
        [Double](repeating: .nan, count: index(of: series)) + series.values
    }
}
