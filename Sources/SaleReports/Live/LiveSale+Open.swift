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
            return LiveSale(feed: LiveOrders(path: path, options: reading), plan: options.plan, settings: options.settings,
                            groups: options.groups.map { ($0, reading) })
        case .database(let database, var query, let from):
            query.window = from.map { window(from: $0, options.plan) }
            let source: any OrderSource
            do throws(OrderSourceError) { source = try OrderDatabase.open(database) } catch { throw .source(error) }
            let feed = DatabaseFeed(LiveOrderQuery(source: source, query: query), url: database.description)
            return LiveSale(feed: feed, plan: options.plan, settings: options.settings)
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
