import OrderSources
import SaleData

/// Why a followed sale could not be opened.
public enum LiveSaleOpenError: Error, Sendable {
    /// An option is out of range (a usage error).
    case option(LiveOptionError)
    /// The database could not be opened (the message never shows the password).
    case source(OrderSourceError)
}

extension LiveSale {
    /// Opens the sale `options` describe, after checking them; a database is connected to now, an
    /// export is first read by the first refresh.
    public static func open(_ options: LiveSaleOptions) throws(LiveSaleOpenError) -> LiveSale {
        do throws(LiveOptionError) { try options.validate() } catch { throw .option(error) }
        switch options.source {
        case .export(let path, let reading):
            let feed = LiveOrders(path: path, options: reading, grouping: options.groups?.orderGrouping)
            return LiveSale(feed: feed, plan: options.plan, settings: options.settings, grouping: options.groups)
        case .database(let database, var query, let from):
            query.window = from.map { window(from: $0, options.plan) }
            let source: any OrderSource
            let groups: (column: SQLIdentifier, grouping: OrderGrouping)?
            do throws(OrderSourceError) {
                groups = try options.groups.map { groups throws(OrderSourceError) in
                    (try SQLIdentifier(groups.column, role: "group column"), groups.orderGrouping)
                }
                source = try OrderDatabase.open(database)
            } catch {
                throw .source(error)
            }
            let feed = DatabaseFeed(LiveOrderQuery(source: source, query: query, groups: groups), url: database.description)
            return LiveSale(feed: feed, plan: options.plan, settings: options.settings, grouping: options.groups)
        }
    }

    /// The sale's minutes from its first one: to its end when known (to the replayed minute when
    /// replaying), else open-ended (each refresh asks up to the current minute).
    private static func window(from start: Int, _ plan: SalePlan) -> ClosedRange<Int> {
        var last = plan.minutes(start: start).map { start + $0 - 1 } ?? Int(Int32.max)
        if let now = plan.now { last = min(last, now) }
        return start...max(start, last)
    }
}
