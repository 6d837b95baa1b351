import SaleData

/// The forecast without the events: what comes in each minute after the cutoff, and the
/// cumulative band around it.
///
/// Series are per minute from the first minute after the cutoff; cumulative values include the
/// revenue observed up to the cutoff.
public struct Baseline: Sendable, Equatable {
    /// Cumulative revenue observed up to the cutoff.
    public var observed: Double
    /// Expected revenue in each minute after the cutoff.
    public var rate: Series
    /// Cumulative lower bound of the band, at the same minutes as `rate`.
    public var lower: Series
    /// Cumulative upper bound of the band.
    public var upper: Series

    /// A baseline from its per-minute expected revenue and cumulative band (both ends may be
    /// empty, giving a band of zero width).
    public init(observed: Double, rate: Series, lower: Series? = nil, upper: Series? = nil) {
        self.observed = observed
        self.rate = rate
        let mean = Self.cumulative(rate, from: observed)
        self.lower = lower.flatMap { $0.count == rate.count ? $0 : nil } ?? mean
        self.upper = upper.flatMap { $0.count == rate.count ? $0 : nil } ?? mean
    }

    /// A baseline from a cumulative forecast (mean, lower, upper) and the revenue observed up to
    /// the cutoff; the rate is the mean's growth from one minute to the next.
    public init(observed: Double, cumulativeMean mean: Series, lower: Series? = nil, upper: Series? = nil) {
        var previous = observed
        let rate = mean.values.map { value in
            defer { previous = value }
            return value - previous
        }
        self.init(observed: observed, rate: Series(start: mean.start, step: mean.step, values: rate, zone: mean.zone),
                  lower: lower, upper: upper)
    }

    /// The cumulative expected revenue.
    public var mean: Series { Self.cumulative(rate, from: observed) }

    /// Running totals of a per-minute series, starting from `observed`.
    static func cumulative(_ rate: Series, from observed: Double) -> Series {
        var total = observed
        return Series(start: rate.start, step: rate.step, values: rate.values.map { total += $0; return total },
                      zone: rate.zone)
    }

    /// Number of values that lie before `minute` (the revenue "by" that minute), clamped.
    func count(before minute: Int) -> Int {
        guard minute > rate.start else { return 0 }
        return Swift.min(rate.count, (minute - rate.start + rate.step - 1) / rate.step)
    }
}
