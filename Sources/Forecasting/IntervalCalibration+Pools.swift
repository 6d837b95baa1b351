extension IntervalCalibration {
    /// The back-test residuals of horizons 1...reach sorted by value once, from which those of any
    /// range of horizons come out in sorted order without sorting again.
    struct SortedResiduals {
        /// Every residual, sorted by value; the sort is stable, so ties keep their order by horizon,
        /// then origin, and a range's residuals come out in the order sorting them alone would give.
        let sorted: [Residual]
        /// `rank[i]`: where the i-th residual in horizon order (horizon 1's first) lies in `sorted`.
        private let rank: [Int]
        /// `start[h - 1]`: the position in horizon order of horizon h's first residual (and
        /// `start[reach]` the count).
        private let start: [Int]

        init(_ residuals: [[Residual]], reach: Int) {
            let inOrder = residuals.prefix(reach).flatMap { $0 }
            var start = [0]
            for list in residuals.prefix(reach) { start.append(start[start.count - 1] + list.count) }
            let order = Self.stableOrder(inOrder.map(\.value))
            var rank = Array(repeating: 0, count: order.count)
            for (position, index) in order.enumerated() { rank[index] = position }
            sorted = order.map { inOrder[$0] }
            self.rank = rank
            self.start = start
        }

        /// The indices of `values` in the order of a stable sort by value (equal values keep their
        /// order): a least-significant-digit radix sort, byte by byte, of keys that order as the
        /// values do (finite values; -0 is taken as 0), several times faster than comparing.
        static func stableOrder(_ values: [Double]) -> [Int] {
            let keys = values.map { value -> UInt64 in
                let bits = (value + 0).bitPattern  // -0 + 0 is 0
                return bits >> 63 == 1 ? ~bits : bits | 1 << 63
            }
            var order = Array(values.indices), next = order
            for shift in stride(from: UInt64(0), to: 64, by: 8) {
                var counts = Array(repeating: 0, count: 257)
                for key in keys { counts[Int(key >> shift & 255) + 1] += 1 }
                if counts.contains(keys.count) { continue }  // every key has this byte: order kept
                for digit in 1...256 { counts[digit] += counts[digit - 1] }
                for index in order {
                    let digit = Int(keys[index] >> shift & 255)
                    next[counts[digit]] = index
                    counts[digit] += 1
                }
                swap(&order, &next)
            }
            return order
        }

        /// The residuals of `horizons`, sorted by value, written into `pool` (its storage kept):
        /// their places in `sorted` are marked in the bit set `marks`, then read in order.
        func pool(_ horizons: ClosedRange<Int>, into pool: inout [Residual], marks: inout [UInt64]) {
            pool.removeAll(keepingCapacity: true)
            let words = (sorted.count + 63) / 64
            if marks.count != words { marks = Array(repeating: 0, count: words) }
            for index in start[horizons.lowerBound - 1]..<start[horizons.upperBound] {
                marks[rank[index] >> 6] |= 1 << UInt64(rank[index] & 63)
            }
            for word in marks.indices where marks[word] != 0 {
                var bits = marks[word]
                while bits != 0 {
                    pool.append(sorted[word << 6 | bits.trailingZeroBitCount])
                    bits &= bits - 1
                }
                marks[word] = 0
            }
        }
    }
}
