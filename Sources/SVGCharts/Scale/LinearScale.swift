/// Maps a numeric domain linearly onto a pixel range; pure and cheap to copy.
public struct LinearScale: Sendable, Equatable {
    /// The data interval; `domain.lo` maps to `range.lo`.
    public let domain: (lo: Double, hi: Double)
    /// The pixel interval; may be decreasing (a y axis grows upwards).
    public let range: (lo: Double, hi: Double)

    /// A scale from `domain` onto `range`; an empty domain maps everything to the middle.
    public init(domain: (Double, Double), range: (Double, Double)) {
        self.domain = (domain.0, domain.1)
        self.range = (range.0, range.1)
    }

    /// The pixel position of `value`.
    public func callAsFunction(_ value: Double) -> Double {
        let span = domain.hi - domain.lo
        guard span != 0 else { return (range.lo + range.hi) / 2 }
        return range.lo + (value - domain.lo) / span * (range.hi - range.lo)
    }

    /// The data value at pixel position `pixel`.
    public func invert(_ pixel: Double) -> Double {
        let span = range.hi - range.lo
        guard span != 0 else { return domain.lo }
        return domain.lo + (pixel - range.lo) / span * (domain.hi - domain.lo)
    }

    /// This scale with its domain widened to whole tick steps.
    public func nice(count: Double) -> LinearScale {
        LinearScale(domain: NiceTicks.nice(domain.lo, domain.hi, count: count), range: (range.lo, range.hi))
    }

    /// About `count + 1` nice tick values inside the domain.
    public func ticks(count: Double) -> [Double] {
        NiceTicks.ticks(domain.lo, domain.hi, count: count)
    }

    public static func == (a: LinearScale, b: LinearScale) -> Bool {
        a.domain == b.domain && a.range == b.range
    }
}
