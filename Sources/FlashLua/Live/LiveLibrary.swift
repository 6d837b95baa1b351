import LuaBridge
import SaleData
import SaleReports

/// The `live` library: a sale followed while it runs, with `refresh()` and `watch(60)` for the REPL.
enum LiveLibrary {
    /// Where the registry keeps the sale `live.open` opened last (the one `live.refresh` refreshes).
    static let currentKey = "flashcast.live.sale"

    static let open = LuaLibraryFunction(
        "open", "live.open(path [, options]) | live.open{db=, table=, time=, amount=, ...} -> LiveSale | nil, message",
        """
        Follows the orders export at path during a sale (reading only what is appended, as orders.live), or \
        the orders table of a database (asking only for the minutes after the last complete one, as \
        orders.live_query), and makes it the sale live.refresh and live.watch use. Options: for an export \
        those of orders.read (tz, map, ...); for a database db="postgres://user@host/db", "clickhouse://user@host:8123/db" or "sqlite:path.db" \
        (or url=), table, time, amount, customer, where and tz as for orders.query, and from=time (the sale's \
        first minute; default its first order); end=time (the sale's last minute) or minutes=N (its length \
        from the first minute; default the earlier sale's length), history="previous.csv" (or a Series: the \
        earlier sale, aligned by minutes since the start; with db, the export is read with orders.read's column \
        names), target=money, now=time (replays a past sale as it \
        stood at that minute), model="flashcast", train=1000, level=0.8, seed=1, retrain=30 (minutes of new \
        data before training again), consecutive=15 (minutes below the band that raise the alert), \
        lookback=0 (a second forecast is made as of that many minutes before now, so a one-off run such as a \
        scheduled report can check the minutes since against its band; the end-of-sale forecast is made as of now), \
        by="country" (a column of the export or of the table; max_groups and zones as for orders.read: each refresh \
        reads only the new orders by groups as well (a database groups the new minutes by group and minute) and \
        measures every group against a bottom-up forecast made lookback minutes, else 60, before now; status.groups says which are behind, most behind first), progress=true (a progress bar while training; default when standard error is a terminal). A database \
        that cannot be opened returns nil, message (never with the password); a connection lost later is \
        retried after 0.5, 1, 2 and 4 s (each retry reported on standard error), and when it stays lost the \
        status keeps the last figures and says so (status.stale, status.source_note).
        """
    ) { call in
        let position: Int32 = call.type(at: 1) == .table ? 1 : 2
        let options = position == 1
            ? try LiveDatabaseOptions.read(call, at: 1) : try LiveOptions.export(path: try call.readablePath(1), call, at: 2)
        switch try LiveOptions.open(options, call, at: position) {
        case .success(let sale): follow(LiveSaleObject(sale, showsProgress: try LiveOptions.showsProgress(call, at: position)), call)
        case .failure(let error): return call.failure(error.message)
        }
        return 1
    }

    /// Pushes `object` and makes it the sale live.refresh and live.watch follow.
    static func follow(_ object: LiveSaleObject, _ call: LuaCall) {
        call.push(object)
        call.setRegistryValue(currentKey, at: -1)
    }

    static let refresh = LuaLibraryFunction(
        "refresh", "live.refresh() -> LiveStatus  (in the REPL: refresh())",
        """
        Refreshes the sale live.open opened: reads only the new orders (from a database: asks only for the \
        minutes after the last complete one; a lost connection is retried and reported), re-trains when needed and returns \
        the status, which prints as one block: now, revenue so far, forecast end-of-sale total with its band, \
        pace against the target, alert state.
        """
    ) { call in
        try withCurrent(call) { sale in
            call.push(LiveStatusObject(try sale.refresh(call)))
            return 1
        }
    }

    static let watch = LuaLibraryFunction(
        "watch", "live.watch([seconds [, times [, callback]]])  (in the REPL: watch(60))",
        """
        Refreshes every seconds (default 60) and prints each status block until Ctrl-C (back to the prompt), \
        or times refreshes; callback(status) runs after each block and ends the watch by returning false.
        """
    ) { call in
        try withCurrent(call) { sale in try LiveWatch.run(sale, call, secondsAt: 1) }
    }

    /// Runs `body` on the sale live.open opened last, then re-reads its footprint (it grew).
    private static func withCurrent(_ call: LuaCall, _ body: (LiveSaleObject) throws -> Int32) throws -> Int32 {
        call.pushRegistryValue(currentKey)
        let current = call.optionalObject(-1, as: LiveSaleObject.self)
        call.pop()  // pop the sale: the arguments stay the only values on the stack
        guard let object = current else {
            throw LuaError.message("no sale is followed: call live.open(path, options) first (or start 'flashcast repl --orders FILE' or '--db URL --table NAME')")
        }
        defer {
            call.pushRegistryValue(currentKey)
            call.updateFootprint(at: -1, of: object)
            call.pop()  // pop the sale
        }
        return try body(object)
    }

    static let library = LuaLibrary(
        name: "live", summary: "A sale followed while it runs (an export or a database table): live.open, refresh(), watch(60), status blocks.",
        functions: [open, refresh, watch], classes: [LiveSaleObject.luaClass, LiveStatusObject.luaClass],
        shapes: [LiveForecastTable.shape])
}

extension FlashLua {
    /// Pushes `sale` onto the stack of `state` as a `LiveSale` and makes it the sale `live.refresh()`
    /// and `live.watch()` follow, as `live.open` does; training draws a progress bar when standard
    /// error is a terminal.
    public static func pushFollowed(_ sale: LiveSale, in state: LuaState) {
        LiveLibrary.follow(LiveSaleObject(sale, showsProgress: ProgressBar.terminalAttached), LuaCall(state.pointer))
    }
}
