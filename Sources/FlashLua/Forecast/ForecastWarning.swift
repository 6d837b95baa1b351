import Forecasting
import LuaBridge
import NumberText
import SaleData
import SaleReports

/// `forecast.warning(actual, fc [, {k = 15, target = 2e6}])`: the early-warning verdict as a table
/// that `chart.warning` draws directly.
enum ForecastWarning {
    static func check(_ call: LuaCall) throws -> Int32 {
        let object = try call.object(2, as: ForecastObject.self)
        let live = try call.series(at: 1, start: object.revenue.start, step: object.revenue.step, zone: object.revenue.zone)
        let options = try LuaOptions(call, at: 3)
        try options.allow(["k", "target"])
        let k = try options.integer("k", default: 15)
        let target = try options.number("target")
        if let target, !target.isFinite { throw options.error("target", "must be a finite number") }
        let forecast = object.forecast
        let warnings = try ForecastLuaErrors.run(call, options: options) { () throws(ForecastError) in
            try EarlyWarning.check(revenue: live, forecast: forecast, consecutive: k, target: target)
        }
        push(warnings, live: live, object: object, target: target, call)
        return 1
    }

    /// `{alert =, kind =, time =, index =, gap =, shortfall =, message =, warnings = {...}}` plus the
    /// chart's fields (`WarningWindow`): `actual` (cumulative, from the forecast's cutoff to the last
    /// minute known), `expected`, `lower`, `upper` (the forecast's), `alerts` (indices into `actual`
    /// of the minutes below the band), `alert_at` (the index at which the below-band alert fired),
    /// `ends` (the end-of-sale total expected at each minute of `actual`) and `target`; `more` sets
    /// further fields (a group's standing).
    static func push(_ warnings: [EarlyWarning], live: Series, object: ForecastObject, target: Double?, _ call: LuaCall,
                     more: (LuaTableBuilder) -> Void = { _ in }) {
        let forecast = object.forecast
        let window = WarningWindow(revenue: live, forecast: forecast)
        let fired = warnings.first { $0.kind == .belowBand }.map { $0.row - forecast.cutoff + 1 }
        call.pushTable(fieldCapacity: 16) { table in
            table.set("alert", !warnings.isEmpty)
            if let first = warnings.first {
                set(first, on: table)
                table.set("message", message(first, level: forecast.level))
            }
            table.set("warnings") { call in
                call.pushTable(arrayCapacity: warnings.count) { list in
                    for (offset, warning) in warnings.enumerated() {
                        list.set(offset + 1) { call in
                            call.pushTable(fieldCapacity: 7) { entry in
                                set(warning, on: entry)
                                entry.set("actual", warning.actual)
                                entry.set("threshold", warning.threshold)
                                entry.set("message", message(warning, level: forecast.level))
                            }
                        }
                    }
                }
            }
            table.set("actual") { $0.push(window.actual) }
            table.set("ends") { $0.push(window.ends) }
            if let fired { table.set("alert_at", fired) }
            if let target { table.set("target", target) }
            table.set("expected") { $0.push(forecast.mean) }
            table.set("lower") { $0.push(forecast.lower) }
            table.set("upper") { $0.push(forecast.upper) }
            table.set("alerts") { call in
                call.pushTable(arrayCapacity: window.below.count) { list in
                    for (offset, index) in window.below.enumerated() { list.set(offset + 1) { $0.push(index + 1) } }
                }
            }
            more(table)
        }
    }

    private static func set(_ warning: EarlyWarning, on table: LuaTableBuilder) {
        table.set("kind", warning.kind.rawValue)
        table.set("index", warning.row + 1)
        table.set("time", warning.label)
        table.set("gap", warning.gap)
        table.set("shortfall", warning.shortfall)
    }

    /// `revenue below the 80% band at 2021-11-12T10:15: 1.234k short of the forecast`.
    static func message(_ warning: EarlyWarning, level: Double) -> String {
        switch warning.kind {
        case .belowBand:
            return "revenue below the \(Int((level * 100).rounded()))% band at \(warning.label): "
                + "\(NumberFormat.short(warning.gap)) short of the forecast"
        case .belowTarget:
            return "expected total below target at \(warning.label): \(NumberFormat.short(warning.gap)) short of "
                + NumberFormat.short(warning.threshold)
        }
    }
}
