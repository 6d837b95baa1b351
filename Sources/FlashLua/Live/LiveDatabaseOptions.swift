import LuaBridge
import SaleReports

/// Reads `live.open{db=, table=, time=, amount=, ...}`: a sale followed in its database.
enum LiveDatabaseOptions {
    /// The query's keys (`db` or `url` names the database); `from` is the sale's first minute.
    static let keys = Set<String>(["db", "url", "table", "time", "amount", "customer", "where", "from", "tz"])
        .union(OrdersQuery.currencyKeys)

    /// The sale's options: its database and query (checked against the sandbox), plan and settings.
    static func read(_ call: LuaCall, at position: Int32) throws(LuaError) -> LiveSaleOptions {
        let options = try LuaOptions(call, at: position)
        try options.allow(keys.union(LiveOptions.keys))
        if options.has("db"), options.has("url") { throw options.error("url", "cannot go with 'db'") }
        let from = try options.minute("from", zone: try options.zone(), call: call)
        let (database, query) = try OrdersQuery.read(options, call, urlKey: options.has("url") ? "url" : "db", window: nil)
        return try LiveOptions.read(options, call, source: .database(database, query: query, from: from))
    }
}
