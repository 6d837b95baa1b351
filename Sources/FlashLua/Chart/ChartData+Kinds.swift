import LuaBridge
import SVGCharts

/// Plain Lua tables turned into the chart module's input structs. Lua counts from 1; indices here
/// (`cutoff`, `alerts`) follow Lua and are converted to the module's 0-based axis positions.
extension ChartData {
    /// `{1, 2, 3}` (one line) or `{{name = "web", values = {...}}, ...}`.
    func lines(axis: TimeAxis) throws(LuaError) -> LineChart {
        if isNumberSequence {
            let values = try call.numbers(index)
            return LineChart(axis: axis, series: [Series(name: "values", values: values)])
        }
        return LineChart(axis: axis, series: try elements { (item) throws(LuaError) in try item.series(default: "series") })
    }

    /// `{name = "web", values = {...}}`.
    func series(default name: String) throws(LuaError) -> Series {
        Series(name: try string("name", default: name), values: try requiredNumbers("values"))
    }

    /// `{actual = {...}, mean = {...}, lower = {...}, upper = {...}, cutoff = #actual, level = 0.8}`.
    func forecast(axis: TimeAxis) throws(LuaError) -> ForecastChart {
        let actual = try requiredNumbers("actual")
        let label = try number("level").map { "\(Int(($0 * 100).rounded()))% interval" } ?? "interval"
        return ForecastChart(
            axis: axis, actual: actual, cutoff: try integer("cutoff") ?? actual.count, mean: try requiredNumbers("mean"),
            lower: try numbers("lower") ?? [], upper: try numbers("upper") ?? [], intervalLabel: label)
    }

    /// `{actual = {...}, pieces = {{cutoff = 30, mean = {...}}, ...}}`.
    func backtest(axis: TimeAxis) throws(LuaError) -> BacktestChart {
        let pieces = try list("pieces") { (piece) throws(LuaError) -> Series in
            let cutoff = try piece.integer("cutoff") ?? 0
            guard cutoff >= 0 else { throw piece.error("cutoff", "must not be negative") }
            return Series(name: "piece", values: try piece.requiredNumbers("mean"), start: cutoff)
        }
        return BacktestChart(axis: axis, actual: try requiredNumbers("actual"), pieces: pieces)
    }

    /// `{train = {...}, validation = {...}}`.
    func loss() throws(LuaError) -> LossChart {
        LossChart(train: try requiredNumbers("train"), validation: try numbers("validation") ?? [])
    }

    /// `{actual = {...}, cutoff = #actual, baseline = {...}, scenarios = {{name =, values =}},
    /// events = {{minute = 60, label = "e-mail"}}, annotations = {{minute =, value =, text =}}}`;
    /// forecasts start after `cutoff` and event minutes count from the axis start.
    func scenarios(axis: TimeAxis) throws(LuaError) -> ScenarioChart {
        let actual = try numbers("actual") ?? []
        let cutoff = try integer("cutoff") ?? actual.count
        let scenarios = try list("scenarios") { (item) throws(LuaError) -> Series in
            var series = try item.series(default: "scenario")
            series.start = cutoff
            return series
        }
        let events = try list("events") { (item) throws(LuaError) -> ChartEvent in
            ChartEvent(minute: axis.startMinute + (try item.integer("minute") ?? 0), label: try item.string("label", default: ""))
        }
        let annotations = try list("annotations") { (item) throws(LuaError) -> ChartAnnotation in
            guard let value = try item.number("value") else { throw item.error("value", "number expected, got nil") }
            return ChartAnnotation(minute: axis.startMinute + (try item.integer("minute") ?? 0), value: value,
                                   text: try item.string("text", default: ""))
        }
        return ScenarioChart(
            axis: axis, actual: actual, baseline: Series(name: "baseline", values: try requiredNumbers("baseline"), start: cutoff),
            scenarios: scenarios, events: events, annotations: annotations)
    }

    /// `{actual = {...}, expected = {...}, lower = {...}, upper = {...}, alerts = {152, 153}}`.
    func warning(axis: TimeAxis) throws(LuaError) -> EarlyWarningChart {
        let alerts = try numbers("alerts") ?? []
        guard alerts.allSatisfy({ $0 == $0.rounded() && abs($0) < 9e15 }) else { throw error("alerts", "indices must be integers") }
        return EarlyWarningChart(
            axis: axis, actual: try requiredNumbers("actual"), expected: try numbers("expected") ?? [],
            lower: try requiredNumbers("lower"), upper: try requiredNumbers("upper"), alerts: alerts.map { Int($0) - 1 })
    }
}
