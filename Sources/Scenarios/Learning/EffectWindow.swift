#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import SaleData

/// The minutes around a send that a campaign's effect is fitted on.
struct EffectWindow {
    /// Revenue in the window, and minutes since the send of each value.
    let y: [Double], since: [Double]
    /// Values used before and from the send (rows: at least 30 and 20 when the series has them).
    let before: Int, after: Int
    /// Minutes per value.
    let step: Int
    let options: EffectLearningOptions
    /// The baseline's polynomial columns, on a time scaled to about -1...1.
    private let polynomial: [[Double]]

    /// One fit at a half-life.
    struct Fit {
        let halfLife: Double, lift: Double, liftError: Double, rss: Double
        let fitted: [Double]
        let baselineAtSend: Double, extraRevenue: Double
    }

    init(_ revenue: Series, sentAt minute: Int, options: EffectLearningOptions) throws(EffectLearningError) {
        guard let send = revenue.index(ofMinute: minute) else {
            throw EffectLearningError("the send minute lies outside the series")
        }
        step = revenue.step
        before = Swift.min(Swift.max(options.minutesBefore / revenue.step, 30), send)
        after = Swift.min(Swift.max(options.minutesAfter / revenue.step, 20), revenue.count - send)
        guard before >= 30 else { throw EffectLearningError("need 30 rows before the send, got \(Self.rows(before, revenue.step))") }
        guard after >= 20 else { throw EffectLearningError("need 20 rows from the send on, got \(Self.rows(after, revenue.step))") }
        let values = Array(revenue.values[(send - before)..<(send + after)])
        guard values.allSatisfy({ $0.isFinite && $0 >= 0 }) else {
            throw EffectLearningError("revenue around the send must be finite and not negative")
        }
        guard values.prefix(before).reduce(0, +) > 0 else {
            throw EffectLearningError("no revenue before the send to compare with")
        }
        y = values
        let first = send - before
        let since = (0..<values.count).map { Double(revenue.minute(at: first + $0) - minute) }
        self.since = since
        self.options = options
        let scale = Double(Swift.max(before, after) * revenue.step)
        let degree = Swift.max(0, Swift.min(options.baselineDegree, 4))
        let shape = try Self.referenceShape(options.reference, at: (0..<values.count).map { revenue.minute(at: first + $0) })
        polynomial = (0...degree).map { power in zip(since, shape).map { pow($0 / scale, Double(power)) * $1 } }
    }

    /// `count` rows, with their minutes when a row is more than one minute (`12 (180 minutes of 15-minute rows)`).
    private static func rows(_ count: Int, _ step: Int) -> String {
        step > 1 ? "\(count) (\(count * step) minutes of \(step)-minute rows)" : "\(count)"
    }

    /// The fixed part of the fits with these weights.
    func leastSquares(weights: [Double]) -> WeightedLeastSquares {
        WeightedLeastSquares(fixed: polynomial, y: y, weights: weights)
    }

    /// The baseline and lift at one half-life, or nil when the columns are dependent.
    func fit(halfLife: Double, _ leastSquares: WeightedLeastSquares) -> Fit? {
        let shape = since.map { CampaignEffect.shape(since: $0, riseMinutes: options.riseMinutes, halfLife: halfLife) }
        var spike = shape
        var baseline: [Double] = []
        var solution: WeightedLeastSquares.Solution?
        for _ in 0..<3 {
            guard let next = leastSquares.solve(extra: spike) else { return nil }
            solution = next
            baseline = self.baseline(next.coefficients)
            for t in spike.indices { spike[t] = baseline[t] * shape[t] }
        }
        guard let solution else { return nil }
        let lift = solution.coefficients[polynomial.count]
        let dof = Double(Swift.max(y.count - polynomial.count - 1, 1))
        let variance = solution.residualSum / dof * solution.extraInverse
        var extra = 0.0
        for t in spike.indices { extra += lift * spike[t] }
        return Fit(halfLife: halfLife, lift: lift, liftError: Swift.max(variance, 0).squareRoot(),
                   rss: solution.residualSum, fitted: spike.indices.map { baseline[$0] + lift * spike[$0] },
                   baselineAtSend: baseline[before], extraRevenue: extra)
    }

    /// The reference's values at the window's minutes (all 1 without a reference), scaled to mean 1.
    private static func referenceShape(_ reference: Series?, at minutes: [Int]) throws(EffectLearningError) -> [Double] {
        guard let reference else { return minutes.map { _ in 1 } }
        let values = minutes.map { reference.value(atMinute: $0) ?? .nan }
        guard values.allSatisfy({ $0.isFinite && $0 > 0 }) else {
            throw EffectLearningError("the reference must be positive over the minutes fitted")
        }
        let mean = values.reduce(0, +) / Double(values.count)
        return values.map { $0 / mean }
    }

    /// The polynomial part of a fit over the window.
    private func baseline(_ coefficients: [Double]) -> [Double] {
        var values = [Double](repeating: 0, count: y.count)
        for (column, coefficient) in zip(polynomial, coefficients) {
            for t in values.indices { values[t] += coefficient * column[t] }
        }
        return values
    }
}
