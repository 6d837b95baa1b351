#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// How each feature explains this sale's recent hours: its scale is the median over hourly blocks
/// of this sale's revenue divided by the feature's (a campaign's hours, in either, do not move a
/// median), and the features are mixed with weights that grow as their ratios vary less from hour
/// to hour (a feature whose shape tracks the sale's gets the weight). Sparse shops, where too few
/// hours earned anything, use ratios of totals without their largest hour, judged against their
/// standard error, and weights by how well each scaled feature fits the hours (see `sparseFit`).
struct ShapeFit {
    /// One block of rows: this sale's revenue and the features' totals over it.
    struct Block {
        var target: Double
        var features: [Double]
        /// The local day the block lies in (its first row's), so that the wobble of the hours
        /// before the newest is measured within their day (see `followRecentLevel`).
        var day = 0
    }

    /// Smallest spread of log ratios counted, so that one perfect feature does not take all.
    static let spreadFloor = 0.02

    /// Standard errors within which a feature's median log ratio counts as 0 (the feature as is).
    static let biasSigmas = 2.0

    /// Per feature: this sale's revenue over the feature's.
    private(set) var scales: [Double]
    /// Per feature: its share of the mix (the weights sum to 1).
    private(set) var weights: [Double]
    /// Per feature: the median log ratio, its standard error and the ratios' spread, when they were robust.
    private let centres: [(median: Double, standardError: Double, spread: Double)?]
    /// Per feature: the log ratio of totals and its standard error, when the shop was too sparse
    /// for robust ratios.
    private let totalsCentres: [(median: Double, standardError: Double)?]
    /// Per feature: the median log ratio of the newest blocks, its standard error, the ratios'
    /// spread within the newest and within the older blocks of the oldest newest block's day (root
    /// mean square of the two; an earlier day's ratios are its own day over the day before it, and
    /// their spread across the two days would count that day's move as wobble; all the older
    /// blocks while fewer than 3 lie on that day: two hours are no measure of a wobble) and whether
    /// at least 3 older blocks lie beside the newest, when every one of the newest earned something
    /// on both sides.
    private let recentCentres: [(median: Double, standardError: Double, withinSpread: Double, bothSides: Bool)?]

    /// Fits `features` features on `blocks` (newest first); the newest `recentBlocks` of them are
    /// also fitted alone (see `followRecentLevel`; none when 0).
    init(blocks: [Block], features: Int, recentBlocks: Int = 0) {
        var scales: [Double] = [], spreads: [Double] = [], centres: [(median: Double, standardError: Double, spread: Double)?] = []
        var totalsCentres = Array(repeating: (median: Double, standardError: Double)?.none, count: features)
        for index in 0..<features {
            let pairs = blocks.map { ($0.target, $0.features[index]) }
            let ratios = pairs.filter { $0.0 > 0 && $0.1 > 0 }.map { log($0.0 / $0.1) }
            if ratios.count >= max(3, blocks.count * 2 / 3) {
                let centre = Self.centre(ratios)
                scales.append(exp(centre.median))
                spreads.append(centre.spread)
                centres.append((centre.median, centre.standardError, centre.spread))
            } else {
                let sparse = Self.sparseFit(pairs)
                scales.append(sparse.scale)
                spreads.append(sparse.spread)
                centres.append(nil)
                totalsCentres[index] = sparse.centre
            }
        }
        recentCentres = (0..<features).map { index -> (median: Double, standardError: Double, withinSpread: Double, bothSides: Bool)? in
            let recent = blocks.prefix(recentBlocks)
            guard recentBlocks > 0, recent.count == recentBlocks, recent.allSatisfy({ $0.target > 0 && $0.features[index] > 0 }) else { return nil }
            let centre = Self.centre(recent.map { log($0.target / $0.features[index]) })
            let older = blocks.dropFirst(recentBlocks).filter { $0.target > 0 && $0.features[index] > 0 }
            let sameDay = older.filter { $0.day == recent.last?.day }
            let measured = (sameDay.count >= 3 ? sameDay : older).map { log($0.target / $0.features[index]) }
            let olderSpread = measured.count >= 3 ? Self.centre(measured).spread : centre.spread
            return (centre.median, centre.standardError, ((centre.spread * centre.spread + olderSpread * olderSpread) / 2).squareRoot(), older.count >= 3)
        }
        let inverse = spreads.map { 1 / ($0 * $0) }
        let total = inverse.reduce(0, +)
        self.scales = scales
        self.centres = centres
        self.totalsCentres = totalsCentres
        weights = inverse.map { $0 / total }
    }

