import LuaBridge
import OrderSources
import SaleData
import SaleReports

/// Reads `live.open{db=, table=, time=, amount=, ...}`: a sale followed in its database.
enum LiveDatabaseOptions {
    /// The query's keys (`db` or `url` names the database); `from` is the sale's first minute.
    static let keys: Set<String> = ["db", "url", "table", "time", "amount", "customer", "where", "from", "tz"]

    /// The sale, or the failure to open its database (never with the password).
    static func sale(_ call: LuaCall, at position: Int32) throws(LuaError) -> Result<LiveSale, OrderSourceError> {
        let options = try LuaOptions(call, at: position)
        try options.allow(keys.union(LiveOptions.keys))
        if options.has("db"), options.has("url") { throw options.error("url", "cannot go with 'db'") }
        let urlKey = options.has("url") ? "url" : "db"
        var reading = OrdersReadOptions()
        reading.zone = try options.zone()
        let from = try options.minute("from", zone: reading.zone, call: call)
        let plan = try LiveOptions.plan(options, call, reading: reading)
        let settings = try LiveOptions.settings(options)
        let (database, query) = try OrdersQuery.read(options, call, urlKey: urlKey, window: from.map { window(from: $0, plan) })
        let source: any OrderSource
        do throws(OrderSourceError) { source = try OrderDatabase.open(database) } catch { return .failure(error) }
        let feed = DatabaseFeed(LiveOrderQuery(source: source, query: query), url: database.description)
        return .success(LiveSale(feed: feed, plan: plan, settings: settings))
    }

    /// The sale's minutes from its first one: to its end when known (to the replayed minute when
    /// replaying), else open-ended (each refresh asks up to the current minute).
    private static func window(from start: Int, _ plan: SalePlan) -> ClosedRange<Int> {
        var last = plan.minutes(start: start).map { start + $0 - 1 } ?? Int(Int32.max)
        if let now = plan.now { last = min(last, now) }
        return start...max(start, last)
    }
}
