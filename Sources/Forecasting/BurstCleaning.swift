
/// This sale's revenue up to an origin with one-off bursts and outages taken out: an e-mail
/// campaign, a post that went viral, an hour the site was down. Last season is the default model's
/// best guide to the hours ahead, but yesterday's campaign will not repeat at the same minute
/// today, nor will yesterday's outage, so before last season is used, each quarter hour that
/// earned far more than the hours around it is scaled down to their median, and each that earned
/// under a quarter of it (by more than the neighbours' noise) is raised to it, unless the same
/// minutes stood out or fell the same way before (a season earlier, or in the earlier sale): a
/// daily deal at 20:00 or a shop that shuts at 18:00 is a pattern, not a one-off.
struct BurstCleaning {
    /// Another series whose rows `row - shift` are compared with this sale's rows `row` to tell a
    /// recurring peak from a one-off burst.
    struct Echo {
        /// Running totals of the other series.
        let totals: RunningTotals
        /// Rows between a row of this sale and the matching row of the other series.
        let shift: Int
    }

    /// Minutes per block that is judged on its own (a quarter hour).
    static let blockMinutes = 15
    /// Minutes on each side of a block that make up its neighbourhood (two hours).
    static let radiusMinutes = 120

    /// Rows per block and blocks on each side of a block in its neighbourhood, for rows of
    /// `step` minutes (at least one row a block and two blocks a side).
    struct Geometry {
        /// Rows per block.
        let blockRows: Int
        /// Blocks on each side.
        let radiusBlocks: Int

        /// The geometry for rows of `step` minutes.
        init(step: Int) {
            blockRows = max(1, BurstCleaning.blockMinutes / max(step, 1))
            radiusBlocks = max(2, BurstCleaning.radiusMinutes / (blockRows * max(step, 1)))
        }
    }

    /// A block is a burst when it earned this much more than its neighbourhood's median block...
    static let relativeExcess = 0.25
    /// ... and the excess is this many times the block's own noise (standard deviation).
    static let noiseSigmas = 3.0
    /// Most rounds of flagging (each against the neighbours not yet flagged).
    static let passes = 4

    /// The first row covered.
    let first: Int
    /// The last row covered.
    let last: Int
    /// Running totals of the cleaned revenue of rows `first...` (read up to `last` only).
    let totals: RunningTotals
    /// Number of blocks scaled down.
    let bursts: Int
    /// Number of blocks raised (outages).
    let outages: Int

    /// Cleans rows `first...last` of `revenue`. Blocks end at `last` (so the newest block is
    /// whole); leftover rows at the start are kept as they are. `raw` holds running totals of
    /// `revenue` for the blocks' sums and noise; a block that stands out in any of `echoes` too is
    /// kept.
    /// With `heavyOrders`, one order worth more than the four hours around it is a one-off too (see
    /// `heavyOrderNoise`).
    init(revenue: [Double], raw: RunningTotals, first: Int, last: Int, step: Int = 1, echoes: [Echo] = [], heavyOrders: Bool = false) {
        let geometry = Geometry(step: step), radius = geometry.radiusBlocks
        let first = max(0, first), size = geometry.blockRows
        let count = max(0, (last - first + 1) / size)
        let start = last - count * size + 1
        let sums = (0..<count).map { raw.total(start + $0 * size, start + $0 * size + size - 1) }
        let noise = (0..<count).map { raw.noiseVariance(start + $0 * size, start + $0 * size + size - 1).squareRoot() }
        let largest = heavyOrders ? (0..<count).map { revenue[start + $0 * size..<start + $0 * size + size].max() ?? 0 } : []
        // Outages first: a block that earned under a quarter of its neighbourhood's median, by more
        // than the neighbours' noise, unless the same minutes fell the same way before (a shop that
        // shuts at 18:00 every day); the partly down quarter hours either side of one go with it.
        // They are left out of the bursts' references (the hour after an outage is no burst).
        let medians = Self.neighbourhoodMedians(sums, radius: radius)
        let down = Self.outages(sums: sums, medians: medians, noise: noise, radius: radius) { block in
            let blockFirst = start + block * size
            return echoes.contains { Self.fellOut(in: $0.totals, from: blockFirst - $0.shift, geometry) }
        }
        // Flag bursts against the median of the unflagged neighbours until no more stand out, so
        // that an hour-long campaign does not lift the reference of its own blocks. A pass sets
        // again only the references whose neighbourhood gained a flag (the others would not change).
        let judged = heavyOrders ? Self.heavyOrderNoise(sums: sums, noise: noise, largest: largest, radius: radius) : noise
        var flagged = Array(repeating: false, count: count)
        var references = medians  // the first pass: nothing flagged yet
        var stale = Array(repeating: false, count: count), unflagged: [Double] = []
        unflagged.reserveCapacity(2 * radius + 1)
        for block in 0..<count where down[block] {  // an outage leaves its neighbours' references from the first pass
            for neighbour in max(0, block - radius)...min(count - 1, block + radius) { stale[neighbour] = true }
        }
        for pass in 0..<Self.passes {
            for block in 0..<count where stale[block] {
                let window = max(0, block - radius)...min(count - 1, block + radius)
                guard window.count > radius else { continue }  // the block's own sum, as it starts
                unflagged.removeAll(keepingCapacity: true)
                for neighbour in window where !flagged[neighbour] && !down[neighbour] { unflagged.append(sums[neighbour]) }
                if unflagged.count > radius / 2 {
                    references[block] = ShapeFit.median(sorting: &unflagged)
                } else if pass == 0 {
                    references[block] = sums[block]
                }
            }
            let newly = (0..<count).filter { block in
                !flagged[block] && !down[block] && Self.standsOut(sums[block], over: references[block], noise: judged[block])
            }
            guard !newly.isEmpty else { break }
            for index in stale.indices { stale[index] = false }
            for block in newly {
                flagged[block] = true
                for neighbour in max(0, block - radius)...min(count - 1, block + radius) { stale[neighbour] = true }
            }
        }
        for block in 0..<count where flagged[block] {
            let blockFirst = start + block * size
            if echoes.contains(where: { Self.standsOut(in: $0.totals, from: blockFirst - $0.shift, geometry) }) { flagged[block] = false }
        }
        self.first = first
        self.last = last
        if first == 0, !flagged.contains(true), !down.contains(true) {
            totals = raw  // nothing cleaned: the raw totals (the same sums: both run from row 0)
        } else {
            var values = last >= first ? Array(revenue[first...last]) : []
            for block in 0..<count where flagged[block] {
                let factor = references[block] / sums[block], blockFirst = start + block * size
                for row in blockFirst..<blockFirst + size { values[row - first] *= factor }
            }
            // An outage's quarter hours earn their neighbourhood's median, spread evenly over their rows.
            for block in 0..<count where down[block] {
                let blockFirst = start + block * size
                for row in blockFirst..<blockFirst + size { values[row - first] = references[block] / Double(size) }
            }
            totals = RunningTotals(values, noise: false)  // only totals of the cleaned rows are read
        }
        bursts = flagged.filter { $0 }.count
        outages = down.filter { $0 }.count
    }

