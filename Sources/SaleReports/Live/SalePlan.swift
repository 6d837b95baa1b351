import SaleData

/// What a followed sale is measured against: when it ends, the revenue it should make, and how
/// that revenue is expected to build up minute by minute (the earlier sale's shape, or evenly).
public struct SalePlan: Sendable {
    /// The last minute of the sale (epoch minute, included), when given as a time.
    public var end: Int?
    /// The sale's length in minutes from its first minute, when given as a duration.
    public var length: Int?
    /// The revenue the sale should make by its end.
    public var target: Double?
    /// The largest target taken: `--target 1e308` was printed as a 309-digit amount.
    public static let largestTarget = 1e15
    /// Replaying a past sale: the minute taken as now (orders after it are left out).
    public var now: Int?
    /// An earlier, similar sale's revenue per minute, aligned with this one by minutes since the start.
    public var history: Series?

    /// A plan with nothing known yet: no end, target, replay minute or earlier sale.
    public init() {}

    /// Minutes in the sale that started at `start`: from `end`, `length` or the earlier sale's length.
    public func minutes(start: Int) -> Int? {
        if let end { return max(end - start + 1, 1) }
        if let length { return length }
        return history.map(\.count).flatMap { $0 > 0 ? $0 : nil }
    }

    /// The share of the whole sale's revenue expected after `elapsed` of its `total` minutes: the
    /// earlier sale's cumulative share at the same minute, or `elapsed / total` without one.
    public func expectedShare(elapsed: Int, total: Int) -> Double {
        if let history, history.count > 0 {
            let whole = history.values.reduce(0, +)
            if whole > 0 {
                return history.values.prefix(min(max(elapsed, 0), history.count)).reduce(0, +) / whole
            }
        }
        return total > 0 ? min(Double(elapsed) / Double(total), 1) : 0
    }
}
