import Foundation

/// How each feature explains this sale's recent hours: its scale is the median over hourly blocks
/// of this sale's revenue divided by the feature's (a campaign's hours, in either, do not move a
/// median), and the features are mixed with weights that grow as their ratios vary less from hour
/// to hour (a feature whose shape tracks the sale's gets the weight). Sparse shops, where too few
/// hours earned anything, use ratios of totals and equal weights.
struct ShapeFit {
    /// One block of rows: this sale's revenue and the features' totals over it.
    struct Block {
        var target: Double
        var features: [Double]
    }

    /// Smallest spread of log ratios counted, so that one perfect feature does not take all.
    static let spreadFloor = 0.02

    /// Standard errors within which a feature's median log ratio counts as 0 (the feature as is).
    static let biasSigmas = 2.0

    /// Per feature: this sale's revenue over the feature's.
    private(set) var scales: [Double]
    /// Per feature: its share of the mix (the weights sum to 1).
    private(set) var weights: [Double]
    /// Per feature: the median log ratio and its standard error, when the ratios were robust.
    private let centres: [(median: Double, standardError: Double)?]

    init(blocks: [Block], features: Int) {
        var scales: [Double] = [], spreads: [Double] = [], centres: [(median: Double, standardError: Double)?] = []
        for index in 0..<features {
            let pairs = blocks.map { ($0.target, $0.features[index]) }
            let ratios = pairs.filter { $0.0 > 0 && $0.1 > 0 }.map { log($0.0 / $0.1) }
            if ratios.count >= max(3, blocks.count * 2 / 3) {
                let center = Self.median(ratios)
                scales.append(exp(center))
                spreads.append(max(1.4826 * Self.median(ratios.map { abs($0 - center) }), Self.spreadFloor))
                centres.append((center, 1.2533 * spreads[index] / Double(ratios.count).squareRoot()))
            } else {
                let bottom = pairs.reduce(0) { $0 + $1.1 }
                scales.append(bottom > 0 ? pairs.reduce(0) { $0 + $1.0 } / bottom : 0)
                spreads.append(1)
                centres.append(nil)
            }
        }
        let inverse = spreads.map { 1 / ($0 * $0) }
        let total = inverse.reduce(0, +)
        self.scales = scales
        self.centres = centres
        weights = inverse.map { $0 / total }
    }

    static func median(_ values: [Double]) -> Double {
        guard !values.isEmpty else { return 0 }
        let sorted = values.sorted()
        return sorted.count % 2 == 1 ? sorted[sorted.count / 2] : (sorted[sorted.count / 2 - 1] + sorted[sorted.count / 2]) / 2
    }

    /// Whether feature `index` already matches this sale: its hourly log ratios centre on 0 within
    /// `biasSigmas` standard errors of their median (1.2533 spreads over the root of the count).
    func tracksAsIs(_ index: Int) -> Bool {
        guard let centre = centres[index] else { return false }
        return abs(centre.median) < Self.biasSigmas * centre.standardError
    }

    /// Takes feature `index` as it is (scale 1) and alone.
    mutating func useAlone(_ index: Int) {
        scales[index] = 1
        weights = weights.indices.map { $0 == index ? 1 : 0 }
    }

    /// Sets feature `index`'s scale, keeping the weights.
    mutating func setScale(_ index: Int, to scale: Double) {
        scales[index] = scale
    }
}
