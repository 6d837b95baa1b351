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
        guard options.train <= cutoff + 1 else {
            throw .trainingWindowTooShort(
                needed: options.train, got: cutoff + 1,
                reason: "only \(cutoff + 1) minutes are observed up to the cutoff (row \(cutoff))")
        }
        do { try revenue.checkSpan(extra: cutoff + 1 + options.horizon - revenue.count) } catch {
            throw .invalidOption(name: "horizon", message: "reaches too far: \(error)")
        }
        let needed = options.model.minimumTraining(options)
        guard options.train >= needed else {
            throw .trainingWindowTooShort(needed: needed, got: options.train,
                                          reason: "model '\(options.model.rawValue)' cannot learn from fewer minutes")
        }
        if let history = options.history { try checkValues(history, name: "earlier sale's revenue") }
        let rows = cutoff + 1 + options.horizon
        let minuteOfDay = (0..<rows).map { row -> Int in
            let minute = revenue.minute(at: row)
            let local = minute + revenue.zone.offset(atUTC: minute * 60) / 60
            return ((local % 1440) + 1440) % 1440
        }
        return ForecastInput(
            revenue: Array(revenue.values[0...cutoff]), train: options.train, horizon: options.horizon,
            history: options.history?.values, minuteOfDay: minuteOfDay,
            season: options.season ?? max(1, 1440 / revenue.step), options: options,
            firstForecastMinute: revenue.minute(at: cutoff + 1), step: revenue.step, zone: revenue.zone)
    }

    /// Throws when the series is empty or holds a value that is not finite.
    static func checkValues(_ series: Series, name: String) throws(ForecastError) {
        guard !series.values.isEmpty else { throw .emptySeries(name: name) }
        if let row = series.values.firstIndex(where: { !$0.isFinite }) {
            throw .notFinite(name: name, row: row, label: series.label(at: row))
        }
    }
}

extension ForecastModel {
    /// Fewest training minutes the model accepts with these options.
    func minimumTraining(_ options: ForecastOptions) -> Int {
        switch self {
        case .drift, .seasonalNaive, .profile: return 1
        case .paper: return options.window + 10
        case .flashcast: return 60
        }
    }
}
