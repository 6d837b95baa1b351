import LuaBridge

/// The tables the forecast library and its classes return, declared for the REPL's completion
/// (`fc.bands[0.95].lower:`, `bt.pieces[1].mean:`, `forecast.warning(s, fc).actual:`).
enum ForecastShapes {
    /// `fc.bands`: bands by level.
    static let bands = LuaShape("Bands", items: "Band")
    /// One band of a forecast or scenario.
    static let band = LuaShape("Band", fields: ["level": "number", "lower": "Series", "upper": "Series"])
    /// `fc.history`: the loss per epoch.
    static let loss = LuaShape("LossHistory", fields: ["train": "table", "validation": "table", "best_epoch": "number"])
    /// `bt.pieces`: the forecast of every cutoff.
    static let pieces = LuaShape("Forecasts", items: "Forecast")
    /// `forecast.warning(...)`: the verdict and what its chart draws.
    static let verdict = LuaShape("Verdict", fields: [
        "alert": "boolean", "kind": "string", "index": "number", "time": "string", "gap": "number",
        "shortfall": "number", "message": "string", "warnings": "table", "actual": "Series", "ends": "Series",
        "expected": "Series", "lower": "Series", "upper": "Series", "alerts": "table", "alert_at": "number",
        "target": "number", "summary": "string", "name": "string", "now": "string", "actual_now": "number",
        "expected_now": "number", "behind": "table", "behind_share": "number", "total": "Verdict", "groups": "Verdicts",
    ])
    /// A grouped verdict's `groups`: a verdict per group, in sequence and by name.
    static let verdicts = LuaShape("Verdicts", items: "Verdict")
    /// `forecast.metrics()`: one entry per metric.
    static let metricList = LuaShape("MetricList", items: "MetricInfo")
    /// One metric's description.
    static let metricInfo = LuaShape("MetricInfo", fields: [
        "key": "string", "heading": "string", "format": "string", "horizon": "number",
    ])
    /// `forecast.run` of a grouped read: the reconciled total, the direct one and every group's.
    static let groupForecast = LuaShape("GroupForecast", fields: [
        "total": "Forecast", "direct": "Forecast", "groups": "Forecasts", "reconciliation": "string", "choice": "table",
        "summary": "string",
    ])
    /// `forecast.backtest` of a grouped read: the back-tests of the totals and of every group.
    static let groupBacktest = LuaShape("GroupBacktest", fields: [
        "total": "Backtest", "direct": "Backtest", "groups": "Backtests", "reconciliations": "table", "summary": "string",
    ])
    /// A grouped back-test's `groups`.
    static let backtests = LuaShape("Backtests", items: "Backtest")
    static let all = [bands, band, loss, pieces, verdict, verdicts, metricList, metricInfo, groupForecast, groupBacktest, backtests]
}
