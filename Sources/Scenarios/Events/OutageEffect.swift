/// A site outage or stock-out: the rate falls to `remaining` times the baseline over a span.
public struct OutageEffect: Sendable, Equatable {
    /// First minute of the outage, counted in UTC from the epoch.
    public var from: Int
    /// Minute the site is back (exclusive).
    public var until: Int
    /// Share of the baseline rate still coming in (0: nothing; 0.1 for a partial stock-out).
    public var remaining: Double

    /// An outage over `from..<until`; by default nothing comes in.
    public init(from: Int, until: Int, remaining: Double = 0) {
        self.from = from
        self.until = until
        self.remaining = remaining
    }

    /// The factor on the baseline rate at a minute.
    public func multiplier(at minute: Int) -> Double { minute >= from && minute < until ? remaining : 1 }
}
