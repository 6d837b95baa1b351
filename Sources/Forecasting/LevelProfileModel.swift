/// FlashCast's default: a robust recent level times the sale's expected shape.
///
/// With an earlier sale the shape is that sale's revenue aligned by minutes since the start, and
/// the level is this sale's revenue over the earlier sale's in the recent rows; without one, the
/// shape is the training window's revenue by local hour of the day.
struct LevelProfileModel: FittedModel {
    let input: ForecastInput
    var loss: LossHistory { LossHistory() }
    var minimumRows: Int { 60 }

    /// Rows over which the level is measured (recent enough to follow the sale, long enough to
    /// average out single large orders).
    static let levelRows = 360

    func rates(origin: Int, horizon: Int) -> [Double] {
        if let history = input.history, history.count > origin, let shaped = historyShaped(history, origin, horizon) {
            return shaped
        }
        return timeOfDayShaped(origin, horizon)
    }

    private func historyShaped(_ history: [Double], _ origin: Int, _ horizon: Int) -> [Double]? {
        let first = max(0, origin - min(input.train, Self.levelRows) + 1)
        let own = input.revenue[first...origin].reduce(0, +)
        let earlier = history[first...origin].reduce(0, +)
        guard earlier > 0 else { return nil }
        let scale = own / earlier
        let drift = input.driftRate(at: origin)
        return (origin + 1..<origin + 1 + horizon).map { $0 < history.count ? scale * history[$0] : drift }
    }

    private func timeOfDayShaped(_ origin: Int, _ horizon: Int) -> [Double] {
        let first = max(0, origin - input.train + 1)
        var sums = Array(repeating: 0.0, count: 24), counts = Array(repeating: 0.0, count: 24)
        for row in first...origin {
            let hour = input.minuteOfDay[row] / 60
            sums[hour] += input.revenue[row]
            counts[hour] += 1
        }
        let level = input.driftRate(at: origin)
        guard level > 0 else { return Array(repeating: 0, count: horizon) }
        let hourly = (0..<24).map { counts[$0] > 0 ? sums[$0] / counts[$0] : level }
        return (origin + 1..<origin + 1 + horizon).map { hourly[input.minuteOfDay[$0] / 60] }
    }
}
