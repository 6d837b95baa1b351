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
        /// `largest[h - 1]`: the largest weight at horizon h (0 when it has no residual).
        private let largest: [Double]

        init(_ residuals: [[Residual]], reach: Int) {
            var start = [0], largest: [Double] = []
            start.reserveCapacity(reach + 1)
            largest.reserveCapacity(reach)
            for list in residuals.prefix(reach) {
                start.append(start[start.count - 1] + list.count)
                var top = 0.0
                for residual in list { top = max(top, residual.weight) }
                largest.append(top)
            }
            let count = start[start.count - 1]
            var weightsInOrder: [Double] = []
            let valuesInOrder = [Double](unsafeUninitializedCapacity: count) { values, valuesFilled in
                weightsInOrder = Array(unsafeUninitializedCapacity: count) { weights, filled in
                    for list in residuals.prefix(reach) {
                        for residual in list {
                            (values.baseAddress! + filled).initialize(to: residual.value)
                            (weights.baseAddress! + filled).initialize(to: residual.weight)
                            filled += 1
                        }
                    }
                }
                valuesFilled = weightsInOrder.count
            }
            let order = Self.stableOrder(valuesInOrder)
            var rank = [Int](repeating: 0, count: count)
            var values = [Double](repeating: 0, count: count), weights = values
            rank.withUnsafeMutableBufferPointer { rank in
                values.withUnsafeMutableBufferPointer { values in
                    weights.withUnsafeMutableBufferPointer { weights in
                        for (position, index) in order.enumerated() {
                            rank[index] = position
                            values[position] = valuesInOrder[index]
                            weights[position] = weightsInOrder[index]
                        }
                    }
                }
            }
            self.largest = largest
            self.values = values
            self.weights = weights
            self.rank = rank
            self.start = start
        }

        /// The indices of `values` in the order of a stable sort by value (equal values keep their
        /// order), several times faster than comparing: a least-significant-digit radix sort, 11
        /// bits a pass, of 8-byte entries (the top 32 bits of a key that orders as the values do,
        /// above the index: finite values; -0 is taken as 0: sign, exponent and the mantissa's
        /// first 20 bits), then each run of entries alike in those bits (equal values, or values
        /// within a millionth of each other: few) put in order by the whole key. One pass counts
        /// every digit.
        static func stableOrder(_ values: [Double]) -> [Int] {
            let count = values.count
            guard count <= Int(UInt32.max) else {  // indices past 32 bits: compare
                return values.indices.sorted { (key(values[$0]), $0) < (key(values[$1]), $1) }
            }
            var entries = [UInt64](unsafeUninitializedCapacity: count) { entries, filled in
                for (index, value) in values.enumerated() {
                    (entries.baseAddress! + index).initialize(to: (key(value) >> 32) << 32 | UInt64(index))
                }
                filled = count
            }
            var counts = Array(repeating: 0, count: digitPasses << digitBits)
            counts.withUnsafeMutableBufferPointer { counts in
                entries.withUnsafeBufferPointer { entries in
                    for entry in entries {
                        for pass in 0..<digitPasses { counts[pass << digitBits | digit(entry, pass)] += 1 }
                    }
                }
            }
            var next = entries
            for pass in 0..<digitPasses {
                let digits = pass << digitBits..<(pass + 1) << digitBits
                guard !counts[digits].contains(count) else { continue }  // every key has this digit: order kept
                var position = 0
                for digit in digits {
                    let count = counts[digit]
                    counts[digit] = position
                    position += count
                }
                counts.withUnsafeMutableBufferPointer { counts in
                    entries.withUnsafeBufferPointer { from in
                        next.withUnsafeMutableBufferPointer { to in
                            for entry in from {
                                let slot = pass << digitBits | digit(entry, pass)
                                to[counts[slot]] = entry
                                counts[slot] += 1
                            }
                        }
                    }
                }
                swap(&entries, &next)
            }
            values.withUnsafeBufferPointer { values in
                entries.withUnsafeMutableBufferPointer { entries in
                    /// The whole key of an entry's value.
                    func fullKey(_ entry: UInt64) -> UInt64 { key(values[Int(truncatingIfNeeded: entry & indexMask)]) }
                    var first = 0
                    while first < count {
                        var end = first + 1, inOrder = true
                        if end < count, entries[end] >> 32 == entries[first] >> 32 {
                            var previous = fullKey(entries[first])
                            while end < count, entries[end] >> 32 == entries[first] >> 32 {
                                let key = fullKey(entries[end])
                                inOrder = inOrder && key >= previous
                                previous = key
                                end += 1
                            }
                        }
                        if !inOrder {
                            entries[first..<end].sort { (fullKey($0), $0 & indexMask) < (fullKey($1), $1 & indexMask) }
                        }
                        first = end
                    }
                }
            }
            return Array(unsafeUninitializedCapacity: count) { order, filled in
                for (position, entry) in entries.enumerated() {
                    (order.baseAddress! + position).initialize(to: Int(truncatingIfNeeded: entry & indexMask))
                }
                filled = count
            }
        }

        /// A key that orders as the values do (finite values; -0 is taken as 0).
        @inline(__always) private static func key(_ value: Double) -> UInt64 {
            let bits = (value + 0).bitPattern  // -0 + 0 is 0
            return bits >> 63 == 1 ? ~bits : bits | 1 << 63
        }

        /// The index bits of an entry of `stableOrder`.
        private static let indexMask: UInt64 = 1 << 32 - 1
        /// Bits of a key sorted on in one pass of `stableOrder`.
        private static let digitBits = 11
        /// Passes of `stableOrder`'s radix sort (over an entry's top 32 bits; the last pass has 10).
        private static let digitPasses = 3

        /// The digit of `entry` sorted on in pass `pass` (the lowest of the key's bits first).
        @inline(__always) private static func digit(_ entry: UInt64, _ pass: Int) -> Int {
            Int(truncatingIfNeeded: entry >> UInt64(32 + pass * digitBits)) & (1 << digitBits - 1)
        }

        /// How many residuals `horizons` hold.
        func count(_ horizons: ClosedRange<Int>) -> Int { start[horizons.upperBound] - start[horizons.lowerBound - 1] }

        /// The residuals of `horizons` (none for nil), sorted by value, written into `pool` (its
        /// storage kept; room for `count(horizons)`), not yet summed: their places in `values` are
        /// marked in the bit set `marks`, then read in order.
        func pool(_ horizons: ClosedRange<Int>?, into pool: inout Pool, marks: inout [UInt64]) {
            guard let horizons else { return pool.fill(count: 0, largestWeight: 1) { _, _ in } }
            let words = (values.count + 63) / 64
            if marks.count != words { marks = Array(repeating: 0, count: words) }
            let first = start[horizons.lowerBound - 1], end = start[horizons.upperBound]
            let newest = largest[(horizons.lowerBound - 1)..<horizons.upperBound].max() ?? 1
            marks.withUnsafeMutableBufferPointer { marks in
                rank.withUnsafeBufferPointer { rank in
                    for index in first..<end { marks[rank[index] >> 6] |= 1 << UInt64(rank[index] & 63) }
                }
                pool.fill(count: end - first, largestWeight: newest) { poolValues, poolWeights in
                    values.withUnsafeBufferPointer { values in
                        weights.withUnsafeBufferPointer { weights in
                            var filled = 0
                            for word in marks.indices where marks[word] != 0 {
                                var bits = marks[word]
                                while bits != 0 {
                                    let position = word << 6 | bits.trailingZeroBitCount
                                    poolValues[filled] = values[position]
                                    poolWeights[filled] = weights[position]
                                    filled += 1
                                    bits &= bits - 1
                                }
                                marks[word] = 0
                            }
                        }
                    }
                }
            }
        }
    }

    /// Residuals sorted by value and their weights summed up from either end, from which every
    /// weighted conformal quantile (`rank`) is read by bisection instead of by a scan each.
    struct Pool {
        /// The values (rising), their weights (never negative), `fromBelow` (`[i]`: the weights of
        /// values `0...i` added from the lowest) and `fromAbove` (`[i]`: the weights of the `i + 1`
        /// highest values added from the highest), `capacity` places each.
        private var storage: [Double]
        /// The most residuals the storage holds.
        private let capacity: Int
        /// How many residuals the pool holds.
        private(set) var count = 0
        /// The largest weight (the newest origin's), 1 when empty.
        private var newest = 1.0

        /// An empty pool with room for `capacity` residuals.
        init(capacity: Int = 0) {
            storage = Array(repeating: 0, count: 4 * capacity)
            self.capacity = capacity
        }

        /// A pool of `sorted` (residuals sorted by value), summed.
        init(_ sorted: [Residual]) {
            self.init(capacity: sorted.count)
            fill(count: sorted.count, largestWeight: sorted.map(\.weight).max() ?? 1) { values, weights in
                for (index, residual) in sorted.enumerated() {
                    values[index] = residual.value
                    weights[index] = residual.weight
                }
            }
            var none = Pool()
            Self.sum(&self, &none)
        }

        /// The residuals' values, rising.
        var values: ArraySlice<Double> { storage[0..<count] }
        /// Their weights, in the same order.
        var weights: ArraySlice<Double> { storage[capacity..<capacity + count] }
        /// Whether the pool holds no residual.
        var isEmpty: Bool { count == 0 }

        /// Makes the pool `count` residuals (at most its capacity), whose values (rising) and
        /// weights (the largest `largestWeight`) `write` puts in the buffers it is given; `sum`
        /// then sums the weights.
        mutating func fill(count: Int, largestWeight: Double,
                           _ write: (UnsafeMutableBufferPointer<Double>, UnsafeMutableBufferPointer<Double>) -> Void) {
            self.count = count
            newest = count > 0 ? largestWeight : 1
            let capacity = capacity
            storage.withUnsafeMutableBufferPointer { storage in
                write(UnsafeMutableBufferPointer(rebasing: storage[0..<count]),
                      UnsafeMutableBufferPointer(rebasing: storage[capacity..<capacity + count]))
            }
        }

        /// Sums the weights of both pools up from either end, in one loop: each running sum is a
        /// chain of additions that wait for the one before, and four chains side by side take
        /// about the time of one.
        static func sum(_ first: inout Pool, _ second: inout Pool) {
            let (count, otherCount, capacity, otherCapacity) = (first.count, second.count, first.capacity, second.capacity)
            let shared = min(count, otherCount)
            first.storage.withUnsafeMutableBufferPointer { a in
                second.storage.withUnsafeMutableBufferPointer { b in
                    /// The weights, the sums from below and the sums from above of a pool's storage.
                    func parts(_ storage: UnsafeMutableBufferPointer<Double>, _ capacity: Int)
                        -> (UnsafeMutablePointer<Double>, UnsafeMutablePointer<Double>, UnsafeMutablePointer<Double>)? {
                        storage.baseAddress.map { ($0 + capacity, $0 + 2 * capacity, $0 + 3 * capacity) }
                    }
                    var below = 0.0, above = 0.0, otherBelow = 0.0, otherAbove = 0.0
                    if let (weights, belows, aboves) = parts(a, capacity), let (otherWeights, otherBelows, otherAboves) = parts(b, otherCapacity) {
                        for index in 0..<shared {
                            below += weights[index]
                            above += weights[count - 1 - index]
                            otherBelow += otherWeights[index]
                            otherAbove += otherWeights[otherCount - 1 - index]
                            belows[index] = below
                            aboves[index] = above
                            otherBelows[index] = otherBelow
                            otherAboves[index] = otherAbove
                        }
                    }
                    /// Goes on alone with the longer pool's sums, from where the loop above stopped.
                    func finish(_ storage: UnsafeMutableBufferPointer<Double>, _ capacity: Int, _ count: Int,
                                _ below: inout Double, _ above: inout Double) {
                        guard let (weights, belows, aboves) = parts(storage, capacity) else { return }
                        for index in shared..<count {
                            below += weights[index]
                            above += weights[count - 1 - index]
                            belows[index] = below
                            aboves[index] = above
                        }
                    }
                    finish(a, capacity, count, &below, &above)
                    finish(b, otherCapacity, otherCount, &otherBelow, &otherAbove)
                }
            }
        }

        /// The weighted conformal order statistic: the first value, counted from the upper (or
        /// lower) end, where the weight passed reaches `1 - tail` of the total plus one more
        /// origin's weight standing for the case being forecast (the extreme value when there are
        /// too few; 0 when the pool is empty). The weights passed are the running sums in the
        /// order a scan from that end would add them, so the value is the scan's to the last bit.
        func rank(_ tail: Double, upper: Bool) -> Double {
            guard count > 0 else { return 0 }
            let sums = upper ? 2 * capacity : 3 * capacity
            let needed = (storage[2 * capacity + count - 1] + newest) * (1 - tail) * (1 - 1e-12)
            var low = 0, high = count  // the first running sum reaching `needed`: they never fall
            while low < high {
                let middle = (low + high) / 2
                if storage[sums + middle] >= needed { high = middle } else { low = middle + 1 }
            }
            let index = min(low, count - 1)
            return storage[upper ? index : count - 1 - index]
        }
    }
}