    /// Per block, the noise its burst test uses with `heavyOrders`: where one row (one order) earned
    /// more than the other blocks of its neighbourhood together, the smaller of its own noise and
    /// its neighbours' median noise, else its own. Such an order (an invoice of 45,000 among baskets
    /// of hundreds) makes its block's own noise as large as itself, so by its own noise it never
    /// stands out, and last season would forecast it again at the same minute (a Monday's invoice
    /// at 16:45 made Tuesday afternoon's forecast four times what came). That noise says nothing of
    /// the shop's level, as a block that sold nothing says nothing of its noise. Orders of a heavy
    /// basket shop (half an hour's revenue) stay: they do not outweigh four hours.
    static func heavyOrderNoise(sums: [Double], noise: [Double], largest: [Double], radius: Int) -> [Double] {
        let count = sums.count
        guard count > radius else { return noise }
        return (0..<count).map { block in
            let neighbours = (max(0, block - radius)...min(count - 1, block + radius)).filter { $0 != block }
            guard largest[block] > neighbours.reduce(0, { $0 + sums[$1] }) else { return noise[block] }
            return min(noise[block], ShapeFit.median(neighbours.map { noise[$0] }))
        }
    }

    /// The median of each block's neighbourhood (the blocks `radius` either side of it that lie in
    /// `sums`, itself included) where it holds more than `radius` blocks, else the block's own sum:
    /// one sorted window slid along the blocks, one block leaving and one entering at each step.
    static func neighbourhoodMedians(_ sums: [Double], radius: Int) -> [Double] {
        var result = sums, window: [Double] = []
        window.reserveCapacity(2 * radius + 1)
        /// The first position in `window` holding a value not below `value`.
        func position(_ value: Double) -> Int {
            var low = 0, high = window.count
            while low < high {
                let middle = (low + high) / 2
                if window[middle] < value { low = middle + 1 } else { high = middle }
            }
            return low
        }
        for block in sums.indices.prefix(radius) { window.insert(sums[block], at: position(sums[block])) }
        for block in sums.indices {
            if block - radius - 1 >= 0 { window.remove(at: position(sums[block - radius - 1])) }
            if block + radius < sums.count { window.insert(sums[block + radius], at: position(sums[block + radius])) }
            if window.count > radius { result[block] = ShapeFit.median(ofSorted: window) }
        }
        return result
    }

    /// Cleaned total of rows `from...to` (rows outside the cleaned stretch count as 0).
    func total(_ from: Int, _ to: Int) -> Double {
        totals.total(from - first, min(to, last) - first)
    }

