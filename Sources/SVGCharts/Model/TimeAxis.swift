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

/// A named run of values on a time axis, starting at axis index `start`; NaN marks a gap.
public struct Series: Sendable, Equatable {
    /// Legend label.
    public var name: String
    /// One value per axis step.
    public var values: [Double]
    /// The axis index of `values[0]`.
    public var start: Int

    /// A series named `name` whose first value sits at axis index `start`.
    public init(name: String, values: [Double], start: Int = 0) {
        self.name = name
        self.values = values
        self.start = start
    }

    /// The axis index just past the last value.
    var end: Int { start + values.count }

    /// (axis index, value) pairs.
    var indexed: [(Int, Double)] { values.enumerated().map { (start + $0.offset, $0.element) } }

    func validate(_ what: String) throws(ChartError) {
        guard !values.isEmpty else { throw ChartError("\(what) '\(name)' has no values") }
        guard start >= 0 else { throw ChartError("\(what) '\(name)' starts at a negative index") }
        guard values.contains(where: \.isFinite) else {
            throw ChartError("\(what) '\(name)' has no finite values")
        }
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
