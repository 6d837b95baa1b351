import Forecasting
import SaleData

/// Forecasts with events known in advance: a planned campaign is forecast, not missed.
///
/// Events starting after the cutoff reach the model as `ForecastOptions.knownEvents` (their factor
/// on the forecast rate, minute by minute). With `removingPast` (the default) events that started
/// by the cutoff are taken out of the observed revenue the model learns from (each minute divided
/// by the events' factor, where it is above 0) and their tails applied after the cutoff, and the
/// forecast is put back on the revenue actually observed; without it they are left to the model.
/// On the simulated sales of Benchmarks/BenchScenario the default model, whose level is a median of
/// hourly ratios and whose last season is cleaned of bursts, needs them: see its README.
public enum EventForecaster {
    /// The forecast of `revenue` with `events` (epoch minutes) as known inputs.
    public static func forecast(revenue: Series, events: [ScenarioEvent], options: ForecastOptions = ForecastOptions(),
                                removingPast: Bool = true) throws(ForecastError) -> Forecast {
        let cutoff = options.cutoff ?? revenue.count - 1
        guard cutoff >= 0, cutoff < revenue.count else { throw .cutoffOutOfRange(cutoff: cutoff, count: revenue.count) }
        let events = removingPast ? events : events.filter { $0.firstMinute > revenue.minute(at: cutoff) }
        var options = options
        let rows = Swift.max(options.horizon / Swift.max(revenue.step, 1), 1)  // the horizon is minutes
        let future = (1...rows).map { events.multiplier(row: revenue.minute(at: cutoff + $0), step: revenue.step) }
        let known = options.knownEvents ?? []
        options.knownEvents = future.indices.map { $0 < known.count ? future[$0] * known[$0] : future[$0] }
        guard removingPast, !events.isEmpty else { return try Forecaster.forecast(revenue: revenue, options: options) }
        var adjusted = revenue
        for row in 0...cutoff {
            let factor = events.multiplier(row: revenue.minute(at: row), step: revenue.step)
            if factor > 0 { adjusted.values[row] /= factor }
        }
        let forecast = try Forecaster.forecast(revenue: adjusted, options: options)
        return forecast.shifted(by: revenue.values[0...cutoff].reduce(0, +) - forecast.observedTotal)
    }
}

extension Forecast {
    /// The same forecast anchored `delta` higher (every cumulative value moved), with MAPE measured again.
    func shifted(by delta: Double) -> Forecast {
        var copy = self
        let move = { (series: Series) in series.map { $0 + delta } }
        copy.observedTotal += delta
        copy.mean = move(mean)
        copy.lower = move(lower)
        copy.upper = move(upper)
        copy.bands = bands.map { ForecastBand(level: $0.level, lower: move($0.lower), upper: move($0.upper)) }
        copy.burstFreeBands = burstFreeBands.map { ForecastBand(level: $0.level, lower: move($0.lower), upper: move($0.upper)) }
        copy.actual = move(actual)
        copy.metrics?[.mape] = ForecastMetrics.mape(forecast: copy.mean.values, actual: copy.actual.values)
        copy.baselines = baselines.map { baseline in
            var moved = baseline
            moved.mean = move(baseline.mean)
            moved.metrics?[.mape] = ForecastMetrics.mape(forecast: moved.mean.values, actual: copy.actual.values)
            return moved
        }
        return copy
    }
}
