import Forecasting

extension Baseline {
    /// The baseline of a forecast: its per-minute rate and cumulative bands after the cutoff.
    public init(_ forecast: Forecast) {
        let bands = forecast.bands.isEmpty ? [ForecastBand(level: forecast.level, lower: forecast.lower, upper: forecast.upper)] : forecast.bands
        self.init(observed: forecast.observedTotal, rate: forecast.rate, bands: bands, burstFreeBands: forecast.burstFreeBands)
    }
}
