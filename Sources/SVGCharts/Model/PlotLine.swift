/// A line to plot: a named run of values on a time axis, starting at axis index `start`; NaN marks a gap.
public struct PlotLine: Sendable, Equatable {
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
