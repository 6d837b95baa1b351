import LuaBridge
import SaleData

/// The `orders` library: orders in (CSV exports, Lua tables, a simulated sale), per-minute series out.
enum OrdersLibrary {
    static let read = LuaLibraryFunction(
        "read", "orders.read(path [, options]) -> result | nil, message",
        """
        Reads an orders CSV (header row; `,` `;` or tab; quotes, BOM, CRLF) into per-minute results \
        {revenue, count, customers, cumulative (Series), total, report}. Options: map={time="created_at", \
        amount="total", id=, customer=, currency=, status=} (defaults order_time, amount, order_id, \
        customer or email, currency, status), tz="+08:00" (times without offset, minute labels), \
        currency="USD" with rates={EUR=1.08}, strict=true (false skips bad rows and counts them in \
        report), delimiter=";", from=time with to=time (the window, both included), customers=true, \
        decimal="," (amounts such as 12,50 or 1.234,50; default: found in the file) and dates="dmy" or \
        "mdy" (times such as 29/11/2024 10:00; default: found in the file, dates with dots are day-first). \
        A file whose rows cannot tell (only 1.234, or only days up to 12) returns an error naming the option. \
        A bad row (strict) or an unreadable file returns nil, "orders.csv:1734:4: amount is not a number: '12.5x'". \
        An order id seen before counts once, whatever its time. \
        Breakdowns: by="country" (a column) or by=function(row) return row.country end (row: the fields \
        as text by header name; return a string, a number, or nil for the group "(none)", as an empty \
        field is) adds `by` and `groups` to the result: groups[1], groups[2], ... in name order, each \
        {name, revenue, count, customers, cumulative, total} over the total's minutes, and the same \
        tables by name (r.groups.DE.revenue); the total is unchanged and the groups add up to it. \
        max_groups=10000 (one more is an error naming its row), zones={DE="Europe/Berlin"} (a group's \
        series labelled in its market's zone). A function runs row by row on one thread.
        """, returns: "OrdersResult"
    ) { call in
        let path = try call.readablePath(1)
        let luaOptions = try LuaOptions(call, at: 2)
        let options = try OrdersOptions.read(luaOptions, call, otherKeys: OrdersGrouping.keys)
        let grouping = try OrdersGrouping.read(luaOptions, call)
        do {
            try call.watchingMemory(for: "orders.read of '\(path)'") {
                if let grouping {
                    let grouped = try OrdersReader.read(path: path, options: options, grouping: grouping)
                    call.push(grouped, by: grouping.luaName)
                } else {
                    call.push(try OrdersReader.read(path: path, options: options))
                }
            }
        } catch {
            if let refusal = error as? LuaError { throw refusal }  // over the memory cap, or raised by 'by'
            if error is CancellationError { try call.checkInterrupt() }  // stopped: raised, not returned
            return call.failure(String(describing: error))
        }
        return 1
    }

    static let aggregate = LuaLibraryFunction(
        "aggregate", "orders.aggregate(rows [, options]) -> result",
        """
        Aggregates orders given as Lua tables {time=, amount=, id=, customer=} (times as text or epoch \
        seconds) into the same results as orders.read; an id seen before counts once. \
        Options: map (other field names), tz, from with to.
        """, returns: "OrdersResult"
    ) { call in
        let options = try LuaOptions(call, at: 2)
        try options.allow(["map", "tz", "from", "to"])
        let zone = try options.zone()
        var aggregator = OrdersAggregator(zone: zone, window: try OrdersOptions.window(options, call, zone: zone))
        try OrderRows.add(call, columns: try OrdersOptions.columns(options, call), zone: zone, to: &aggregator)
        call.push(try aggregator.result())
        return 1
    }

    static let live = LuaLibraryFunction(
        "live", "orders.live(path [, options]) -> LiveOrders",
        "Follows an export that grows during a sale: live:refresh() reads only the rows appended since the last refresh. Options as orders.read."
    ) { call in
        let path = try call.readablePath(1)
        let options = try OrdersOptions.read(try LuaOptions(call, at: 2), call)
        call.push(LiveOrdersObject(LiveOrders(path: path, options: options)))
        return 1
    }

