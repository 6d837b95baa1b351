import LuaBridge
import NumberText
import SaleData
import Scenarios

/// The result of `scenario.whatif`: each scenario's forecast beside the baseline, drawable with
/// `chart.scenarios`.
final class WhatIfObject: LuaObject {
    static let luaTypeName = "WhatIf"
    let comparison: ScenarioComparison
    let base: ScenarioBase
    /// Each scenario's events as chart markers: minute and label.
    let markers: [(minute: Int, label: String)]

    init(_ comparison: ScenarioComparison, base: ScenarioBase, markers: [(minute: Int, label: String)]) {
        self.comparison = comparison
        self.base = base
        self.markers = markers
    }

    /// Every scenario's series, the baseline's and the actual revenue, and the markers.
    var memoryFootprint: Int {
        comparison.footprint + Footprint.of(base.actual) + markers.count * Footprint.small
    }
}

extension LuaCall {
    /// Pushes one forecast of a what-if as a table: name, mean, lower, upper (the main band), bands
    /// (every level's, as a Forecast's), rate (Series), total, gain, and with `by` total_by and
    /// gain_by, with a target reaches.
    func push(_ forecast: ScenarioForecast, in comparison: ScenarioComparison) {
        pushTable(fieldCapacity: 11) { table in
            table.set("name", forecast.name)
            table.set("mean") { $0.push(forecast.mean) }
            table.set("lower") { $0.push(forecast.lower) }
            table.set("upper") { $0.push(forecast.upper) }
            table.set("bands") { ForecastTables.push(forecast.bands, $0) }
            table.set("rate") { $0.push(forecast.rate) }
            table.set("total", forecast.total)
            table.set("gain", forecast.gain)
            if let by = comparison.by {
                table.set("total_by", forecast.total(by: by))
                table.set("gain_by", forecast.gain(by: by))
            }
            if let reached = comparison.reaches(forecast) { table.set("reaches", reached) }
        }
    }
}

/// The `WhatIf` userdata: `#w`, `w[i]`, `w.baseline`, `w.by`, `w.target`, `w:summary()`, `w:save_csv(path)`.
enum WhatIfClass {
    static let luaClass = LuaClass<WhatIfObject>(
        summary: """
            Scenarios tried on a forecast (scenario.whatif). #w scenarios; w[i] and w.baseline are tables: \
            name, mean, lower, upper (cumulative Series; the main band), bands (every level of the \
            forecast: bands[0.95].lower ...), rate (per minute), total and gain at the end, total_by and \
            gain_by (with by=), reaches (with target=). chart.scenarios(w) draws them.
            """,
        methods: [
            LuaMethod("summary", "w:summary() -> string", "A table of each scenario's totals and gains over the baseline and each level's band at the end, one line each.") { call, w in
                call.push(w.comparison.summary)
                return 1
            },
            LuaMethod("save_csv", "w:save_csv(path) -> true | nil, message", "Writes `scenario,minute,rate,mean,lower,upper` rows (with several levels lower50,upper50,...) for the baseline and every scenario, atomically.") { call, w in
                let rows = Double(w.comparison.scenarios.count + 1) * Double(w.comparison.baseline.mean.count)
                let columns = 2 + 2 * w.comparison.baseline.bands.count
                try call.reserveMemory(WorkMemory.csv(rows: rows, columns: columns), for: "save_csv of \(Int(rows)) rows")
                return try call.writeOutput(at: 2, w.comparison.csv.utf8)
            },
        ],
        describe: { (w: WhatIfObject) -> String in
            let best = w.comparison.scenarios.max { $0.gain < $1.gain }
            let gain = best.map { ", best '\($0.name)' \(NumberFormat.signed($0.gain)) at end" } ?? ""
            return "WhatIf(\(w.comparison.scenarios.count) scenarios\(gain))"
        },
        length: { $0.comparison.scenarios.count },
        index: { (call: LuaCall, w: WhatIfObject) throws -> Int32 in
            guard call.type(at: 2) == .number, let i = try? call.integer(2), i >= 1, i <= w.comparison.scenarios.count else {
                call.pushNil()
                return 1
            }
            call.push(w.comparison.scenarios[i - 1], in: w.comparison)
            return 1
        },
        fields: [
            "baseline": { call, w in call.push(w.comparison.baseline, in: w.comparison); return 1 },
            "by": { call, w in call.push(w.comparison.by.map { w.base.zone.label(minute: $0) }); return 1 },
            "target": { call, w in call.push(w.comparison.target); return 1 },
        ],
        fieldTypes: ["baseline": "ScenarioOutcome"], itemType: "ScenarioOutcome",
        cachesValues: true)
}
