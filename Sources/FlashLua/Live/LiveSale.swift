import Forecasting
import SaleData

/// A sale followed while it runs: each refresh reads the orders appended to its export, keeps the
/// forecast of the end-of-sale total up to date (re-training when it has aged) and reports a
/// ``LiveStatus``.
final class LiveSale: @unchecked Sendable {
    /// The growing orders export.
    let orders: LiveOrders
    /// End, target and expected shape of the sale.
    let plan: SalePlan
    /// How forecasts are made and when they are renewed.
    let settings: LiveForecastSettings
    /// What the last refresh saw: per-minute figures up to now.
    private(set) var observed: Observed?
    /// The last status reported.
    private(set) var status: LiveStatus?
    /// The forecast kept between refreshes.
    var forecast: Forecast?

    /// The sale's per-minute figures up to now (the latest order, or the plan's `now` when replaying).
    struct Observed {
        /// Revenue per minute.
        var revenue: Series
        /// Cumulative revenue per minute, summed in cents.
        var cumulative: Series
        /// Orders counted.
        var orders: Int

        init(_ table: MinuteTable, now: Int?) {
            let rows = now.map { min(max($0 - table.start + 1, 0), table.count) } ?? table.count
            revenue = table.revenue.slice(0..<rows)
            cumulative = table.cumulative.slice(0..<rows)
            orders = table.orders.prefix(rows).reduce(0, +)
        }

        /// Revenue from the start to now.
        var total: Double { cumulative.values.last ?? 0 }
    }

    init(orders: LiveOrders, plan: SalePlan, settings: LiveForecastSettings) {
        self.orders = orders
        self.plan = plan
        self.settings = settings
    }

    /// Reads the new orders and works out the status; `progress` hears how training goes (0...1).
    func refresh(progress: @escaping @Sendable (Double) -> Void = { _ in }) throws -> LiveStatus {
        let table = try orders.refresh().table
        let previous = observed
        let latest = Observed(table, now: plan.now)
        observed = latest
        let revenue = latest.revenue
        let minutes = plan.minutes(start: table.start)
        var status = LiveStatus(
            now: revenue.count > 0 ? revenue.label(at: revenue.count - 1) : table.zone.label(minute: table.start),
            zone: table.zone.description, minute: revenue.count, minutes: minutes, revenue: latest.total,
            newOrders: latest.orders - (previous?.orders ?? 0), newRevenue: latest.total - (previous?.total ?? 0),
            newMinutes: revenue.count - (previous?.revenue.count ?? 0), forecast: nil, forecastNote: nil,
            target: plan.target, pace: nil, alert: .none)
        if let target = plan.target, let minutes, target > 0 {
            let share = plan.expectedShare(elapsed: revenue.count, total: minutes)
            status.pace = share > 0 ? latest.total / (target * share) : nil
        }
        updateForecast(&status, revenue: revenue, minutes: minutes, progress: progress)
        self.status = status
        return status
    }
}
