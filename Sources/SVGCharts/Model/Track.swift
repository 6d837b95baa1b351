/// Regularly spaced values along the horizontal axis: value `i` sits at `start + i * step`
/// (epoch minutes on time axes, plain numbers such as epochs otherwise); NaN marks a gap.
struct Track: Sendable, Equatable {
    var start: Double
    var step: Double
    var values: [Double]

    /// `series` at its minutes.
    init(_ series: TimedSeries) {
        self.init(start: Double(series.startMinute), step: Double(series.stepMinutes), values: series.values)
    }

    init(start: Double, step: Double, values: [Double]) {
        self.start = start
        self.step = step
        self.values = values
    }

    /// The position of value `i`.
    func x(_ i: Int) -> Double { start + Double(i) * step }

    /// Every value's position.
    var xs: [Double] { values.indices.map(x) }

    /// First to last position, whatever the values; nil when there are none.
    var extent: ClosedRange<Double>? { values.isEmpty ? nil : start...x(values.count - 1) }

    /// The smallest and largest finite values at positions inside `window` (all when nil).
    func valueExtent(in window: ClosedRange<Double>?) -> (Double, Double)? {
        guard let window else { return values.finiteExtent }
        return indices(in: window).map { Array(values[$0]) }?.finiteExtent
    }

    /// The indices whose positions fall inside `window`, if any.
    func indices(in window: ClosedRange<Double>) -> Range<Int>? {
        guard step > 0, !values.isEmpty else { return nil }
        let first = max(0, index(at: window.lowerBound, rounded: .up))
        let last = min(values.count - 1, index(at: window.upperBound, rounded: .down))
        return first <= last ? first..<(last + 1) : nil
    }

    /// The index at position `x`, rounded, kept within one past either end (so far-off windows cannot overflow).
    private func index(at x: Double, rounded rule: FloatingPointRoundingRule) -> Int {
        let position = ((x - start) / step).rounded(rule)
        guard !position.isNaN else { return -1 }
        return Int(min(max(position, -1), Double(values.count)))
    }

    /// The values inside `window` and one either side, so lines run on to the plot's edges.
    func clipped(to window: ClosedRange<Double>) -> Track {
        guard step > 0, let inside = indices(in: window) ?? nearest(window) else { return Track(start: start, step: step, values: []) }
        let range = max(0, inside.lowerBound - 1)..<min(values.count, inside.upperBound + 1)
        return Track(start: x(range.lowerBound), step: step, values: Array(values[range]))
    }

    /// The two values around a window that falls between them.
    private func nearest(_ window: ClosedRange<Double>) -> Range<Int>? {
        let before = index(at: window.lowerBound, rounded: .down)
        return before >= 0 && before + 1 < values.count ? before..<(before + 1) : nil
    }

    func validate(_ what: String) throws(ChartError) {
        guard step > 0, step.isFinite, start.isFinite else { throw ChartError("\(what) step must be a positive number of minutes") }
    }
}
