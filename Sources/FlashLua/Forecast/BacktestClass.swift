import Forecasting
import LuaBridge
import SaleData
import SaleReports

/// The `Backtest` userdata: `bt.pieces`, `bt.summary.hre200`, `bt:save_csv(path)`, `chart.backtest(bt)`.
enum BacktestClass {
    static let luaClass = LuaClass<BacktestObject>(
        summary: """
            A rolling back-test. Fields: pieces (the Forecast of every cutoff, in order; #bt counts them), \
            summary (the model's metrics averaged over the pieces: {\(ForecastMetricList.fieldList), pieces=, \
            model=}), baselines ({\(ForecastMetricList.baselineFields)} in the same form), model, train, horizon, \
            step (minutes). A field's table is made once: bt.pieces[1] == bt.pieces[1]. Draw it with chart.backtest(bt).
            """,
        methods: [
            LuaMethod("save_csv", "bt:save_csv(path) -> true | nil, message",
                      "Writes every piece's rows, \(ForecastTable.header) (as flashcast backtest does), atomically.") {
                (call: LuaCall, object: BacktestObject) throws -> Int32 in
                try ForecastClass.reserveCSV(object.backtest.pieces, call)
                return try ForecastClass.saveCSV(ForecastTable(object.backtest), call)
            },
        ],
        describe: { (object: BacktestObject) -> String in
            let summary = object.backtest.summary
            let hre = summary[.hre200].map { ", mean hre200 " + Metric.hre200.format.text($0) } ?? ""
            let horizon = object.backtest.pieces.first?.horizon ?? 0
            return "Backtest(\(summary.model.rawValue), \(object.backtest.pieces.count) pieces of \(horizon) minutes\(hre))"
        },
        length: { $0.backtest.pieces.count },
        fields: [
            "pieces": { call, object in
                call.pushTable(arrayCapacity: object.backtest.pieces.count) { table in
                    for (offset, piece) in object.backtest.pieces.enumerated() {
                        table.set(offset + 1) { $0.push(ForecastObject(piece, revenue: object.revenue, train: object.train)) }
                    }
                }
                return 1
            },
            "summary": { call, object in ForecastTables.push(object.backtest.summary, call); return 1 },
            "baselines": { call, object in ForecastTables.push(object.backtest.baselines, call); return 1 },
            "model": { call, object in call.push(object.backtest.summary.model.rawValue); return 1 },
            "train": { call, object in call.push(object.train); return 1 },
            "horizon": { call, object in call.push(object.backtest.pieces.first?.horizon ?? 0); return 1 },
            "step": { call, object in call.push(object.step); return 1 },
        ],
        fieldTypes: ["pieces": "Forecasts", "summary": "table", "baselines": "table"],
        cachesValues: true)
}
