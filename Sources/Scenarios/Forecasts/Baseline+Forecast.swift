import Forecasting

extension Baseline {
    /// The baseline of a forecast: its per-minute rate and cumulative band after the cutoff.
    public init(_ forecast: Forecast) {
        self.init(observed: forecast.observedTotal, rate: forecast.rate, lower: forecast.lower, upper: forecast.upper)
    }
}
