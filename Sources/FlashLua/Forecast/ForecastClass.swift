import Forecasting
import LuaBridge
import NumberText
import SaleData
import SaleReports

/// The `Forecast` userdata: `fc.mean`, `fc.metrics.hre500`, `fc:save_csv(path)`, `chart.forecast(fc)`.
enum ForecastClass {
    static let luaClass = LuaClass<ForecastObject>(
        summary: """
            A forecast of cumulative revenue made at a cutoff. Fields: mean, lower, upper (cumulative Series \
            for the minutes after the cutoff), rate (expected revenue per row: per minute on one-minute rows), actual (the known \
            cumulative actuals after the cutoff), cutoff (index, counted from 1), cutoff_time, horizon (minutes), \
            step (minutes a row), level (of lower and upper: the first level asked), levels (every level \
            asked, rising), bands (every band by its level: fc.bands[0.95].lower; fc:band(0.95) gives lower, \
            upper; wider bands contain narrower ones), \
            model, observed (cumulative revenue at the cutoff), history ({train=, validation=, best_epoch=} \
            loss per epoch), metrics ({\(ForecastMetricList.fieldList), minutes=, and with several levels coverage50=, \
            width50=, coverage80=... per band}, nil where undefined; forecast.metrics() lists them), baselines \
            ({\(ForecastMetricList.baselineFields) each {mean=, metrics=}}). A field's table or Series is made once: \
            fc.metrics == fc.metrics. Draw it with chart.forecast(fc) and chart.loss(fc.history).
            """,
        methods: [
            LuaMethod("save_csv", "fc:save_csv(path) -> true | nil, message",
                      """
                      Writes \(ForecastTable.header) (as flashcast forecast does) atomically; \
                      with several levels \(ForecastTable.boundColumns(["50", "80"])),... in place of \(ForecastTable.boundColumns([""])).
                      """) {
                (call: LuaCall, object: ForecastObject) throws -> Int32 in
                try reserveCSV([object.forecast], call)
                return try saveCSV(ForecastTable(object.forecast), call)
            },
            LuaMethod("band", "fc:band(level) -> lower, upper",
                      "The band at level (one of fc.levels, e.g. 0.95): its lower and upper cumulative Series.") {
                (call: LuaCall, object: ForecastObject) throws -> Int32 in
                let level = try call.number(2)
                guard let band = object.forecast.band(level) else {
                    let levels = object.forecast.bands.map { String($0.level) }.joined(separator: ", ")
                    throw LuaError.argument(position: 2, message: "no \(call.numberText(2)) band (levels \(levels))")
                }
                call.push(band.lower)
                call.push(band.upper)
                return 2
            },
        ],
        describe: { (object: ForecastObject) -> String in describe(object.forecast) },
        fields: [
            "mean": { call, object in call.push(object.forecast.mean); return 1 },
            "lower": { call, object in call.push(object.forecast.lower); return 1 },
            "upper": { call, object in call.push(object.forecast.upper); return 1 },
            "rate": { call, object in call.push(object.forecast.rate); return 1 },
            "actual": { call, object in call.push(object.forecast.actual); return 1 },
            "cutoff": { call, object in call.push(object.forecast.cutoff + 1); return 1 },
            "cutoff_time": { call, object in call.push(object.revenue.label(at: object.forecast.cutoff)); return 1 },
            "horizon": { call, object in call.push(object.forecast.horizon); return 1 },
            "step": { call, object in call.push(object.forecast.mean.step); return 1 },
            "level": { call, object in call.push(object.forecast.level); return 1 },
            "levels": { call, object in call.push(object.forecast.bands.map(\.level)); return 1 },
            "bands": { call, object in ForecastTables.push(object.forecast.bands, call); return 1 },
            "model": { call, object in call.push(object.forecast.model.rawValue); return 1 },
            "observed": { call, object in call.push(object.forecast.observedTotal); return 1 },
            "history": { call, object in ForecastTables.push(object.forecast.loss, call); return 1 },
            "metrics": { call, object in ForecastTables.push(object.forecast.metrics, call); return 1 },
            "baselines": { call, object in ForecastTables.push(object.forecast.baselines, call); return 1 },
        ],
        fieldTypes: [
            "mean": "Series", "lower": "Series", "upper": "Series", "rate": "Series", "actual": "Series", "bands": "Bands",
            "history": "LossHistory", "levels": "table", "metrics": "table", "baselines": "table",
        ],
        cachesValues: true)

    /// `Forecast(flashcast at 2021-11-12T09:00, 500 minutes, end 1.234M, 80% 1.2M to 1.3M)`; on rows of
    /// several minutes `500 minutes in 5-minute rows`.
    static func describe(_ forecast: Forecast) -> String {
        let at = forecast.mean.label(at: -1)
        let end = forecast.mean.values.last.map { NumberFormat.short($0) } ?? "-"
        let band = "\(Int((forecast.level * 100).rounded()))% " + (forecast.lower.values.last.map { NumberFormat.short($0) } ?? "-")
            + " to " + (forecast.upper.values.last.map { NumberFormat.short($0) } ?? "-")
        let rows = forecast.mean.step > 1 ? " in \(forecast.mean.step)-minute rows" : ""
        return "Forecast(\(forecast.model.rawValue) at \(at), \(forecast.horizon) minutes\(rows), end \(end), \(band))"
    }

    /// Writes `table` to the path argument 2 (sandbox policy applied); pushes true or nil, message.
    /// Reserves what the CSV of `forecasts` takes in memory before it is written.
    static func reserveCSV(_ forecasts: [Forecast], _ call: LuaCall) throws(LuaError) {
        let rows = forecasts.reduce(0.0) { $0 + Double($1.mean.count) }
        let columns = 5 + 2 * (forecasts.first?.bands.count ?? 1)
        try call.reserveMemory(WorkMemory.csv(rows: rows, columns: columns), for: "save_csv of \(Int(rows)) rows")
    }

    static func saveCSV(_ table: ForecastTable, _ call: LuaCall) throws -> Int32 {
        try call.writeOutput(at: 2, table.csv.utf8)
    }
}
