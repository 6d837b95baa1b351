import Foundation

/// This sale's revenue up to an origin with one-off bursts taken out: an e-mail campaign, a post
/// that went viral. Last season is the default model's best guide to the hours ahead, but
/// yesterday's campaign will not repeat at the same minute today, so before last season is used,
/// each quarter hour that earned far more than the hours around it is scaled down to their median.
struct BurstCleaning {
    /// Rows per block that is judged on its own.
    static let blockRows = 15
    /// Blocks on each side of a block that make up its neighbourhood.
    static let radiusBlocks = 8
    /// A block is a burst when it earned this much more than its neighbourhood's median block...
    static let relativeExcess = 0.25
    /// ... and the excess is this many times the block's own noise (standard deviation).
    static let noiseSigmas = 3.0
    /// Most rounds of flagging (each against the neighbours not yet flagged).
    static let passes = 4

    /// The first row covered.
    let first: Int
    /// Running totals of the cleaned revenue of rows `first...`.
    let totals: RunningTotals
    /// Number of blocks scaled down.
    let bursts: Int

    /// Cleans rows `first...last` of `revenue`. Blocks end at `last` (so the newest block is
    /// whole); leftover rows at the start are kept as they are. `raw` holds running totals of
    /// `revenue` for the blocks' sums and noise.
    init(revenue: [Double], raw: RunningTotals, first: Int, last: Int) {
        let first = max(0, first), size = Self.blockRows
        let count = max(0, (last - first + 1) / size)
        let start = last - count * size + 1
        let sums = (0..<count).map { raw.total(start + $0 * size, start + $0 * size + size - 1) }
        var values = last >= first ? Array(revenue[first...last]) : []
        let noise = (0..<count).map { raw.noiseVariance(start + $0 * size, start + $0 * size + size - 1).squareRoot() }
        // Flag bursts against the median of the unflagged neighbours until no more stand out, so
        // that an hour-long campaign does not lift the reference of its own blocks.
        var flagged = Array(repeating: false, count: count), references = sums
        for _ in 0..<Self.passes {
            references = (0..<count).map { block in
                let window = max(0, block - Self.radiusBlocks)...min(count - 1, block + Self.radiusBlocks)
                guard window.count > Self.radiusBlocks else { return sums[block] }
                let unflagged = window.filter { !flagged[$0] }.map { sums[$0] }
                return unflagged.count > Self.radiusBlocks / 2 ? ShapeFit.median(unflagged) : references[block]
            }
            let newly = (0..<count).filter { block in
                !flagged[block] && references[block] > 0 && sums[block] > references[block] * (1 + Self.relativeExcess)
                    && sums[block] - references[block] > Self.noiseSigmas * noise[block]
            }
            guard !newly.isEmpty else { break }
            for block in newly { flagged[block] = true }
        }
        for block in 0..<count where flagged[block] {
            let factor = references[block] / sums[block], blockFirst = start + block * size
            for row in blockFirst..<blockFirst + size { values[row - first] *= factor }
        }
        self.first = first
        totals = RunningTotals(values)
        bursts = flagged.filter { $0 }.count
    }

    /// Cleaned total of rows `first...last` (rows before the cleaned stretch count as 0).
    func total(_ from: Int, _ to: Int) -> Double {
        totals.total(from - first, to - first)
    }

    /// Cleaned mean of rows `row - radius ... row + radius` that lie in the stretch and up to `limit`.
    func smoothed(_ row: Int, radius: Int, limit: Int) -> Double {
        let lower = max(row - radius, first)
        let upper = min(row + radius, limit)
        guard upper >= lower else { return 0 }
        return total(lower, upper) / Double(upper - lower + 1)
    }
}