    /// A feature's scale, spread and centre in a sparse shop, where a block's revenue is mostly one
    /// order or none. The scale is the ratio of totals without each side's largest block (one
    /// invoice is not a level); its log's standard error takes a total's variance as the sum of its
    /// blocks' squares; the spread is the relative root-mean-square error of the scaled feature's
    /// blocks (a feature without the sale's daily rhythm fits its hours worse). With no block at
    /// all, or at most one hour earning on either side (no level left to compare once it is set
    /// aside), the ratio is no evidence: the feature as it stands.
    static func sparseFit(_ pairs: [(Double, Double)]) -> (scale: Double, spread: Double, centre: (median: Double, standardError: Double)) {
        guard !pairs.isEmpty else { return (1, 1, (0, .infinity)) }
        let top = pairs.reduce(0) { $0 + $1.0 }, bottom = pairs.reduce(0) { $0 + $1.1 }
        let largest = (pairs.map(\.0).max() ?? 0, pairs.map(\.1).max() ?? 0)
        let trimmed = (top - largest.0, bottom - largest.1)
        var scale = bottom > 0 ? top / bottom : 0, centre: (median: Double, standardError: Double) = (0, .infinity)
        if trimmed.0 > 0, trimmed.1 > 0 {
            scale = trimmed.0 / trimmed.1
            let squares = pairs.reduce((0.0, 0.0)) { ($0.0 + $1.0 * $1.0, $0.1 + $1.1 * $1.1) }
            let variance = (squares.0 - largest.0 * largest.0) / (trimmed.0 * trimmed.0)
                + (squares.1 - largest.1 * largest.1) / (trimmed.1 * trimmed.1)
            centre = (log(scale), variance.squareRoot())
        }
        let residual = pairs.reduce(0) { $0 + ($1.0 - scale * $1.1) * ($1.0 - scale * $1.1) }.squareRoot()
        return (scale, top > 0 ? max(residual / top, spreadFloor) : 1, centre)
    }

    /// The median of `ratios`, their spread (1.4826 median absolute deviations, at least
    /// `spreadFloor`) and the median's standard error (1.2533 spreads over the root of the count).
    static func centre(_ ratios: [Double]) -> (median: Double, spread: Double, standardError: Double) {
        let median = Self.median(ratios)
        let spread = max(1.4826 * Self.median(ratios.map { abs($0 - median) }), spreadFloor)
        return (median, spread, 1.2533 * spread / Double(max(ratios.count, 1)).squareRoot())
    }

    static func median(_ values: [Double]) -> Double {
        var sorted = values
        return median(sorting: &sorted)
    }

    /// The median of `values`, sorting them in place (no copy, for hot loops).
    static func median(sorting values: inout [Double]) -> Double {
        values.sort()
        return median(ofSorted: values)
    }

    /// The median of `sorted`, values in rising order (0 when empty).
    static func median(ofSorted sorted: [Double]) -> Double {
        guard !sorted.isEmpty else { return 0 }
        let middle = sorted.count / 2
        return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
    }

    /// Whether feature `index` already matches this sale: its hourly log ratios centre on 0 within
    /// `biasSigmas` standard errors of their median (1.2533 spreads over the root of the count).
    func tracksAsIs(_ index: Int) -> Bool {
        guard let centre = centres[index] else { return false }
        return abs(centre.median) < Self.biasSigmas * centre.standardError
    }

    /// Whether feature `index` was fitted as in a sparse shop (ratios of totals, too few hours earning).
    func isSparse(_ index: Int) -> Bool { centres[index] == nil }

    /// Sets a sparse feature's scale to 1 when its ratio of totals lies within `biasSigmas`
    /// standard errors of 1 (or nothing was seen): one large invoice is not a level.
    mutating func keepUnlessSignificant(_ index: Int) {
        guard let centre = totalsCentres[index], !(abs(centre.median) >= Self.biasSigmas * centre.standardError) else { return }
        scales[index] = 1
    }

    /// Sets feature `index`'s scale to its newest blocks' median ratio when that differs from the
    /// scale by more than `biasSigmas` standard errors of both medians and by more than `biasSigmas`
    /// spreads of the hourly ratios within the newest blocks and within the older ones of their day
    /// (beyond the hour-to-hour wobble of the shape on either side of a move, which a spread across
    /// the move would count as wobble: the newest hours are unlike the others, not a little off).
    /// The whole window's standard error takes that within spread too when at least 3 older blocks
    /// lie beside the newest (the window's median straddles the move, and its spread is the move's
    /// gap, not the hours' wobble; in a shorter window the newest hours are most of it): the level
    /// has moved (a day unlike the day before, a sale that is over), and the older hours no longer
    /// say what it is. Robust fits only: in a sparse shop a few hours are too few for a level.
    /// Returns whether it did.
    @discardableResult
    mutating func followRecentLevel(_ index: Int) -> Bool {
        guard let recent = recentCentres[index], let centre = centres[index], scales[index] > 0 else { return false }
        let difference = abs(recent.median - log(scales[index]))
        let centreError = centre.standardError * (recent.bothSides ? min(1, recent.withinSpread / centre.spread) : 1)
        let standardError = (recent.standardError * recent.standardError + centreError * centreError).squareRoot()
        guard difference > Self.biasSigmas * max(standardError, recent.withinSpread) else { return false }
        scales[index] = exp(recent.median)
        return true
    }

    /// Sets feature `index`'s scale to its newest blocks' median ratio, when they were fitted.
    mutating func useRecentScale(_ index: Int) {
        guard let recent = recentCentres[index] else { return }
        scales[index] = exp(recent.median)
    }

    /// Gives feature `index` all the weight, keeping its scale.
    mutating func weighAlone(_ index: Int) {
        weights = weights.indices.map { $0 == index ? 1 : 0 }
    }

    /// Takes feature `index` as it is (scale 1) and alone.
    mutating func useAlone(_ index: Int) {
        scales[index] = 1
        weighAlone(index)
    }

    /// Sets feature `index`'s scale, keeping the weights.
    mutating func setScale(_ index: Int, to scale: Double) {
        scales[index] = scale
    }
}
