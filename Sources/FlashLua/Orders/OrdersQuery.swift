import LuaBridge
import OrderSources
import SaleData

/// `orders.query{...}` and `orders.live_query{...}`: orders read from PostgreSQL, ClickHouse or SQLite, the
/// per-minute sums computed by the database.
enum OrdersQuery {
    static let optionHelp = """
        Options: url="postgres://user@host/db" (password from the url, PGPASSWORD or ~/.pgpass), \
        "clickhouse://user@host:8123/db" (ClickHouse's HTTP interface; password from the url, CLICKHOUSE_PASSWORD \
        or the file CLICKHOUSE_PASSWORD_FILE names; ?timeout=seconds) or "sqlite:path.db"; table="orders" (or "schema.orders"); time="created_at" (timestamptz, timestamp \
        in the shop's zone, or epoch seconds); amount="total"; customer="customer_id" (optional: distinct \
        customers per minute); where="status = 'paid' and total > 0" (comparisons of a column with values \
        joined by 'and'; values are sent as parameters, never as SQL); from=time with to=time (the window, \
        both included); tz="Asia/Shanghai" (minutes are cut in it); currency="USD" with rates={EUR=1.08} (each \
        order's amount converted by the database as orders.read converts it, its code read from the column \
        currency_column="currency"; a code without a rate is an error). Names must be plain identifiers and \
        name columns of the table (else the message lists its columns); each row counts as one order.
        """

    static let query = LuaLibraryFunction(
        "query", "orders.query({url=, table=, time=, amount=, ...}) -> result | nil, message",
        """
        Asks the database for the orders' sums, counts and distinct customers per minute (GROUP BY in \
        the database; zero minutes filled in) and returns results as orders.read does: {revenue, count, \
        customers, cumulative (Series), total, source}. \(optionHelp) A database that cannot be reached \
        or a failing query returns nil, message (never with the password). by="country" (a column) adds \
        `by` and `groups` as orders.read does, the database grouping by group and minute; max_groups and \
        zones as for orders.read.
        """, returns: "OrdersResult"
    ) { call in
        let (database, query, grouping) = try readGrouped(call)
        do throws(OrderSourceError) {
            let source = try OrderDatabase.open(database)
            guard let grouping else {
                call.push(try call.cancellable { () throws(OrderSourceError) in try source.minuteTable(query) },
                          source: database.description)
                return 1
            }
            let (total, groups) = try call.cancellable { () throws(OrderSourceError) in
                try source.groupedTables(query, grouping: grouping)
            }
            call.push(total, source: database.description) { fields in fields.setGroups(groups, by: grouping.luaName) }
        } catch {
            try call.checkInterrupt()  // stopped (a timeout, Ctrl-C): raised, not returned
            return call.failure(error.message)
        }
        return 1
    }

    static let liveQuery = LuaLibraryFunction(
        "live_query", "orders.live_query({url=, table=, time=, amount=, ...}) -> LiveQuery | nil, message",
        """
        Follows a sale in the database: q:refresh() asks only for the minutes after the last complete one \
        and returns results as orders.query does. A lost connection is retried after 0.5, 1, 2 and 4 \
        seconds, each retry reported on standard error. \(optionHelp) by="country" (a column) asks for the \
        new minutes by group and minute too and adds `by` and `groups` as orders.query does; max_groups and \
        zones as for orders.read.
        """
    ) { call in
        let (database, query, grouping) = try readGrouped(call)
        let source: any OrderSource
        do throws(OrderSourceError) { source = try OrderDatabase.open(database) } catch { return call.failure(error.message) }
        let groups = query.group.flatMap { column in grouping.map { (column, $0) } }
        call.push(LiveQueryObject(LiveOrderQuery(source: source, query: query, groups: groups), url: database.description,
                                  by: grouping?.luaName))
        return 1
    }

    /// The options `orders.query` and `orders.live_query` take.
    static let keys = Set<String>(["url", "table", "time", "amount", "customer", "where", "from", "to", "tz"]).union(currencyKeys)

    /// `currency="USD", rates={EUR=1.08}` as for orders.read, and the column of the codes (`currency_column`,
    /// default `currency`): the database converts each order's amount.
    static let currencyKeys: Set<String> = ["currency", "rates", "currency_column"]

    /// The url and the query of the options table at argument 1.
    static func read(_ call: LuaCall) throws(LuaError) -> (database: DatabaseURL, query: MinuteQuery) {
        let options = try LuaOptions(call, at: 1)
        try options.allow(keys)
        let window = try OrdersOptions.window(options, call, zone: try options.zone())
        return try read(options, call, urlKey: "url", window: window)
    }

    /// As `read(_:)`, with the grouping options: `by` must name a column, which the database groups by.
    static func readGrouped(_ call: LuaCall) throws(LuaError)
        -> (database: DatabaseURL, query: MinuteQuery, grouping: OrderGrouping?) {
        let options = try LuaOptions(call, at: 1)
        try options.allow(keys.union(OrdersGrouping.keys))
        let window = try OrdersOptions.window(options, call, zone: try options.zone())
        var (database, query) = try read(options, call, urlKey: "url", window: window)
        let grouping = try OrdersGrouping.read(options, call, functionAllowed: false)
        if case .column(let name)? = grouping?.key {
            do throws(OrderSourceError) { query.group = try SQLIdentifier(name, role: "group column") } catch {
                throw .argument(position: options.position, message: error.message)
            }
        }
        return (database, query, grouping)
    }

    /// The database (option `urlKey`) and the query over `window` of `options`, whose keys the caller
    /// has checked; in the sandbox, only named servers and readable SQLite files pass.
    static func read(_ options: LuaOptions, _ call: LuaCall, urlKey: String, window: ClosedRange<Int>?)
        throws(LuaError) -> (database: DatabaseURL, query: MinuteQuery) {
        func required(_ key: String) throws(LuaError) -> String {
            guard let value = try options.string(key) else { throw options.error(key, "is needed") }
            return value
        }
        let url = try required(urlKey)
        let zone = try options.zone()
        let rates = try OrdersOptions.rates(options, call)
        let currencyColumn = try options.string("currency_column")
        if currencyColumn != nil, rates == nil { throw options.error("currency_column", "goes with 'currency' (the reporting currency)") }
        do {
            let database = try DatabaseAccess.check(try DatabaseURL(url), call)
            let conversion = try rates.map { rates throws(OrderSourceError) in
                try CurrencyConversion(column: currencyColumn ?? "currency", rates: rates)
            }
            let query = try MinuteQuery(table: try required("table"), time: try required("time"),
                                        amount: try required("amount"), customer: try options.string("customer"),
                                        where: try options.string("where"), window: window, zone: zone, currency: conversion)
            return (database, query)
        } catch let error as OrderSourceError {
            throw .argument(position: options.position, message: error.message)
        } catch let error as LuaError {
            throw error
        } catch {
            throw .message(String(describing: error))
        }
    }
}

extension LuaCall {
    /// Pushes a database's per-minute table as `{revenue, count, customers, cumulative, total, source}`
    /// (customers nil without a customer column; source the url without its password); `more` sets
    /// further fields.
    func push(_ table: MinuteTable, source: String, _ more: (LuaTableBuilder) -> Void = { _ in }) {
        pushTable(fieldCapacity: 8) { fields in
            fields.setSeries(of: table)
            fields.set("source", source)
            more(fields)
        }
    }
}
