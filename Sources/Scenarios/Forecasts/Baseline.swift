import Forecasting
import SaleData

/// The forecast without the events: what comes in each minute after the cutoff, and the
/// cumulative bands around it (one per level, nested, the first the main one).
///
/// Series are per minute from the first minute after the cutoff; cumulative values include the
/// revenue observed up to the cutoff.
public struct Baseline: Sendable, Equatable {
    /// Cumulative revenue observed up to the cutoff.
    public var observed: Double
    /// Expected revenue in each minute after the cutoff.
    public var rate: Series
    /// Cumulative bands at the same minutes as `rate`, one per level, the main one first (at
    /// least one: a band of zero width when none is known).
    public var bands: [ForecastBand]
    /// The bands at the same levels for a scenario that states its campaigns: calibrated on the
    /// sale with its one-off bursts taken out (`Forecast.burstFreeBands`), or `bands` where none were made.
    public var burstFreeBands: [ForecastBand]

    /// Cumulative lower bound of the main band.
    public var lower: Series { bands[0].lower }
    /// Cumulative upper bound of the main band.
    public var upper: Series { bands[0].upper }

    /// A baseline from its per-minute expected revenue and cumulative bands; bands whose length
    /// is not the rate's are left out (none left: a band of zero width at `level` 0.8).
    /// `burstFreeBands` are taken where they fit and have the bands' levels, else the bands stand in.
    public init(observed: Double, rate: Series, bands: [ForecastBand], burstFreeBands: [ForecastBand] = []) {
        self.observed = observed
        self.rate = rate
        let mean = Self.cumulative(rate, from: observed)
        let fits = { (band: ForecastBand) in band.lower.count == rate.count && band.upper.count == rate.count }
        let fitting = bands.filter(fits)
        self.bands = fitting.isEmpty ? [ForecastBand(level: 0.8, lower: mean, upper: mean)] : fitting
        let burstFree = burstFreeBands.filter(fits)
        self.burstFreeBands = burstFree.map(\.level) == self.bands.map(\.level) ? burstFree : self.bands
    }

    /// A baseline from its per-minute expected revenue and one cumulative band at `level` (both
    /// ends may be left out, giving a band of zero width).
    public init(observed: Double, rate: Series, lower: Series? = nil, upper: Series? = nil, level: Double = 0.8) {
        let mean = Self.cumulative(rate, from: observed)
        let fits = { (bound: Series?) in bound.flatMap { $0.count == rate.count ? $0 : nil } ?? mean }
        self.init(observed: observed, rate: rate, bands: [ForecastBand(level: level, lower: fits(lower), upper: fits(upper))])
    }

    /// A baseline from a cumulative forecast (mean, lower, upper at `level`) and the revenue
    /// observed up to the cutoff; the rate is the mean's growth from one minute to the next.
    public init(observed: Double, cumulativeMean mean: Series, lower: Series? = nil, upper: Series? = nil, level: Double = 0.8) {
        var previous = observed
        let rate = mean.values.map { value in
            defer { previous = value }
            return value - previous
        }
        self.init(observed: observed, rate: Series(start: mean.start, step: mean.step, values: rate, zone: mean.zone),
                  lower: lower, upper: upper, level: level)
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
