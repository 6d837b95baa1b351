import LuaBridge
import SaleReports
import SVGCharts

/// Lua data turned into the chart module's input. Wherever values are expected, a Series (at its
/// own minutes) or a list of numbers (on the settings' clock) will do. Lua counts from 1: `cutoff`
/// is the Lua index of the last actual value (forecasts start right after it) and `alerts` are
/// Lua indices.
extension ChartData {
    /// A Series, `{1, 2, 3}` (one line), or a list of Series and `{name = "web", values = ...}` tables.
    func lines(_ settings: ChartSettings) throws(LuaError) -> LineChart {
        let series: [TimedSeries]
        if let single = seriesValues {
            series = [settings.timed("values", single)]
        } else if isNumberSequence {
            series = [settings.timed("values", try call.numbers(index))]
        } else {
            series = try elements(orSeries: true) { (item, i) throws(LuaError) -> TimedSeries in
                if let object = item.seriesValues { return settings.timed("series \(i)", object) }
                return try item.requiredValues("values", name: try item.string("name", default: "series \(i)"), settings)
            }
        }
        return try building { () throws(ChartError) in try LineChart(timed: series) }
    }

    /// A Forecast, or `{actual = ..., mean = ..., lower = ..., upper = ..., cutoff = #actual, level = 0.8}`.
    func forecast(_ settings: ChartSettings) throws(LuaError) -> ForecastChart {
        if case .forecast(let actual, let mean, let lower, let upper, let level, let others)? = call.chartSource(index)?.chartContent {
            let label = ForecastReport.intervalLabel(level)
            return try building { () throws(ChartError) in
                try ForecastChart(actual: settings.timed("actual", actual), mean: settings.timed("forecast", mean),
                                  lower: lower, upper: upper, intervalLabel: label, otherBands: others)
            }
        }
        let actual = try requiredValues("actual", name: "actual", settings)
        let cutoff = try nonNegative("cutoff") ?? actual.values.count
        let label = try number("level").map(ForecastReport.intervalLabel) ?? "interval"
        let mean = try requiredValues("mean", name: "forecast", settings, at: cutoff)
        let lower = try numbers("lower") ?? [], upper = try numbers("upper") ?? []
        return try building { () throws(ChartError) in
            try ForecastChart(actual: actual, mean: mean, lower: lower, upper: upper, intervalLabel: label)
        }
    }

    /// A Backtest, or `{actual = ..., pieces = {{cutoff = 30, mean = ...}, ...}}`.
    func backtest(_ settings: ChartSettings) throws(LuaError) -> BacktestChart {
        if case .backtest(let actual, let pieces)? = call.chartSource(index)?.chartContent {
            let actualLine = settings.timed("actual", actual)
            let pieceLines = pieces.map { settings.timed("piece", $0) }
            return try building { () throws(ChartError) in try BacktestChart(actual: actualLine, pieces: pieceLines) }
        }
        let actual = try requiredValues("actual", name: "actual", settings)
        let pieces = try list("pieces") { (piece) throws(LuaError) -> TimedSeries in
            try piece.requiredValues("mean", name: "piece", settings, at: try piece.nonNegative("cutoff") ?? 0)
        }
        return try building { () throws(ChartError) in try BacktestChart(actual: actual, pieces: pieces) }
    }

    /// `{train = ..., validation = ...}` (`training` is accepted for `train`), or a list of losses.
    func loss() throws(LuaError) -> LossChart {
        if isNumberSequence { return LossChart(train: try call.numbers(index)) }
        var train = try numbers("train")
        if train == nil { train = try numbers("training") }
        guard let train else { throw error("train", "table expected, got nil") }
        var validation = try numbers("validation")
        if validation == nil { validation = try numbers("val") }  // the history model:fit returns
        return LossChart(train: train, validation: validation ?? [])
    }

    /// A Series or a list of numbers: revenue per step.
    func bars(_ settings: ChartSettings) throws(LuaError) -> RevenueBarChart {
        let values = if let single = seriesValues { settings.timed("revenue", single) } else {
            settings.timed("revenue", try call.numbers(index))
        }
        return try building { () throws(ChartError) in try RevenueBarChart(perMinute: values) }
    }

    /// A WhatIf, or `{actual = ..., cutoff = #actual, baseline = ..., scenarios = {{name =, values =}},
    /// events = {{at = "2024-05-20T14:00", label = "e-mail"}}, annotations = {{minute =, value =, text =}}}`;
    /// forecasts start after `cutoff`; events and annotations take a time `at` or `minute`s after the start.
    func scenarios(_ settings: ChartSettings) throws(LuaError) -> ScenarioChart {
        if case .scenarios(let comparison, let actual, let markers)? = call.chartSource(index)?.chartContent {
            if let actual { _ = settings.timed("actual", actual) } else { _ = settings.timed("baseline", comparison.baseline.mean) }
            return try building { () throws(ChartError) in try ScenarioChartData.chart(comparison, actual: actual, markers: markers) }
        }
        let actual = try values("actual", name: "actual", settings)
        let cutoff = try nonNegative("cutoff") ?? actual?.values.count ?? 0
        let baseline = try requiredValues("baseline", name: "baseline", settings, at: cutoff)
        let scenarios = try list("scenarios") { (item) throws(LuaError) -> TimedSeries in
            try item.requiredValues("values", name: try item.string("name", default: "scenario"), settings, at: cutoff)
        }
        let events = try list("events") { (item) throws(LuaError) -> ChartEvent in
            ChartEvent(minute: try item.moment(settings), label: try item.string("label", default: ""))
        }
        let annotations = try list("annotations") { (item) throws(LuaError) -> ChartAnnotation in
            guard let value = try item.number("value") else { throw item.error("value", "number expected, got nil") }
            return ChartAnnotation(minute: try item.moment(settings), value: value,
                                   text: try item.string("text", default: ""))
        }
        return try building { () throws(ChartError) in
            try ScenarioChart(actual: actual?.values.isEmpty == false ? actual : nil, baseline: baseline,
                              scenarios: scenarios, events: events, annotations: annotations)
        }
    }

    /// `{actual = ..., expected = ..., lower = ..., upper = ..., alerts = {152, 153}}`.
    func warning(_ settings: ChartSettings) throws(LuaError) -> EarlyWarningChart {
        let actual = try requiredValues("actual", name: "actual", settings)
        let expected = try values("expected", name: "expected", settings)
        let lower = try requiredValues("lower", name: "lower", settings), upper = try requiredValues("upper", name: "upper", settings)
        let alerts = try numbers("alerts") ?? []
        guard alerts.allSatisfy({ $0 == $0.rounded() && $0 >= 1 && $0 < 9e15 }) else {
            throw error("alerts", "indices must be whole numbers from 1")
        }
        let alertMinutes = alerts.map { actual.startMinute + (Int($0) - 1) * actual.stepMinutes }
        return try building { () throws(ChartError) in
            try EarlyWarningChart(actual: actual, expected: expected, lower: lower, upper: upper, alertMinutes: alertMinutes)
        }
    }
}
