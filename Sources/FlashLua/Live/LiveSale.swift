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
    /// All orders read so far, per minute.
    private(set) var result: OrdersResult?
    /// The last status reported.
    private(set) var status: LiveStatus?
    /// The forecast kept between refreshes.
    var forecast: Forecast?

    init(orders: LiveOrders, plan: SalePlan, settings: LiveForecastSettings) {
        self.orders = orders
        self.plan = plan
        self.settings = settings
    }

    /// Revenue per minute from the sale's first order to the latest.
    var revenue: Series? { result?.table.revenue }

    /// Reads the new orders and works out the status; `progress` hears how training goes (0...1).
    func refresh(progress: @escaping @Sendable (Double) -> Void = { _ in }) throws -> LiveStatus {
        let previous = result
        let latest = try orders.refresh()
        result = latest
        let table = latest.table
        let revenue = table.revenue
        let total = Double(table.totalCents) / 100
        let previousTotal = previous.map { Double($0.table.totalCents) / 100 } ?? 0
        let minutes = plan.minutes(start: table.start)
        var status = LiveStatus(
            now: revenue.count > 0 ? revenue.label(at: revenue.count - 1) : table.zone.label(minute: table.start),
            zone: table.zone.description, minute: revenue.count, minutes: minutes, revenue: total,
            newOrders: latest.report.orders - (previous?.report.orders ?? 0), newRevenue: total - previousTotal,
            newMinutes: revenue.count - (previous?.table.count ?? 0), forecast: nil, forecastNote: nil,
            target: plan.target, pace: nil, alert: .none)
        if let target = plan.target, let minutes, target > 0 {
            let share = plan.expectedShare(elapsed: revenue.count, total: minutes)
            status.pace = share > 0 ? total / (target * share) : nil
        }
        updateForecast(&status, revenue: revenue, minutes: minutes, progress: progress)
        self.status = status
        return status
    }
}
