import LuaBridge
import SVGCharts

/// Plain Lua tables turned into the chart module's input. Lua counts from 1; `cutoff` is the Lua
/// index of the last actual value (forecasts start right after it) and `alerts` are Lua indices.
/// Number lists sit on the clock from the `start` and `step` options (`ChartSettings.timed`).
extension ChartData {
    /// `{1, 2, 3}` (one line) or `{{name = "web", values = {...}}, ...}`.
    func lines(_ settings: ChartSettings) throws(LuaError) -> LineChart {
        if isNumberSequence {
            let values = try call.numbers(index)
            return try building { () throws(ChartError) in try LineChart(timed: [settings.timed("values", values)]) }
        }
        let series = try elements { (item) throws(LuaError) in try item.series(default: "series", settings) }
        return try building { () throws(ChartError) in try LineChart(timed: series) }
    }

    /// `{name = "web", values = {...}}`.
    func series(default name: String, _ settings: ChartSettings, at offset: Int = 0) throws(LuaError) -> TimedSeries {
        settings.timed(try string("name", default: name), try requiredNumbers("values"), at: offset)
    }

    /// `{actual = {...}, mean = {...}, lower = {...}, upper = {...}, cutoff = #actual, level = 0.8}`.
    func forecast(_ settings: ChartSettings) throws(LuaError) -> ForecastChart {
        let actual = try requiredNumbers("actual")
        let cutoff = try integer("cutoff") ?? actual.count
        guard cutoff >= 0 else { throw error("cutoff", "must not be negative") }
        let label = try number("level").map { "\(Int(($0 * 100).rounded()))% interval" } ?? "interval"
        let mean = settings.timed("forecast", try requiredNumbers("mean"), at: cutoff)
        let lower = try numbers("lower") ?? [], upper = try numbers("upper") ?? []
        return try building { () throws(ChartError) in
            try ForecastChart(actual: settings.timed("actual", actual), mean: mean, lower: lower, upper: upper, intervalLabel: label)
        }
    }

    /// `{actual = {...}, pieces = {{cutoff = 30, mean = {...}}, ...}}`.
    func backtest(_ settings: ChartSettings) throws(LuaError) -> BacktestChart {
        let pieces = try list("pieces") { (piece) throws(LuaError) -> TimedSeries in
            let cutoff = try piece.integer("cutoff") ?? 0
            guard cutoff >= 0 else { throw piece.error("cutoff", "must not be negative") }
            return settings.timed("piece", try piece.requiredNumbers("mean"), at: cutoff)
        }
        let actual = settings.timed("actual", try requiredNumbers("actual"))
        return try building { () throws(ChartError) in try BacktestChart(actual: actual, pieces: pieces) }
    }

    /// `{train = {...}, validation = {...}}` (`training` is accepted for `train`), or a list of losses.
    func loss() throws(LuaError) -> LossChart {
        if isNumberSequence { return LossChart(train: try call.numbers(index)) }
        var train = try numbers("train")
        if train == nil { train = try numbers("training") }
        guard let train else { throw error("train", "table expected, got nil") }
        return LossChart(train: train, validation: try numbers("validation") ?? [])
    }

    /// `{120, 95, 130}`: revenue per step.
    func bars(_ settings: ChartSettings) throws(LuaError) -> RevenueBarChart {
        let values = try call.numbers(index)
        return try building { () throws(ChartError) in try RevenueBarChart(perMinute: settings.timed("revenue", values)) }
    }

    /// `{actual = {...}, cutoff = #actual, baseline = {...}, scenarios = {{name =, values =}},
    /// events = {{minute = 60, label = "e-mail"}}, annotations = {{minute =, value =, text =}}}`;
    /// forecasts start after `cutoff` and event minutes count from the axis start.
    func scenarios(_ settings: ChartSettings) throws(LuaError) -> ScenarioChart {
        let actual = try numbers("actual") ?? []
        let cutoff = try integer("cutoff") ?? actual.count
        guard cutoff >= 0 else { throw error("cutoff", "must not be negative") }
        let scenarios = try list("scenarios") { (item) throws(LuaError) in try item.series(default: "scenario", settings, at: cutoff) }
        let events = try list("events") { (item) throws(LuaError) -> ChartEvent in
            ChartEvent(minute: settings.minute(afterStart: try item.integer("minute") ?? 0), label: try item.string("label", default: ""))
        }
        let annotations = try list("annotations") { (item) throws(LuaError) -> ChartAnnotation in
            guard let value = try item.number("value") else { throw item.error("value", "number expected, got nil") }
            return ChartAnnotation(minute: settings.minute(afterStart: try item.integer("minute") ?? 0), value: value,
                                   text: try item.string("text", default: ""))
        }
        let baseline = settings.timed("baseline", try requiredNumbers("baseline"), at: cutoff)
        return try building { () throws(ChartError) in
            try ScenarioChart(actual: actual.isEmpty ? nil : settings.timed("actual", actual), baseline: baseline,
                              scenarios: scenarios, events: events, annotations: annotations)
        }
    }

    /// `{actual = {...}, expected = {...}, lower = {...}, upper = {...}, alerts = {152, 153}}`.
    func warning(_ settings: ChartSettings) throws(LuaError) -> EarlyWarningChart {
        let alerts = try numbers("alerts") ?? []
        guard alerts.allSatisfy({ $0 == $0.rounded() && $0 >= 1 && $0 < 9e15 }) else {
            throw error("alerts", "indices must be whole numbers from 1")
        }
        let actual = settings.timed("actual", try requiredNumbers("actual"))
        let expected = try numbers("expected").map { settings.timed("expected", $0) }
        let lower = settings.timed("lower", try requiredNumbers("lower")), upper = settings.timed("upper", try requiredNumbers("upper"))
        return try building { () throws(ChartError) in
            try EarlyWarningChart(actual: actual, expected: expected, lower: lower, upper: upper,
                                  alertMinutes: alerts.map { settings.minute(atIndex: Int($0) - 1) })
        }
    }
}
