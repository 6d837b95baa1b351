/// Naive drift: the training window's mean revenue per minute goes on (a straight line on the
/// cumulative series).
struct DriftModel: ForecastMethod {
    static let name = "drift"
    static let isBaseline = true
    static let summary = "naive drift: the training window's mean revenue per minute goes on"

    let input: ForecastInput
    var loss: LossHistory { LossHistory() }
    var minimumRows: Int { 1 }

    func rates(origin: Int, horizon: Int) -> [Double] {
        Array(repeating: input.driftRate(at: origin), count: horizon)
    }
}

/// Seasonal naive: each row earns what the row one season earlier earned (two seasons earlier
/// when that is still in the future, and so on); drift's rate before the first season.
struct SeasonalNaiveModel: ForecastMethod {
    static let name = "seasonal_naive"
    static let isBaseline = true
    static let summary = "seasonal naive: each minute earns what the same minute a season earlier earned"

    let input: ForecastInput
    var loss: LossHistory { LossHistory() }
    var minimumRows: Int { 1 }

    func rates(origin: Int, horizon: Int) -> [Double] {
        let season = input.season
        let fallback = input.driftRate(at: origin)
        return (0..<horizon).map { offset in
            let seasonsBack = (offset + season) / season
            let row = origin + offset + 1 - seasonsBack * season
            return row >= 0 ? input.revenue[row] : fallback
        }
    }
}

/// The earlier sale's revenue, row for row, scaled by this sale's revenue over the training window
/// divided by the earlier sale's over the same rows; drift's rate past the earlier sale's end.
struct ProfileModel: ForecastMethod {
    static let name = "profile"
    static let isBaseline = true
    static let summary = "the earlier sale's revenue at the same minute since the start, scaled to this sale's"
    static let needsHistory = true

    let input: ForecastInput
    let history: [Double]
    var loss: LossHistory { LossHistory() }
    var minimumRows: Int { 1 }

    init(input: ForecastInput) throws(ForecastError) {
        guard let history = input.history else {
            throw .historyRequired(model: .profile, reason: "pass the earlier sale's per-minute revenue as 'history'")
        }
        guard history.count > input.cutoff else {
            throw .historyRequired(model: .profile, reason:
                "the earlier sale has \(history.count) minutes and does not reach the cutoff (row \(input.cutoff))")
        }
        let first = input.cutoff - input.train + 1
        guard history[first...input.cutoff].reduce(0, +) > 0 else {
            throw .historyRequired(model: .profile, reason: "the earlier sale earned nothing over the training window")
        }
        self.input = input
        self.history = history
    }

    func rates(origin: Int, horizon: Int) -> [Double] {
        let first = max(0, origin - input.train + 1)
        let own = input.revenue[first...origin].reduce(0, +)
        let earlier = history[first...min(origin, history.count - 1)].reduce(0, +)
        let drift = input.driftRate(at: origin)
        guard earlier > 0 else { return Array(repeating: drift, count: horizon) }
        let scale = own / earlier
        return (origin + 1..<origin + 1 + horizon).map { $0 < history.count ? scale * history[$0] : drift }
    }
}
