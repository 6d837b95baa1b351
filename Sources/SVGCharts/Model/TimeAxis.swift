/// A regular time axis: the epoch minute of the first point and the minutes between points.
public struct TimeAxis: Sendable, Equatable {
    /// Minutes since 1970-01-01 00:00 UTC of index 0.
    public var startMinute: Int
    /// Minutes between consecutive indices.
    public var stepMinutes: Int

    /// An axis starting at `startMinute` with one point every `stepMinutes` minutes.
    public init(startMinute: Int, stepMinutes: Int = 1) {
        self.startMinute = startMinute
        self.stepMinutes = stepMinutes
    }

    /// The epoch minute of `index`.
    public func minute(at index: Int) -> Double {
        Double(startMinute) + Double(index) * Double(stepMinutes)
    }

    func validate() throws(ChartError) {
        guard stepMinutes > 0 else { throw ChartError("time axis step must be a positive number of minutes") }
    }
}

extension [Double] {
    /// The smallest and largest finite values, if any.
    var finiteExtent: (Double, Double)? {
        var lo = Double.infinity, hi = -Double.infinity
        for v in self where v.isFinite {
            lo = Swift.min(lo, v)
            hi = Swift.max(hi, v)
        }
        return lo <= hi ? (lo, hi) : nil
    }
}

extension TimeAxis {
    /// `values` as a series on the clock whose first value sits at axis index `index`.
    func timed(_ name: String, _ values: [Double], from index: Int = 0) -> TimedSeries {
        TimedSeries(name: name, startMinute: startMinute + index * stepMinutes, stepMinutes: stepMinutes, values: values)
    }

    /// `line` on the clock.
    func timed(_ line: PlotLine) -> TimedSeries { timed(line.name, line.values, from: line.start) }
}
