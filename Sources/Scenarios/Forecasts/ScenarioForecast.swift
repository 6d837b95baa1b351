import Forecasting
import SaleData

/// A baseline forecast with a scenario's events applied.
public struct ScenarioForecast: Sendable, Equatable {
    /// The scenario's name.
    public let name: String
    /// The events applied.
    public let events: [ScenarioEvent]
    /// The forecast without the events.
    public let baseline: Baseline
    /// Expected revenue in each minute after the cutoff.
    public let rate: Series
    /// Cumulative expected revenue (including what was observed up to the cutoff).
    public let mean: Series
    /// Cumulative bands at the baseline's levels, the main one first.
    public let bands: [ForecastBand]

    /// Cumulative lower bound of the main band.
    public var lower: Series { bands[0].lower }
    /// Cumulative upper bound of the main band.
    public var upper: Series { bands[0].upper }

    /// Expected cumulative revenue at the end of the forecast.
    public var total: Double { mean.values.last ?? baseline.observed }

    /// Extra revenue over the baseline by the end of the forecast.
    public var gain: Double { rate.sum - baseline.rate.sum }

    /// Expected cumulative revenue by a minute: everything before it (so by 18:00 counts up to
    /// 17:59); minutes past the forecast count to its end.
    public func total(by minute: Int) -> Double {
        baseline.observed + rate.values.prefix(baseline.count(before: minute)).reduce(0, +)
    }

    /// Extra revenue over the baseline by a minute (everything before it).
    public func gain(by minute: Int) -> Double {
        let n = baseline.count(before: minute)
        return rate.values.prefix(n).reduce(0, +) - baseline.rate.values.prefix(n).reduce(0, +)
    }
}
