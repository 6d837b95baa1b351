#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// d3's "nice" tick algorithm: about `count` ticks whose step is 1, 2 or 5 times a power of ten.
public enum NiceTicks {
    private static let e10 = 50.0.squareRoot(), e5 = 10.0.squareRoot(), e2 = 2.0.squareRoot()

    /// The integer tick range and increment for `start < stop`; a negative increment means
    /// "divide by its magnitude", which keeps decimal ticks exact (0.1 rather than 0.1000000001).
    static func spec(_ start: Double, _ stop: Double, _ count: Double) -> (i1: Double, i2: Double, inc: Double) {
        let step = (stop - start) / max(0, count)
        let power = (log10(step)).rounded(.down)
        let error = step / pow(10, power)
        let factor: Double = error >= e10 ? 10 : error >= e5 ? 5 : error >= e2 ? 2 : 1
        var i1: Double, i2: Double, inc: Double
        if power < 0 {
            inc = pow(10, -power) / factor
            i1 = (start * inc).roundedHalfUp
            i2 = (stop * inc).roundedHalfUp
            if i1 / inc < start { i1 += 1 }
            if i2 / inc > stop { i2 -= 1 }
            inc = -inc
        } else {
            inc = pow(10, power) * factor
            i1 = (start / inc).roundedHalfUp
            i2 = (stop / inc).roundedHalfUp
            if i1 * inc < start { i1 += 1 }
            if i2 * inc > stop { i2 -= 1 }
        }
        if i2 < i1 && 0.5 <= count && count < 2 { return spec(start, stop, count * 2) }
        return (i1, i2, inc)
    }

    /// About `count + 1` nice values between `start` and `stop` inclusive, in the order given.
    public static func ticks(_ start: Double, _ stop: Double, count: Double) -> [Double] {
        guard start.isFinite, stop.isFinite, count > 0, count.isFinite else { return [] }
        if start == stop { return [start] }
        let reverse = stop < start
        let (lo, hi) = reverse ? (stop, start) : (start, stop)
        let (i1, i2, inc) = spec(lo, hi, count)
        guard i2 >= i1, i2 - i1 < 10_000 else { return [] }
        let values = stride(from: i1, through: i2, by: 1).map { i in
            (inc < 0 ? i / -inc : i * inc) + 0  // + 0 turns -0 into 0
        }
        return reverse ? values.reversed() : values
    }

    /// The signed tick increment for `start < stop` (see `spec`), or 0 when undefined.
    public static func increment(_ start: Double, _ stop: Double, count: Double) -> Double {
        guard start < stop, count > 0, count.isFinite else { return 0 }
        return spec(start, stop, count).inc
    }

    /// The distance between consecutive ticks as a positive number.
    public static func step(_ start: Double, _ stop: Double, count: Double) -> Double {
        let inc = increment(min(start, stop), max(start, stop), count: count)
        return inc < 0 ? 1 / -inc : inc
    }

    /// Widens `[lo, hi]` outwards to whole tick steps, as d3's `linear.nice(count)`.
    public static func nice(_ lo: Double, _ hi: Double, count: Double) -> (Double, Double) {
        guard lo < hi, lo.isFinite, hi.isFinite else { return (lo, hi) }
        var start = lo, stop = hi, previous = Double.nan
        for _ in 0..<10 {
            let step = increment(start, stop, count: count)
            if step == previous { break }
            if step > 0 {
                start = (start / step).rounded(.down) * step
                stop = (stop / step).rounded(.up) * step
            } else if step < 0 {
                start = (start * step).rounded(.up) / step
                stop = (stop * step).rounded(.down) / step
            } else {
                break
            }
            previous = step
        }
        return (start, stop)
    }
}

extension Double {
    /// Rounds halves towards +infinity, as JavaScript's `Math.round` does.
    fileprivate var roundedHalfUp: Double { (self + 0.5).rounded(.down) }
}