    /// Cleaned mean of rows `row - radius ... row + radius` that lie in the stretch and up to `limit`.
    func smoothed(_ row: Int, radius: Int, limit: Int) -> Double {
        let lower = max(row - radius, first)
        let upper = min(row + radius, limit)
        guard upper >= lower else { return 0 }
        return total(lower, upper) / Double(upper - lower + 1)
    }

    /// Whether a block's `sum` is a burst over its neighbourhood's `reference`.
    static func standsOut(_ sum: Double, over reference: Double, noise: Double) -> Bool {
        reference > 0 && sum > reference * (1 + relativeExcess) && sum - reference > noiseSigmas * noise
    }

    /// A block is an outage when it earned less than this share of its neighbourhood's median
    /// block, by more than `noiseSigmas` times the neighbours' median noise (a quarter: a
    /// night-time trough of a deep daily cycle stays well above it).
    static let outageShare = 0.25

    /// Per block (`sums`, with their `noise`, neighbourhoods of `radius` blocks a side, whose
    /// `medians` are `neighbourhoodMedians`): whether it was an outage, a block that fell out under
    /// its neighbourhood's median (`fellOut`, with the neighbours' median noise) and not
    /// `recurring`, or a block next to one that earned less than that median by more than
    /// `noiseSigmas` times that noise (an outage's partly down edge). Where the neighbourhood is
    /// too short for a median (`radius` blocks or fewer in all), nothing is an outage.
    static func outages(sums: [Double], medians: [Double], noise: [Double], radius: Int, recurring: (Int) -> Bool) -> [Bool] {
        let count = sums.count
        func window(_ block: Int) -> ClosedRange<Int> { max(0, block - radius)...min(count - 1, block + radius) }
        let references = count > radius ? medians : Array(repeating: 0, count: count)
        func neighbourNoise(_ block: Int) -> Double { ShapeFit.median(window(block).filter { $0 != block }.map { noise[$0] }) }
        var down = (0..<count).map { block in
            sums[block] < references[block] * outageShare && fellOut(sums[block], under: references[block], noise: neighbourNoise(block))
                && !recurring(block)
        }
        let edges = (0..<count).filter { block in
            !down[block] && (block > 0 && down[block - 1] || block + 1 < count && down[block + 1])
                && references[block] - sums[block] > noiseSigmas * neighbourNoise(block)
        }
        for block in edges { down[block] = true }
        return down
    }

    /// Whether a block's `sum` fell out under its neighbourhood's `reference`, given the
    /// neighbours' `noise` (a block's own noise says nothing when it sold nothing).
    static func fellOut(_ sum: Double, under reference: Double, noise: Double) -> Bool {
        reference > 0 && sum < reference * outageShare && reference - sum > noiseSigmas * noise
    }

    /// Whether the block of `totals` starting at row `blockFirst` stands out from the median of the
    /// blocks around it (false where too few of them lie inside the series).
    static func standsOut(in totals: RunningTotals, from blockFirst: Int, _ geometry: Geometry) -> Bool {
        guard let blocks = neighbourhood(of: totals, from: blockFirst, geometry) else { return false }
        let size = geometry.blockRows
        let reference = ShapeFit.median(blocks.map { totals.total($0, $0 + size - 1) })
        let noise = totals.noiseVariance(blockFirst, blockFirst + size - 1).squareRoot()
        return standsOut(totals.total(blockFirst, blockFirst + size - 1), over: reference, noise: noise)
    }

    /// Whether the block of `totals` starting at row `blockFirst` fell out under the median of the
    /// blocks around it, by more than their median noise (false where too few of them lie inside
    /// the series).
    static func fellOut(in totals: RunningTotals, from blockFirst: Int, _ geometry: Geometry) -> Bool {
        guard let blocks = neighbourhood(of: totals, from: blockFirst, geometry) else { return false }
        let size = geometry.blockRows
        let reference = ShapeFit.median(blocks.map { totals.total($0, $0 + size - 1) })
        let noise = ShapeFit.median(blocks.filter { $0 != blockFirst }.map { totals.noiseVariance($0, $0 + size - 1).squareRoot() })
        return fellOut(totals.total(blockFirst, blockFirst + size - 1), under: reference, noise: noise)
    }

    /// The first rows of the blocks of `totals` around the one starting at `blockFirst`, itself
    /// included (nil where too few of them lie inside the series).
    static func neighbourhood(of totals: RunningTotals, from blockFirst: Int, _ geometry: Geometry) -> [Int]? {
        let size = geometry.blockRows, radius = geometry.radiusBlocks
        let blocks = (-radius...radius).map { blockFirst + $0 * size }
            .filter { $0 >= 0 && $0 + size <= totals.count }
        return blocks.count > radius && blocks.contains(blockFirst) ? blocks : nil
    }
}