    static let simulate = LuaLibraryFunction(
        "simulate", "orders.simulate([options]) -> result | count",
        """
        A simulated flash sale, deterministic by seed: opening surge, daily cycle of a cross-border \
        audience, closing rush, e-mail campaigns, log-normal baskets, repeat customers. Options (defaults): \
        seed=1, minutes=4320, orders=200000 (expected), start="2021-05-20T00:00", tz="UTC", \
        format="local"|"offset"|"epoch", surge=3, surge_halflife=90, daily_depth=0.8, closing=180, \
        closing_lift=1.5, basket_median=45, basket_sigma=0.6, repeat_share=0.3, \
        campaigns={{at="09:30" (after the start) or minutes, lift=1, halflife=30, rise=5}}; surge, closing_lift \
        and lift are at most 1e6 (times the base rate); baskets stay below 1e12 (basket_median * exp(6 * basket_sigma) \
        at most 1e12). Under a memory cap, work that would not fit is refused before it starts. With path="x.csv" \
        writes the orders CSV and returns the number of orders; without, returns results as orders.read. \
        markets=true (DE, US, JP, BR) or {{name="DE", tz="Europe/Berlin", currency="EUR", rate=1.08, share=0.35, \
        campaigns={...}}, ...}: the sale in several markets at once, each market's customers on its own clock, \
        paying in its currency, with its own campaigns beside the sale's; the CSV gains currency and country \
        columns (amounts in the market's currency), the results are grouped by country as orders.read{by=} \
        gives them (amounts in USD).
        """, returns: "OrdersResult"
    ) { call in
        let options = try LuaOptions(call, at: 1)
        let sale = try SimulationOptions.read(options, call)
        let path = try options.string("path")
        try call.reserveMemory(WorkMemory.simulation(sale, aggregated: path == nil) * 2,
                               for: "orders.simulate of \(Int(sale.expectedOrders)) orders over \(sale.minutes) minutes")
        if let markets = try MarketOptions.read(options, call) {
            let simulation = MarketSimulation(sale: sale, markets: markets)
            try call.reserveMemory(WorkMemory.markets(simulation),
                                   for: "orders.simulate of \(Int(sale.expectedOrders)) orders in \(markets.count) markets")
            return try simulateMarkets(simulation, path: path, call)
        }
        if let path {
            var written = 0
            let message = try call.writeOutput(path) { file in written = try call.cancellable { try sale.write(into: file) } }
            if let message {
                try call.checkInterrupt()
                return call.failure(message)
            }
            call.push(written)
            return 1
        }
        var aggregator = OrdersAggregator(zone: sale.zone)
        var orders = 0
        try sale.forEachOrder { order in
            orders += 1
            if orders % 4096 == 0 { try call.checkInterrupt() }
            aggregator.add(second: order.second, cents: order.cents, id: String(order.id), customer: order.customerLabel)
        }
        call.push(try aggregator.result())
        return 1
    }

    /// `orders.simulate{markets=...}`: the CSV written, or the total and each market aggregated over
    /// the whole sale (amounts in the reporting currency; each market's series on its clock).
    private static func simulateMarkets(_ simulation: MarketSimulation, path: String?, _ call: LuaCall) throws -> Int32 {
        if let path {
            var written = 0
            let message = try call.writeOutput(path) { file in
                written = try call.cancellable { try simulation.write(into: file) }
            }
            if let message {
                try call.checkInterrupt()
                return call.failure(message)
            }
            call.push(written)
            return 1
        }
        let sale = simulation.sale
        let window = sale.start...(sale.start + max(sale.minutes, 1) - 1)  // every market over the whole sale
        var total = OrdersAggregator(zone: sale.zone, window: window)
        var markets = simulation.markets.map { OrdersAggregator(zone: $0.zone, window: window) }
        for (count, (order, market)) in simulation.orders().enumerated() {
            if count % 4096 == 0 { try call.checkInterrupt() }
            let customer = simulation.markets[market].name + "-" + order.customerLabel
            total.add(second: order.second, cents: order.cents, id: String(order.id), customer: customer)
            markets[market].add(second: order.second, cents: order.cents, customer: customer)
        }
        let groups = try zip(simulation.markets, markets).map { market, aggregator in
            OrderGroup(name: market.name, table: try aggregator.table())
        }
        call.push(try total.result()) { fields in fields.setGroups(OrderGroup.sortedByName(groups), by: "country") }
        return 1
    }

    static let library = LuaLibrary(
        name: "orders", summary: "Orders in (CSV exports, Lua tables, simulated sales), per-minute series out.",
        functions: [read, aggregate, live, simulate, OrdersQuery.query, OrdersQuery.liveQuery, rows],
        classes: [LiveOrdersObject.luaClass, LiveQueryObject.luaClass, RowsClass.luaClass, RowsClass.groupsClass],
        shapes: OrdersShapes.all)
}
