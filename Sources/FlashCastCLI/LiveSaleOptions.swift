import ArgumentParser
import FlashREPL
import LuaBridge
import SaleData

/// The options of `flashcast repl --orders live.csv ...` (or `--db URL --table NAME ...`): the sale
/// followed during the session.
struct LiveSaleOptions: ParsableArguments {
    @Option(help: ArgumentHelp("An orders export growing during a sale, preloaded as 'sale'.", valueName: "live.csv"))
    var orders: String?

    @OptionGroup var database: DatabaseOptions

    @Option(help: ArgumentHelp("The sale's first minute (with --db; default its first order).", valueName: "time"))
    var from: String?

    @Option(help: ArgumentHelp("An earlier, similar sale's orders (its shape and length), as 'history'.", valueName: "previous.csv"))
    var history: String?

    @Option(help: ArgumentHelp("The revenue the sale should make by its end.", valueName: "money"))
    var target: Double?

    @Option(help: ArgumentHelp("The sale's last minute, e.g. 2021-11-13T23:59.", valueName: "time"))
    var end: String?

    @Option(help: ArgumentHelp("The sale's length in minutes from its first minute (--from, else its first order's).", valueName: "n"))
    var minutes: Int?

    @Option(help: ArgumentHelp("Replay a past sale as it stood at this minute.", valueName: "time"))
    var now: String?

    @Option(help: ArgumentHelp("Shop time zone: times without offset and minute labels.", valueName: "+08:00"))
    var tz: String?

    @Option(help: ArgumentHelp("Header names of the fields: id, time, customer, amount, currency, status.",
                               valueName: "time=created_at,amount=total"))
    var map: ColumnMap?

    @Option(help: ArgumentHelp("The forecasting model.", valueName: "name"))
    var model: String?

    @Option(help: ArgumentHelp("Decimal mark of the export's amounts: '.' or ','; default: found in the file.",
                               valueName: ","))
    var decimal: DecimalMark?

    @Option(help: ArgumentHelp("Order of the export's numeric dates: dmy or mdy; default: found in the file.",
                               valueName: "dmy"))
    var dates: DateOrder?

    /// True when a sale is followed: an export or a database table.
    var follows: Bool { orders != nil || database.db != nil }

    func validate() throws {
        if let role = map?.repeatedRole { throw ValidationError("--map gives '\(role)' more than once") }
        if orders == nil, decimal != nil || dates != nil { throw ValidationError("--decimal and --dates go with --orders") }
        if !follows, [history, end, now, tz, model, from].contains(where: { $0 != nil }) || target != nil
            || minutes != nil || map != nil || database.table != nil || database.filter != nil
        {
            throw ValidationError("--history, --target, --end, --minutes, --now, --tz, --map and --model go with --orders or --db")
        }
        if database.db != nil {
            try database.validate(input: orders, map: map, lenient: false, currency: nil)
        } else if from != nil {
            throw ValidationError("--from goes with --db (an export starts at its first order)")
        }
        if end != nil, minutes != nil { throw ValidationError("give --end or --minutes, not both") }
        if let minutes, minutes < 1 { throw ValidationError("--minutes must be at least 1") }
        if let target, !(target > 0) { throw ValidationError("--target must be a positive amount") }
    }

    /// Opens the sale in `state` as the globals `sale`, `history`, `refresh` and `watch`, and prints its status.
    func preload(in state: LuaState) throws(LuaScriptError) {
        try state.load(Self.preloadSource, chunkName: "=live")
        let call = LuaCall(state.pointer)
        if let orders { call.push(orders) }
        call.pushTable(fieldCapacity: 16) { options in
            if let db = database.db {
                let columns = map?.columns ?? OrderColumns()
                options.set("db", db)
                options.set("table", database.table ?? "")
                options.set("time", columns.time ?? "order_time")
                options.set("amount", columns.amount ?? "amount")
                if let customer = columns.customer { options.set("customer", customer) }
                if let filter = database.filter { options.set("where", filter) }
                if let from { options.set("from", from) }
            } else if let map {
                options.set("map") { call in
                    call.pushTable(fieldCapacity: map.names.count) { fields in
                        for (role, column) in map.names { fields.set(role, column) }
                    }
                }
            }
            if let history { options.set("history", history) }
            if let target { options.set("target", target) }
            if let end { options.set("end", end) }
            if let now { options.set("now", now) }
            if let minutes { options.set("minutes", minutes) }
            if let tz { options.set("tz", tz) }
            if let model { options.set("model", model) }
            if let decimal { options.set("decimal", decimal.rawValue) }
            if let dates { options.set("dates", dates.rawValue) }
        }
        try state.call(arguments: orders == nil ? 1 : 2)
    }

    static let preloadSource = """
        local opened, problem = live.open(...)
        if not opened then error(problem, 0) end
        sale = opened
        history = sale.history
        refresh, watch = live.refresh, live.watch
        print(sale:refresh())
        print("sale, history, refresh() and watch(60) are ready; help(refresh) and help('live') explain them.")
        """
}
