#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Maps a positive domain onto a pixel range by base-10 logarithm.
public struct LogScale: Sendable, Equatable {
    /// The positive data interval.
    public let domain: (lo: Double, hi: Double)
    /// The pixel interval.
    public let range: (lo: Double, hi: Double)

    /// A log scale; callers validate that the domain is positive.
    public init(domain: (Double, Double), range: (Double, Double)) {
        self.domain = (domain.0, domain.1)
        self.range = (range.0, range.1)
    }

    /// The pixel position of `value`; non-positive values land at the low end.
    public func callAsFunction(_ value: Double) -> Double {
        let lo = log10(domain.lo), span = log10(domain.hi) - lo
        guard span != 0, value > 0 else { return value > 0 ? (range.lo + range.hi) / 2 : range.lo }
        return range.lo + (log10(value) - lo) / span * (range.hi - range.lo)
    }

    /// This scale with its domain widened to whole powers of ten.
    public func nice() -> LogScale {
        let lo = pow(10, log10(domain.lo).rounded(.down))
        let hi = pow(10, log10(domain.hi).rounded(.up))
        return LogScale(domain: (lo, hi), range: (range.lo, range.hi))
    }

    /// Tick values: 1-2-5 per decade, whole decades, or every k-th decade, whichever gives
    /// at most about `count` ticks; under one decade it falls back to linear nice ticks.
    public func ticks(count: Int) -> [Double] {
        let lo = log10(domain.lo), hi = log10(domain.hi)
        guard lo.isFinite, hi.isFinite, hi > lo else { return [domain.lo] }
        if hi - lo < 1 { return NiceTicks.ticks(domain.lo, domain.hi, count: Double(count)) }
        let first = Int(lo.rounded(.down)), last = Int(hi.rounded(.up))
        let decades = last - first
        let multiples: [Double] = decades * 3 <= count ? [1, 2, 5] : [1]
        let every = max(1, (decades + count - 1) / max(count, 1))
        var values: [Double] = []
        for power in stride(from: first, through: last, by: every) {
            for m in multiples {
                let v = m * pow(10, Double(power))
                if v >= domain.lo * (1 - 1e-12) && v <= domain.hi * (1 + 1e-12) { values.append(v) }
            }
        }
        return values
    }

    public static func == (a: LogScale, b: LogScale) -> Bool {
        a.domain == b.domain && a.range == b.range
    }
}
