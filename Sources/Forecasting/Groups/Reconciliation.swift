/// How the groups' forecasts are made coherent with the total's, so that the groups add up to it.
///
/// With a total and its groups (a two-level hierarchy), the base forecasts disagree by a gap: the
/// total's own forecast minus the sum of the groups'. Each method shares that gap out.
public enum Reconciliation: String, Sendable, CaseIterable {
    /// The total is the sum of the groups' forecasts; the total's own forecast is not used.
    case bottomUp = "bottom_up"
    /// Weighted least squares with each forecast's variance (MinT with a diagonal covariance,
    /// hierarchicalforecast's `wls_var`): the gap goes to the total and to each group in proportion
    /// to its forecast's variance, read from its calibrated band, so the least certain forecast moves most.
    case wls

    /// How tables and messages name it.
    public var label: String {
        switch self {
        case .bottomUp: return "bottom-up"
        case .wls: return "WLS (MinT, diagonal)"
        }
    }

    /// Each group's share of the gap: nothing for bottom-up (the groups stand and the total follows),
    /// variance over the sum of every variance (the total's included) for WLS. When no forecast has
    /// any spread, the gap is shared equally among the total and the groups.
    func shares(totalVariance: Double, groupVariances: [Double]) -> [Double] {
        switch self {
        case .bottomUp: return groupVariances.map { _ in 0 }
        case .wls:
            let sum = groupVariances.reduce(totalVariance, +)
            guard sum > 0, sum.isFinite else {
                return groupVariances.map { _ in 1 / Double(groupVariances.count + 1) }
            }
            return groupVariances.map { $0 / sum }
        }
    }
}
