import LuaBridge
import SVGCharts

/// `chart.scenarios`: a WhatIf, or `{actual = ..., cutoff = #actual, baseline = ..., scenarios = {{name =, values =}},
/// events = {{at = "2024-05-20T14:00", label = "e-mail"}}, annotations = {{minute =, value =, text =}}}`;
/// forecasts start after `cutoff`; events and annotations take a time `at` or `minute`s after the start.
enum ScenariosChartKind: LuaChartKind {
    static let name = "scenarios"
    static let signature = "chart.scenarios(comparison [, options]) -> Chart"
    static let summary = """
        Baseline against what-if forecasts after the cutoff: {actual=, cutoff=#actual, baseline=, \
        scenarios={{name=, values=}}, events={{at=, label=}}, annotations={{at=, value=, text=}}}; `at` is a \
        time ('2024-05-20T14:00' or epoch seconds), or give `minute`, minutes after the start.
        """

    static func chart(_ data: ChartData, _ settings: ChartSettings) throws(LuaError) -> any RenderableChart {
        let actual = try data.values("actual", name: "actual", settings)
        let cutoff = try data.nonNegative("cutoff") ?? actual?.values.count ?? 0
        let baseline = try data.requiredValues("baseline", name: "baseline", settings, at: cutoff)
        let scenarios = try data.list("scenarios") { (item) throws(LuaError) -> TimedSeries in
            try item.requiredValues("values", name: try item.string("name", default: "scenario"), settings, at: cutoff)
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
                              scenarios: scenarios, events: events, annotations: annotations)
        }
    }
}
