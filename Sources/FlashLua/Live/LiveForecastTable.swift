import LuaBridge
import SaleReports

/// `sale.forecast`: the end-of-sale forecast as of now in the table form `chart.forecast` draws
/// (`sale.current` is the same forecast as a Forecast object, for `scenario.whatif`).
enum LiveForecastTable {
    /// The table's fields, for the REPL's completion (`sale.forecast.mean:`).
    static let shape = LuaShape("LiveForecast", fields: [
        "actual": "Series", "mean": "Series", "lower": "Series", "upper": "Series", "cutoff": "number",
        "observed": "number", "level": "number", "model": "string", "trained_at": "string",
    ])

    /// Pushes `{actual=, mean=, lower=, upper=, cutoff=, observed=, level=, model=, trained_at=}` (cumulative
    /// Series; cutoff is the 1-based index of now, the last minute read; trained_at the minute the model
    /// last saw), or nil without a forecast.
    static func push(_ sale: LiveSale, _ call: LuaCall) -> Int32 {
        guard let forecast = sale.forecast, let observed = sale.observed, let trained = sale.status?.forecast?.trainedAt else {
            call.pushNil()
            return 1
        }
        call.pushTable(fieldCapacity: 8) { table in
            table.set("actual") { $0.push(observed.cumulative) }
            table.set("mean") { $0.push(forecast.mean) }
            table.set("lower") { $0.push(forecast.lower) }
            table.set("upper") { $0.push(forecast.upper) }
            table.set("cutoff", forecast.cutoff + 1)
            table.set("observed", forecast.observedTotal)
            table.set("level", forecast.level)
            table.set("model", forecast.model.rawValue)
            table.set("trained_at", trained)
        }
        return 1
    }
}
