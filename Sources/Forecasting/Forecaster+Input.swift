import SaleData

extension Forecaster {
    /// Checks the series and options and gathers what the models see.
    static func prepare(revenue: Series, options: ForecastOptions) throws(ForecastError) -> ForecastInput {
        try options.validate()
        try checkValues(revenue, name: "revenue")
        let cutoff = options.cutoff ?? revenue.count - 1
        guard cutoff >= 0, cutoff < revenue.count else {
            throw .cutoffOutOfRange(cutoff: cutoff, count: revenue.count)
        }
        let step = max(revenue.step, 1)
        let train = try ForecastOptions.rows("train", options.train, step: step)
        let horizon = try ForecastOptions.rows("horizon", options.horizon, step: step)
        let window = options.model.method.readsWindow ? try ForecastOptions.rows("window", options.window, step: step) : options.window
        let season = try options.season.map { (minutes) throws(ForecastError) in try ForecastOptions.rows("season", minutes, step: step) }
        guard train <= cutoff + 1 else {
            throw .trainingWindowTooShort(
                needed: options.train, got: (cutoff + 1) * step,
                reason: "only \((cutoff + 1) * step) minutes are observed up to the cutoff (row \(cutoff))")
        }
        do { try revenue.checkSpan(extra: cutoff + 1 + horizon - revenue.count) } catch {
            throw .invalidOption(name: "horizon", message: "reaches too far: \(error)")
        }
        let needed = options.model.method.minimumTraining(window: window, step: step)
        guard train >= needed else {
            throw .trainingWindowTooShort(needed: needed * step, got: options.train,
                                          reason: "model '\(options.model.rawValue)' cannot learn from fewer minutes")
        }
        if let history = options.history { try checkValues(history, name: "earlier sale's revenue") }
        let rows = cutoff + 1 + horizon
        let minuteOfDay = (0..<rows).map { row -> Int in
            let minute = revenue.minute(at: row)
            let local = minute + revenue.zone.offset(atUTC: minute * 60) / 60
            return ((local % 1440) + 1440) % 1440
        }
        return ForecastInput(
            revenue: Array(revenue.values[0...cutoff]), train: train, horizon: horizon, window: window,
            history: options.history?.values, minuteOfDay: minuteOfDay,
            season: season ?? max(1, 1440 / step), options: options,
            firstForecastMinute: revenue.minute(at: cutoff + 1), step: step, zone: revenue.zone)
    }

    /// Throws when the series is empty or holds a value that is not finite.
    static func checkValues(_ series: Series, name: String) throws(ForecastError) {
        guard !series.values.isEmpty else { throw .emptySeries(name: name) }
        if let row = series.values.firstIndex(where: { !$0.isFinite }) {
            throw .notFinite(name: name, row: row, label: series.label(at: row))
        }
    }
}
