import Forecasting
import LuaBridge
import SaleData
import SaleReports

/// `live.open(path, options)`: a sale followed while it runs.
final class LiveSaleObject: LuaObject, Sendable {
    static let luaTypeName = "LiveSale"
    let sale: LiveSale
    let showsProgress: Bool

    init(_ sale: LiveSale, showsProgress: Bool) {
        self.sale = sale
        self.showsProgress = showsProgress
    }

    /// The minutes read so far (and, from an export, what its reader keeps per order), the
    /// earlier sale's revenue and the kept forecasts.
    var memoryFootprint: Int {
        let observed = sale.observed
        let orders = sale.path != nil ? observed?.orders ?? 0 : 0
        let feed = (observed?.revenue.count ?? 0) * Footprint.perMinute + orders * Footprint.perOrder
        let series = Footprint.of(observed?.revenue) + Footprint.of(observed?.cumulative) + Footprint.of(sale.plan.history)
        return Footprint.small + feed + series + (sale.forecast?.footprint ?? 0) + (sale.earlyForecast?.footprint ?? 0) + (sale.status.map { $0.text.utf8.count } ?? 0)
    }

    /// Refreshes the sale, reporting retries of a lost connection on standard error and drawing a
    /// progress bar while the model trains.
    func refresh(_ call: LuaCall) throws(LuaError) -> LiveStatus {
        let bar = ProgressBar("training", enabled: showsProgress)
        defer { bar.finish() }
        do {
            return try call.cancellable {
                try sale.refresh(report: { ProgressBar.write("flashcast: \($0)\n") }, progress: { bar.show($0) })
            }
        } catch {
            throw .message(String(describing: error))
        }
    }

    static let luaClass = LuaClass<LiveSaleObject>(
        summary: """
            A sale followed while it runs (live.open); fields source (the export's path, or the table and the \
            database's url without password), path (the export's), asked (the minutes the database was last \
            asked for), revenue and cumulative (Series so far), \
            history (the earlier sale's revenue), target, status (the last LiveStatus), forecast (the end-of-sale \
            forecast as of now, the last minute read, as chart.forecast draws it: {actual=, mean=, lower=, upper=, cutoff=, \
            observed=, level=, model=}, or nil), current (the same forecast as a Forecast object: \
            chart.rate(sale.current) draws its revenue per step; scenario.whatif(sale.current, ...) tries scenarios on it, \
            a scenario that sends a campaign starting from its burst-free band as flashcast whatif does), early (with lookback=N, the Forecast made N minutes before now whose \
            band the status's alert checks: forecast.warning(sale.revenue, sale.early) is that check, for chart.warning; \
            else nil). The fields are read afresh on every access, since each \
            refresh changes them: sale.revenue after sale:refresh() is the longer series (keep a field in a \
            local for a snapshot).
            """,
        methods: [
            LuaMethod(
                "refresh", "sale:refresh() -> LiveStatus",
                "Reads the orders appended since the last refresh, re-trains the forecast when it has aged, and returns the status."
            ) { call, object in
                call.push(LiveStatusObject(try object.refresh(call)))
                return 1
            },
            LuaMethod(
                "watch", "sale:watch([seconds [, times [, callback]]])",
                "As live.watch, for this sale."
            ) { call, object in
                try LiveWatch.run(object, call, secondsAt: 2)
            },
        ],
        describe: { object in
            let sale = object.sale
            return "LiveSale(\(sale.path != nil ? "'\(sale.source)'" : sale.source), \(sale.observed?.revenue.count ?? 0) minutes read)"
        },
        fields: [
            "source": { call, object in call.push(object.sale.source); return 1 },
            "path": { call, object in call.push(object.sale.path); return 1 },
            "asked": { call, object in call.push(object.sale.asked); return 1 },
            "revenue": { call, object in pushOptional(call, object.sale.observed?.revenue) },
            "cumulative": { call, object in pushOptional(call, object.sale.observed?.cumulative) },
            "forecast": { call, object in LiveForecastTable.push(object.sale, call) },
            "current": { call, object in pushForecast(call, object.sale.forecast, object.sale) },
            "early": { call, object in pushForecast(call, object.sale.earlyForecast, object.sale) },
            "history": { call, object in pushOptional(call, object.sale.plan.history) },
            "target": { call, object in call.push(object.sale.plan.target); return 1 },
            "status": { call, object in
                if let status = object.sale.status { call.push(LiveStatusObject(status)) } else { call.pushNil() }
                return 1
            },
        ],
        fieldTypes: [
            "revenue": "Series", "cumulative": "Series", "history": "Series", "status": "LiveStatus", "forecast": "LiveForecast",
            "current": "Forecast", "early": "Forecast",
        ])

    /// `forecast` as a Forecast object with the revenue it was made from (up to its cutoff), or nil.
    private static func pushForecast(_ call: LuaCall, _ forecast: Forecast?, _ sale: LiveSale) -> Int32 {
        guard let forecast, let revenue = sale.observed?.revenue else {
            call.pushNil()
            return 1
        }
        let known = revenue.slice(0..<min(forecast.cutoff + 1, revenue.count))
        call.push(ForecastObject(forecast, revenue: known, train: min(sale.settings.train, known.count)))
        return 1
    }

    private static func pushOptional(_ call: LuaCall, _ series: Series?) -> Int32 {
        if let series { call.push(series) } else { call.pushNil() }
        return 1
    }
}
