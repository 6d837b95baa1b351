import Forecasting
import OrderSources
import SaleData
import Synchronization

/// A sale followed while it runs: each refresh takes the minutes its feed appended (from a growing
/// export or the database), keeps the forecast of the end-of-sale total up to date (re-training
/// when it has aged) and reports a ``LiveStatus``. A database connection lost for good leaves the
/// figures as they were and says so in the status; the next refresh tries again.
///
/// Sendable: the feed and what refreshes found sit behind a lock, held for a whole refresh.
public final class LiveSale: Sendable {
    /// End, target and expected shape of the sale.
    public let plan: SalePlan
    /// How forecasts are made and when they are renewed.
    public let settings: LiveForecastSettings
    /// Where the orders come from: the export's path, or the table and the database's url without password.
    public let source: String
    /// The export's path, when the orders come from an export.
    public let path: String?
    /// The breakdown whose groups each refresh measures, when the sale is followed by groups.
    public let grouping: LiveGrouping?
    private let state: Mutex<State>

    /// The feed and what the refreshes so far found.
    private struct State {
        let feed: any LiveFeed
        var observed: Observed?
        var status: LiveStatus?
        var forecasts = KeptForecasts()
        var groupForecast: GroupForecast?
    }

    /// The sale's per-minute figures up to now (the latest order, or the plan's `now` when replaying).
    public struct Observed: Sendable {
        /// Revenue per minute.
        public var revenue: Series
        /// Cumulative revenue per minute, summed in cents.
        public var cumulative: Series
        /// Orders counted.
        public var orders: Int

        /// The first rows of `table`, up to the minute `now` when given.
        public init(_ table: MinuteTable, now: Int?) {
            let rows = now.map { min(max($0 - table.start + 1, 0), table.count) } ?? table.count
            revenue = table.revenue.slice(0..<rows)
            cumulative = table.cumulative.slice(0..<rows)
            orders = table.orders.prefix(rows).reduce(0, +)
        }

        /// Revenue from the start to now.
        public var total: Double { cumulative.values.last ?? 0 }
    }

    /// A sale read from `feed`, measured against `plan` and forecast with `settings`; with `grouping`
    /// (the feed breaking the sale down by it), every group is measured at each refresh too.
    public init(feed: sending any LiveFeed, plan: SalePlan, settings: LiveForecastSettings, grouping: LiveGrouping? = nil) {
        self.plan = plan
        self.settings = settings
        source = feed.name
        path = (feed as? LiveOrders)?.path
        self.grouping = grouping
        state = Mutex(State(feed: feed))
    }

    /// What the last refresh saw: per-minute figures up to now.
    public var observed: Observed? { state.withLock { $0.observed } }
    /// The last status reported.
    public var status: LiveStatus? { state.withLock { $0.status } }
    /// The end-of-sale forecast as of now: the kept one carried to the latest minute (its cutoff),
    /// as the status's figures are; nil before there is one or once the sale is over.
    public var forecast: Forecast? {
        state.withLock { state in
            guard let kept = state.forecasts.end, let observed = state.observed, state.status?.forecast != nil else { return nil }
            return kept.carried(to: observed.revenue.count - 1, total: observed.total)
        }
    }
    /// With a lookback, the forecast made that many minutes before now whose band the status's
    /// below-band alert checks the minutes since against.
    public var earlyForecast: Forecast? { state.withLock { $0.forecasts.early } }
    /// What the last refresh asked the database for, when the orders come from one.
    public var asked: String? { state.withLock { $0.feed.asked } }

    /// Takes the new minutes and works out the status; `progress` hears how training goes (0...1),
    /// `report` each retry of a lost connection. Neither may use the sale: it is locked meanwhile.
    public func refresh(report: @Sendable (String) -> Void = { _ in }, progress: @escaping @Sendable (Double) -> Void = { _ in })
        throws -> LiveStatus {
        try state.withLock { state throws in try refresh(&state, report: report, progress: progress) }
    }

    private func refresh(_ state: inout State, report: @Sendable (String) -> Void, progress: @escaping @Sendable (Double) -> Void)
        throws -> LiveStatus {
        var lastReport: String?
        let table: MinuteTable
        do {
            table = try state.feed.refresh { message in
                lastReport = message
                report(message)
            }
        } catch let error as OrderSourceError where error.isConnectionLost {
            guard let status = state.status?.unchanged(because: error.message) else { throw error }
            state.status = status
            return status
        }
        if let end = plan.end, end < table.start {
            throw LiveSaleEndError(end: table.zone.label(minute: end), firstOrder: table.zone.label(minute: table.start))
        }
        let previous = state.observed
        let latest = Observed(table, now: plan.now)
        state.observed = latest
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
        status.sourceNote = lastReport
        updateForecast(&status, kept: &state.forecasts, revenue: revenue, minutes: minutes, progress: progress)
        if let minutes {
            updateGroups(&status, kept: &state.groupForecast, groups: state.feed.groups, revenue: revenue, minutes: minutes)
        }
        state.status = status
        return status
    }
}
