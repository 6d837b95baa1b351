import Cancellation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import SaleData

/// How a campaign's effect is learned from a past sale.
public struct EffectLearningOptions: Sendable, Equatable {
    /// Minutes before the send that show the baseline without the campaign (at least 30 rows).
    public var minutesBefore = 180
    /// Minutes from the send on that are fitted (at least 20 rows).
    public var minutesAfter = 240
    /// Minutes from the send to the peak, assumed (the simulator's default is 5).
    public var riseMinutes = 5.0
    /// Degree of the polynomial baseline over the window (3 follows the daily cycle's bends).
    public var baselineDegree = 3
    /// The expected revenue without the campaign (a forecast, or an earlier sale's profile) over
    /// the window, if known: the baseline is then this shape times the polynomial (degree 1 is
    /// then usually enough).
    public var reference: Series?
    /// Confidence level of the intervals.
    public var level = 0.9
    /// Half-lives searched, in minutes.
    public var halfLifeRange: ClosedRange<Double> = 2...480

    /// The defaults.
    public init() {}
}

/// Estimates a campaign's lift and half-life from a sale's per-minute revenue.
///
/// Around the send, revenue is modelled as `b(t) * (1 + lift * shape(t))`: a polynomial baseline
/// `b` (the counterfactual without the campaign, pinned down mostly by the minutes before the
/// send) times the campaign's factor. For each half-life on a grid the baseline and the lift
/// are fitted by least squares (the lift enters linearly once `b` is fixed, so a few alternations
/// settle it), weighted by the inverse of a first fit's expected revenue, as a Poisson count's
/// variance grows with its mean. The half-life minimising the residuals wins; its interval is the
/// profile-likelihood one, and the lift's interval joins `lift +- z * se` over the half-lives in it.
public enum EffectLearner {
    /// The effect of a campaign sent at epoch minute `minute` in `revenue` (per-minute revenue).
    public static func learn(_ revenue: Series, sentAt minute: Int, options: EffectLearningOptions = .init())
        throws(EffectLearningError) -> LearnedEffect
    {
        let window = try EffectWindow(revenue, sentAt: minute, options: options)
        let grid = halfLifeGrid(options.halfLifeRange)
        let unweighted = Array(repeating: 1.0, count: window.y.count)
        let plain = window.leastSquares(weights: unweighted)
        guard let first = grid.compactMap({ window.fit(halfLife: $0, plain) }).min(by: { $0.rss < $1.rss })
        else { throw EffectLearningError("the revenue around the send cannot be fitted") }
        guard !CancellationCheck.isRequested else { throw EffectLearningError("cancelled") }
        let floor = Swift.max(window.y.reduce(0, +) / Double(window.y.count) * 0.05, 1e-9)
        let weights = first.fitted.map { 1 / Swift.max($0, floor) }
        let weighted = window.leastSquares(weights: weights)
        let fits = grid.compactMap { window.fit(halfLife: $0, weighted) }
        guard !CancellationCheck.isRequested else { throw EffectLearningError("cancelled") }
        guard let best = fits.min(by: { $0.rss < $1.rss }) else {
            throw EffectLearningError("the revenue around the send cannot be fitted")
        }
        let z = normalQuantile(level: options.level)
        let n = Double(window.y.count)
        let tiny = Double.leastNormalMagnitude  // a perfect fit leaves only itself plausible
        let plausible = fits.filter { n * log(Swift.max($0.rss, tiny) / Swift.max(best.rss, tiny)) <= z * z }
        let halfLives = plausible.map(\.halfLife)
        let lows = plausible.map { $0.lift - z * $0.liftError }, highs = plausible.map { $0.lift + z * $0.liftError }
        return LearnedEffect(
            lift: best.lift, halfLife: best.halfLife, riseMinutes: options.riseMinutes,
            liftInterval: (lows.min() ?? best.lift)...(highs.max() ?? best.lift),
            halfLifeInterval: (halfLives.min() ?? best.halfLife)...(halfLives.max() ?? best.halfLife),
            level: options.level, baselineAtSend: best.baselineAtSend, extraRevenue: best.extraRevenue,
            minutesBefore: window.before * window.step, minutesAfter: window.after * window.step)
    }

    /// Log-spaced half-lives, about 5% apart.
    static func halfLifeGrid(_ range: ClosedRange<Double>) -> [Double] {
        let low = Swift.max(range.lowerBound, 0.5), high = Swift.max(range.upperBound, low)
        let count = Swift.max(2, Int((log(high / low) / log(1.05)).rounded(.up)) + 1)
        return (0..<count).map { low * pow(high / low, Double($0) / Double(count - 1)) }
    }

    /// The `z` with `P(|Z| < z) = level` for a standard normal `Z` (bisection on `erf`).
    static func normalQuantile(level: Double) -> Double {
        var low = 0.0, high = 10.0
        for _ in 0..<80 {
            let mid = (low + high) / 2
            if erf(mid / 2.0.squareRoot()) < level { low = mid } else { high = mid }
        }
        return (low + high) / 2
    }
}
