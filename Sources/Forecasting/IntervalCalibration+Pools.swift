extension IntervalCalibration {
    /// The back-test residuals of horizons 1...reach sorted by value once, from which those of any
    /// range of horizons come out in sorted order without sorting again.
    struct SortedResiduals {
        /// Every residual's value, sorted; the sort is stable, so ties keep their order by horizon,
        /// then origin, and a range's residuals come out in the order sorting them alone would give.
        let values: [Double]
        /// The weights of `values`, in the same order.
        let weights: [Double]
        /// `rank[i]`: where the i-th residual in horizon order (horizon 1's first) lies in `values`.
        private let rank: [Int]
        /// `start[h - 1]`: the position in horizon order of horizon h's first residual (and
        /// `start[reach]` the count).
        private let start: [Int]

        init(_ residuals: [[Residual]], reach: Int) {
            var start = [0], inOrder: [Double] = []
            for list in residuals.prefix(reach) { start.append(start[start.count - 1] + list.count) }
            inOrder.reserveCapacity(start[start.count - 1])
            for list in residuals.prefix(reach) { for residual in list { inOrder.append(residual.value) } }
            let order = Self.stableOrder(inOrder)
            var rank = Array(repeating: 0, count: order.count)
            for (position, index) in order.enumerated() { rank[index] = position }
            var weights = Array(repeating: 0.0, count: order.count)
            var index = 0
            for list in residuals.prefix(reach) {
                for residual in list {
                    weights[rank[index]] = residual.weight
                    index += 1
                }
            }
            values = order.map { inOrder[$0] }
            self.weights = weights
            self.rank = rank
            self.start = start
        }

        /// The indices of `values` in the order of a stable sort by value (equal values keep their
        /// order): a least-significant-digit radix sort, byte by byte, of keys that order as the
        /// values do (finite values; -0 is taken as 0), several times faster than comparing. The
        /// keys move with their indices (no lookup of a key by index), and one pass counts every
        /// byte's digits.
        static func stableOrder(_ values: [Double]) -> [Int] {
            var entries = values.enumerated().map { index, value -> (key: UInt64, index: Int) in
                let bits = (value + 0).bitPattern  // -0 + 0 is 0
                return (bits >> 63 == 1 ? ~bits : bits | 1 << 63, index)
            }
            var counts = Array(repeating: 0, count: 8 * 256)
            for entry in entries {
                for byte in 0..<8 { counts[byte << 8 | Int(entry.key >> UInt64(byte << 3) & 255)] += 1 }
            }
            var next = entries
            for byte in 0..<8 where !counts[(byte << 8)..<(byte + 1) << 8].contains(entries.count) {  // else every key has this byte: order kept
                var position = 0
                for digit in byte << 8..<(byte + 1) << 8 {
                    let count = counts[digit]
                    counts[digit] = position
                    position += count
                }
                let shift = UInt64(byte << 3)
                for entry in entries {
                    let digit = byte << 8 | Int(entry.key >> shift & 255)
                    next[counts[digit]] = entry
                    counts[digit] += 1
                }
                swap(&entries, &next)
            }
            return entries.map(\.index)
        }

        /// The residuals of `horizons`, sorted by value, written into `pool` (its storage kept):
        /// their places in `values` are marked in the bit set `marks`, then read in order.
        func pool(_ horizons: ClosedRange<Int>, into pool: inout Pool, marks: inout [UInt64]) {
            pool.removeAll()
            let words = (values.count + 63) / 64
            if marks.count != words { marks = Array(repeating: 0, count: words) }
            for index in start[horizons.lowerBound - 1]..<start[horizons.upperBound] {
                marks[rank[index] >> 6] |= 1 << UInt64(rank[index] & 63)
            }
            for word in marks.indices where marks[word] != 0 {
                var bits = marks[word]
                while bits != 0 {
                    let position = word << 6 | bits.trailingZeroBitCount
                    pool.append(value: values[position], weight: weights[position])
                    bits &= bits - 1
                }
                marks[word] = 0
            }
            pool.sum()
        }
    }

    /// Residuals sorted by value and their weights summed up from either end, from which every
    /// weighted conformal quantile (`rank`) is read by bisection instead of by a scan each.
    struct Pool {
        /// The residuals' values, rising.
        private(set) var values: [Double] = []
        /// Their weights (never negative), in the same order.
        private(set) var weights: [Double] = []
        /// `fromBelow[i]`: the weights of `values[0...i]` added from the lowest.
        private var fromBelow: [Double] = []
        /// `fromAbove[i]`: the weights of the `i + 1` highest values added from the highest.
        private var fromAbove: [Double] = []
        /// The largest weight (the newest origin's), 1 when empty.
        private var newest = 1.0

        /// An empty pool.
        init() {}

        /// A pool of `sorted` (residuals sorted by value).
        init(_ sorted: [Residual]) {
            for residual in sorted { append(value: residual.value, weight: residual.weight) }
            sum()
        }

        /// Empties the pool, keeping its storage.
        mutating func removeAll() {
            values.removeAll(keepingCapacity: true)
            weights.removeAll(keepingCapacity: true)
        }

        /// Adds a residual above every one in the pool (call `sum` once all are in).
        mutating func append(value: Double, weight: Double) {
            values.append(value)
            weights.append(weight)
        }

        /// Sums the weights up from either end and finds the largest.
        mutating func sum() {
            let count = weights.count
            fromBelow.removeAll(keepingCapacity: true)
            fromAbove.removeAll(keepingCapacity: true)
            var below = 0.0, above = 0.0, largest = -Double.infinity
            for index in 0..<count {
                below += weights[index]
                above += weights[count - 1 - index]
                largest = max(largest, weights[index])
                fromBelow.append(below)
                fromAbove.append(above)
            }
            newest = count > 0 ? largest : 1
        }

        /// Whether the pool holds no residual.
        var isEmpty: Bool { values.isEmpty }

        /// The weighted conformal order statistic: the first value, counted from the upper (or
        /// lower) end, where the weight passed reaches `1 - tail` of the total plus one more
        /// origin's weight standing for the case being forecast (the extreme value when there are
        /// too few; 0 when the pool is empty). The weights passed are the running sums in the
        /// order a scan from that end would add them, so the value is the scan's to the last bit.
        func rank(_ tail: Double, upper: Bool) -> Double {
            guard let total = fromBelow.last else { return 0 }
            let needed = (total + newest) * (1 - tail) * (1 - 1e-12)
            let passed = upper ? fromBelow : fromAbove
            var low = 0, high = passed.count  // the first running sum reaching `needed`: they never fall
            while low < high {
                let middle = (low + high) / 2
                if passed[middle] >= needed { high = middle } else { low = middle + 1 }
            }
            let index = min(low, passed.count - 1)
            return values[upper ? index : values.count - 1 - index]
        }
    }
}
