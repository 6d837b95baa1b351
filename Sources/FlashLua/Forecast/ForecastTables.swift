import Forecasting
import LuaBridge
import SaleData
import SaleReports

/// Pushes the plain Lua tables of forecasts: metrics, loss history, baselines.
enum ForecastTables {
    /// A field per `Metric` (`{mape =, hre60 =, ..., width =}`) with `minutes =` and, with several
    /// bands, `coverage50 =, width50 =, coverage80 =, ...`; a measure that is undefined (no actuals,
    /// no revenue gained) is nil.
    static func push(_ metrics: ForecastMetrics?, _ call: LuaCall) {
        pushFields(metrics, call) { table in
            table.set("minutes", metrics?.minutesCompared ?? 0)
        }
    }

    /// The back-test means in the same fields, with `pieces` and `model`.
    static func push(_ summary: BacktestSummary, _ call: LuaCall) {
        pushFields(summary, call) { table in
            table.set("pieces", summary.pieces)
            table.set("model", summary.model.rawValue)
        }
    }

    private static func pushFields(_ metrics: (any MetricValues)?, _ call: LuaCall, _ extra: (LuaTableBuilder) -> Void) {
        call.pushTable(fieldCapacity: Metric.allCases.count + 8) { table in
            for metric in Metric.allCases {
                if let value = metrics?[metric] { table.set(metric.key, value) }
            }
            extra(table)
            for (key, value) in metrics?.bandFields ?? [] {
                if let value { table.set(key, value) }
            }
        }
    }

    /// `{[0.5] = {level = 0.5, lower = Series, upper = Series}, [0.8] = ...}`: every band by its level.
    static func push(_ bands: [ForecastBand], _ call: LuaCall) {
        call.pushTable(fieldCapacity: 0) { table in
            for band in bands {
                table.set(number: band.level) { call in
                    call.pushTable(fieldCapacity: 3) { entry in
                        entry.set("level", band.level)
                        entry.set("lower") { $0.push(band.lower) }
                        entry.set("upper") { $0.push(band.upper) }
                    }
                }
            }
        }
    }

    /// `{train = {...}, validation = {...}, best_epoch = n}`: what `chart.loss` draws.
    static func push(_ loss: LossHistory, _ call: LuaCall) {
        call.pushTable(fieldCapacity: 3) { table in
            table.set("train") { $0.push(loss.training) }
            table.set("validation") { $0.push(loss.validation) }
            table.set("best_epoch", loss.bestEpoch)
        }
    }

    /// `{drift = {mean = Series, metrics = {...}}, seasonal_naive = ..., profile = ...}`.
    static func push(_ baselines: [BaselineResult], _ call: LuaCall) {
        call.pushTable(fieldCapacity: baselines.count) { table in
            for baseline in baselines {
                table.set(baseline.model.rawValue) { call in
                    call.pushTable(fieldCapacity: 2) { entry in
                        entry.set("mean") { $0.push(baseline.mean) }
                        entry.set("metrics") { push(baseline.metrics, $0) }
                    }
                }
            }
        }
    }

    /// `{drift = {mape =, ..., pieces =}, ...}`: the baselines' back-test means.
    static func push(_ summaries: [BacktestSummary], _ call: LuaCall) {
        call.pushTable(fieldCapacity: summaries.count) { table in
            for summary in summaries {
                table.set(summary.model.rawValue) { push(summary, $0) }
            }
        }
    }
}
