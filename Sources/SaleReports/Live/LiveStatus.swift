import Forecasting
import NumberText

/// Where a followed sale stands after a refresh: the status block `refresh()` prints.
public struct LiveStatus: Sendable {
    /// The forecast of the sale's end-of-sale total.
    public struct EndForecast: Sendable {
        /// Expected revenue by the end of the sale, and the prediction interval around it.
        public var total: Double, lower: Double, upper: Double
        /// Probability the interval is meant to hold (0.8).
        public var level: Double
        /// The model's name.
        public var model: String
        /// The minute (label) of the last observation the model was trained on.
        public var trainedAt: String
        /// True when this refresh trained the model (the status shows `new`).
        public var retrained: Bool
    }

    /// An early-warning state.
    public struct Alert: Sendable {
        /// "ok", "below_band" or "below_target".
        public var state: String
        /// One line on what is wrong (or "none").
        public var text: String

        /// Nothing wrong.
        public static let none = Alert(state: "ok", text: "none")
    }

    /// The minute of the latest order (`YYYY-MM-DDTHH:MM`), and the shop's zone.
    public var now: String
    public var zone: String
    /// 1-based minute of the sale that `now` is, and the sale's length when known.
    public var minute: Int
    public var minutes: Int?
    /// Revenue from the sale's start to now.
    public var revenue: Double
    /// Orders, revenue and minutes that this refresh added.
    public var newOrders: Int, newRevenue: Double, newMinutes: Int
    /// The end-of-sale forecast, or why there is none.
    public var forecast: EndForecast?
    public var forecastNote: String?
    /// The target, revenue so far against the plan for this minute, and the forecast against the target.
    public var target: Double?
    public var pace: Double?
    public var alert: Alert
    /// How the source fared: a retried connection, or one lost for good (then `stale`).
    public var sourceNote: String?
    /// True when the source could not be reached and the figures are those of the last refresh.
    public var stale = false
    /// With groups, each group against its forecast, the most behind first, or why there is none.
    public var groups: GroupStandings?
    public var groupsNote: String?

    /// This status again, nothing new, after the source failed with `problem`.
    func unchanged(because problem: String) -> LiveStatus {
        var status = self
        status.newOrders = 0
        status.newRevenue = 0
        status.newMinutes = 0
        status.forecast?.retrained = false
        status.stale = true
        status.sourceNote = "\(problem); figures as of \(now.suffix(5)), the next refresh tries again"
        return status
    }
}

extension LiveStatus {
    /// The status block, one fact a line, labels aligned.
    public var text: String {
        let lines = [headline] + groupsLine + [revenueLine, forecastLine, targetLine, "alert            " + alert.text]
        return (lines + (sourceNote.map { ["source           " + $0] } ?? [])).joined(separator: "\n")
    }

    private var headline: String {
        guard minute > 0 else { return "now: no orders yet (\(zone))" }
        let clock = String(now.map { $0 == "T" ? " " : $0 })
        guard let minutes else { return "now \(clock) (\(zone)): minute \(minute) of the sale (end unknown)" }
        return "now \(clock) (\(zone)): minute \(minute) of \(minutes) (\(NumberFormat.percent(Double(minute) / Double(minutes), decimals: 1)))"
    }

    /// "Which market is behind?" first, with groups: `groups           behind their forecast at ...`.
    private var groupsLine: [String] {
        guard let text = groups?.summary ?? groupsNote else { return [] }
        return ["groups           " + text]
    }

    private var revenueLine: String {
        let added = newOrders == 1 ? "1 new order" : "\(newOrders) new orders"
        return "revenue so far   \(NumberFormat.grouped(revenue))   +\(NumberFormat.grouped(newRevenue)) from \(added)"
    }

    private var forecastLine: String {
        guard let forecast else { return "forecast at end  " + (forecastNote ?? "none") }
        let band = "\(NumberFormat.percent(forecast.level)): \(NumberFormat.grouped(forecast.lower)) .. \(NumberFormat.grouped(forecast.upper))"
        let when = "@\(forecast.trainedAt.suffix(5))" + (forecast.retrained ? " new" : "")
        return "forecast at end  \(NumberFormat.grouped(forecast.total))   \(band), \(forecast.model) \(when)"
    }

    private var targetLine: String {
        guard let target else { return "target           none (set one with --target or target=)" }
        var parts = ["target           \(NumberFormat.grouped(target))"]
        if let pace { parts.append("pace \(NumberFormat.percent(pace)) of plan") }
        if let forecast, target > 0 { parts.append("forecast \(NumberFormat.percent(forecast.total / target)) of target") }
        return parts.joined(separator: "   ")
    }
}
