/// Prefix sums of per-minute revenue, for fast window totals and smoothing.
struct RunningTotals {
    private let sums: [Double]
    /// Prefix sums of half the squared change from the row before (0 for row 0).
    private let jitter: [Double]

    /// The prefix sums of `values`, and with `noise` those of their changes (for `noiseVariance`).
    init(_ values: [Double], noise: Bool = true) {
        var running = 0.0
        var sums = [Double]()
        sums.reserveCapacity(values.count + 1)
        sums.append(0)
        for value in values {
            running += value
            sums.append(running)
        }
        self.sums = sums
        guard noise else {
            jitter = []
            return
        }
        var squares = 0.0
        jitter = [0] + values.indices.map { row in
            if row > 0 { squares += (values[row] - values[row - 1]) * (values[row] - values[row - 1]) / 2 }
            return squares
        }
    }

    /// The noise variance of the total of rows `first...last`, estimated from minute-to-minute
    /// changes (a smooth trend barely moves them; each minute's own randomness does); 0 for totals
    /// made without `noise`.
    func noiseVariance(_ first: Int, _ last: Int) -> Double {
        let a = max(first, 0), b = min(last, count - 1)
        guard b > a, !jitter.isEmpty else { return 0 }
        return (jitter[b + 1] - jitter[a + 1]) * Double(b - a + 1) / Double(b - a)
    }

    /// Number of values.
    var count: Int { sums.count - 1 }

    /// Total of rows `first...last`, clamped to the values (0 when empty).
    func total(_ first: Int, _ last: Int) -> Double {
        let a = max(first, 0), b = min(last, count - 1)
        return b >= a ? sums[b + 1] - sums[a] : 0
    }

    /// Mean of rows `row - radius ... row + radius` that lie in `0...limit`.
    func smoothed(_ row: Int, radius: Int, limit: Int) -> Double {
        let a = max(row - radius, 0), b = min(row + radius, limit, count - 1)
        return b >= a ? (sums[b + 1] - sums[a]) / Double(b - a + 1) : 0
    }
}
