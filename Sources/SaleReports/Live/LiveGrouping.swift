import Forecasting
import SaleData

/// The breakdown of a followed sale by a column (`--by country`; the export's column, or the
/// table's, which the database groups by group and minute): at each refresh every group is measured
/// against a forecast made `window` minutes before now, so the status says first which market is behind.
public struct LiveGrouping: Sendable {
    /// Minutes between the groups' forecast and now when the settings have no lookback.
    public static let defaultWindow = 60

    /// The column whose values are the groups.
    public var column: String
    /// Most groups; one more stops the refresh's grouped read with the row that makes it.
    public var maxGroups = OrderGrouping.defaultMaxGroups
    /// Zones of markets, for their own clocks.
    public var zones: [String: ShopZone] = [:]

    /// Groups by the values of `column`.
    public init(column: String) {
        self.column = column
    }

    /// The grouping the reader takes.
    var orderGrouping: OrderGrouping {
        var grouping = OrderGrouping(.column(column))
        grouping.maxGroups = maxGroups
        grouping.zones = zones
        return grouping
    }
}

extension LiveSale {
    /// Fills the groups' standings of `status`: the feed's groups (the total's rows up to now, read as
    /// the total's new minutes are), measured against the groups' bottom-up forecast made `window`
    /// minutes before now (the settings' lookback, else `LiveGrouping.defaultWindow`), which is made
    /// again after `retrain` more minutes. A group first seen after the forecast waits for the next one
    /// (with thousands of SKUs, new ones made nearly every refresh forecast them all). A forecast that
    /// fails leaves a note instead.
    func updateGroups(_ status: inout LiveStatus, kept: inout GroupForecast?, groups tables: [OrderGroup], revenue: Series, minutes: Int) {
        guard grouping != nil else { return }
        let now = revenue.count - 1
        let window = settings.lookback > 0 ? settings.lookback : LiveGrouping.defaultWindow
        guard now >= 1, now < minutes - 1 else { return }
        do {
            let groups = tables.map { group in
                GroupSeries(name: group.name, revenue: group.table.revenue.slice(0..<min(revenue.count, group.table.revenue.count)))
            }
            let origin = max(now - window, 0)
            if kept.map({ now - $0.total.cutoff >= window + settings.retrain || origin < $0.total.cutoff }) ?? true {
                let options = ForecastOptions(cutoff: origin, train: min(settings.train, origin + 1), horizon: minutes - 1 - origin,
                                              model: settings.model, history: plan.history, seed: settings.seed, level: settings.level)
                let rows = 0..<(origin + 1)
                kept = try GroupForecaster.forecast(
                    total: revenue.slice(rows), groups: groups.map { GroupSeries(name: $0.name, revenue: $0.revenue.slice(rows)) },
                    options: GroupForecastOptions(forecast: options, reconciliation: .bottomUp))
            }
            guard let forecast = kept else { return }
            let live = Dictionary(groups.map { ($0.name, $0.revenue) }, uniquingKeysWith: { first, _ in first })
            status.groups = try GroupStandings.measure(
                total: revenue, forecast: forecast.total,
                groups: forecast.groups.compactMap { named in live[named.name].map { (named.name, $0, named.forecast) } },
                consecutive: settings.consecutive)
        } catch {
            status.groupsNote = "not yet: \(error)"
        }
    }
}
