import LuaBridge
import SVGCharts

/// `chart.scenarios`: a WhatIf, or `{actual = ..., cutoff = #actual, baseline = ..., scenarios = {{name =, values = [, lower =, upper =]}},
/// events = {{at = "2024-05-20T14:00", label = "e-mail"}}, annotations = {{minute =, value =, text =}}}`;
/// forecasts start after `cutoff`; events and annotations take a time `at` or `minute`s after the start.
enum ScenariosChartKind: LuaChartKind {
    static let name = "scenarios"
    static let signature = "chart.scenarios(comparison [, options]) -> Chart"
    static let summary = """
        Baseline against what-if forecasts after the cutoff: {actual=, cutoff=#actual, baseline=, \
        scenarios={{name=, values=, lower=, upper=}}, events={{at=, label=}}, annotations={{at=, value=, text=}}}; \
        a scenario's lower and upper (optional, as long as its values) are shaded in its colour; `at` is a \
        time ('2024-05-20T14:00' or epoch seconds), or give `minute`, minutes after the start.
        """

    static func chart(_ data: ChartData, _ settings: ChartSettings) throws(LuaError) -> any RenderableChart {
        let actual = try data.values("actual", name: "actual", settings)
        let cutoff = try data.nonNegative("cutoff") ?? actual?.values.count ?? 0
        let baseline = try data.requiredValues("baseline", name: "baseline", settings, at: cutoff)
        let scenarios = try data.list("scenarios") { (item) throws(LuaError) -> (line: TimedSeries, band: (lower: [Double], upper: [Double])) in
            let name = try item.string("name", default: "scenario")
            let line = try item.requiredValues("values", name: name, settings, at: cutoff)
            let lower = try item.values("lower", name: name, settings, at: cutoff), upper = try item.values("upper", name: name, settings, at: cutoff)
            for (key, bound) in [("lower", lower), ("upper", upper)] where bound.map({ $0.values.count != line.values.count }) ?? false {
                throw item.error(key, "must have as many values as values (\(line.values.count))")
            }
            if (lower == nil) != (upper == nil) { throw item.error(lower == nil ? "lower" : "upper", "must be given with '\(lower == nil ? "upper" : "lower")'") }
            return (line, (lower: lower?.values ?? [], upper: upper?.values ?? []))
        }
        let events = try data.list("events") { (item) throws(LuaError) -> ChartEvent in
            ChartEvent(minute: try item.moment(settings), label: try item.string("label", default: ""))
        }
        let annotations = try data.list("annotations") { (item) throws(LuaError) -> ChartAnnotation in
            guard let value = try item.number("value") else { throw item.error("value", "number expected, got nil") }
            return ChartAnnotation(minute: try item.moment(settings), value: value,
                                   text: try item.string("text", default: ""))
        }
        return try data.building { () throws(ChartError) in
            try ScenarioChart(actual: actual?.values.isEmpty == false ? actual : nil, baseline: baseline,
                              scenarios: scenarios.map(\.line), events: events, annotations: annotations,
                              scenarioBands: scenarios.map(\.band))
        }
    }
}
