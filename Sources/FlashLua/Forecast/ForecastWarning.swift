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
        push(warnings, live: live, object: object, call)
        return 1
    }

    /// `{alert =, kind =, time =, index =, gap =, shortfall =, message =, warnings = {...}}` plus the
    /// chart's fields: `actual` (cumulative, over the training window and the known horizon),
    /// `expected`, `lower`, `upper` (the forecast's) and `alerts` (indices into `actual` of the minutes
    /// below the band).
    static func push(_ warnings: [EarlyWarning], live: Series, object: ForecastObject, _ call: LuaCall) {
        let forecast = object.forecast
        let actual = ForecastReport.chartActual(revenue: live, forecast: forecast, train: object.train)
        let firstRow = (actual.start - live.start) / max(1, live.step)
        let alerts = (0..<forecast.rows).compactMap { h -> Int? in
            let row = forecast.cutoff + 1 + h
            guard row - firstRow < actual.count else { return nil }
            return actual.values[row - firstRow] < forecast.lower.values[h] ? row - firstRow + 1 : nil
        }
        call.pushTable(fieldCapacity: 13) { table in
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
            table.set("actual") { $0.push(actual) }
            table.set("expected") { $0.push(forecast.mean) }
            table.set("lower") { $0.push(forecast.lower) }
            table.set("upper") { $0.push(forecast.upper) }
            table.set("alerts") { call in
                call.pushTable(arrayCapacity: alerts.count) { list in
                    for (offset, index) in alerts.enumerated() { list.set(offset + 1) { $0.push(index) } }
                }
            }
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
