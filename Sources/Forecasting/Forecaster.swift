import SaleData

/// Makes forecasts of a sale's cumulative revenue from its per-minute revenue.
public enum Forecaster {
    /// Forecasts the `horizon` minutes after the cutoff with the options' model, its prediction
    /// interval and, where the series goes on past the cutoff, its accuracy beside the baselines'.
    ///
    /// `revenue` is per-minute revenue from the sale's first minute; rows after the cutoff are
    /// never shown to the model, only used as actuals.
    public static func forecast(revenue: Series, options: ForecastOptions = ForecastOptions()) throws(ForecastError) -> Forecast {
        let input = try prepare(revenue: revenue, options: options)
        let cutoff = input.cutoff
        let fitted = try options.model.fit(input)
        let mean = cumulative(fitted.rates(origin: cutoff, horizon: input.horizon), input: input)
        let levels = Array(Set(options.levels)).sorted()
        let calibration = IntervalCalibration(input: input, model: fitted)
        let (bounds, burstFree) = options.burstFreeBands ? calibration.bandsWithBurstFree(mean: mean.values, levels: levels)
            : (calibration.bands(mean: mean.values, levels: levels), [])
        let main = levels.firstIndex(of: options.level) ?? 0
        let (lower, upper) = bounds[main]
        let observedTotal = input.revenue.reduce(0, +)
        let actual = actuals(revenue, cutoff: cutoff, horizon: input.horizon, from: observedTotal)
        let drift = cumulative(DriftModel(input: input).rates(origin: cutoff, horizon: input.horizon), input: input)
        let measure = { (forecast: [Double], bands: [(level: Double, lower: [Double], upper: [Double])]) in
            ForecastMetrics.measure(forecast: forecast, bands: bands, main: main, actual: actual,
                                    drift: drift.values, observedTotal: observedTotal, step: input.step)
        }
        let baselines = ForecastModel.baselines.compactMap { model -> BaselineResult? in
            guard let fittedBaseline = try? model.fit(input) else { return nil }
            let baselineMean = cumulative(fittedBaseline.rates(origin: cutoff, horizon: input.horizon), input: input)
            return BaselineResult(model: model, mean: baselineMean.series, metrics: measure(baselineMean.values, []))
        }
        let times = { (values: [Double]) in Series(start: revenue.minute(at: cutoff + 1), step: revenue.step, values: values, zone: revenue.zone) }
        let band = { (level: Double, bounds: (lower: [Double], upper: [Double])) in
            ForecastBand(level: level, lower: times(bounds.lower), upper: times(bounds.upper))
        }
        return Forecast(
            model: options.model, cutoff: cutoff, observedTotal: observedTotal, mean: mean.series, lower: times(lower),
            upper: times(upper), rate: times(mean.rates), level: options.level, bands: zip(levels, bounds).map(band),
            burstFreeBands: zip(levels, burstFree).map(band), loss: fitted.loss,
            actual: times(actual), metrics: measure(mean.values, zip(levels, bounds).map { ($0, $1.lower, $1.upper) }),
            baselines: baselines)
    }

    /// Rates with the known events applied, their running sum from the observed total, and both
    /// as series starting at the minute after the cutoff.
    private static func cumulative(_ modelRates: [Double], input: ForecastInput) -> (rates: [Double], values: [Double], series: Series) {
        var rates = modelRates
        if let events = input.options.knownEvents {
            for index in rates.indices where index < events.count { rates[index] *= events[index] }
        }
        var running = input.revenue.reduce(0, +)
        let values = rates.map { running += $0; return running }
        return (rates, values, Series(start: input.firstForecastMinute, step: input.step, values: values, zone: input.zone))
    }

    /// The actual cumulative revenue of the known rows after the cutoff (at most `horizon`).
    private static func actuals(_ revenue: Series, cutoff: Int, horizon: Int, from observedTotal: Double) -> [Double] {
        var running = observedTotal
        return revenue.values[(cutoff + 1)..<min(revenue.count, cutoff + 1 + horizon)].map { running += $0; return running }
    }
}
