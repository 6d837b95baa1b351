import LuaBridge
import SaleReports
import SVGCharts

/// `chart.rate`: a Forecast (`{step = 15}` sets the minutes per step), or `{actual = ..., forecast = ...,
/// lower = ..., upper = ..., now = time, events = {{at =, label =}}}` of revenue per step.
enum RateChartKind: LuaChartKind {
    static let name = "rate"
    static let signature = "chart.rate(forecast [, options]) -> Chart"
    static let summary = """
        Revenue per step, actual against the forecast with its band, "now" and events: a Forecast (option \
        step=15 sets the minutes per step; the band is the spread of the observed steps around their local \
        average at the forecast's level), or {actual=, forecast=, lower=, upper=, now=time, events={{at=, label=}}}; \
        each value sits at the last minute of its step.
        """

    static func chart(_ data: ChartData, _ settings: ChartSettings) throws(LuaError) -> any RenderableChart {
        let actual = try data.requiredValues("actual", name: "actual", settings)
        let forecast = try data.values("forecast", name: "forecast", settings, at: actual.values.count)
        let lower = try data.numbers("lower") ?? [], upper = try data.numbers("upper") ?? []
        let now = try data.time("now", settings)
        let events = try data.list("events") { (item) throws(LuaError) -> ChartEvent in
            ChartEvent(minute: try item.moment(settings), label: try item.string("label", default: ""))
        }
        let label = try data.string("label", default: "range")
        return RateChart(actual: actual, forecast: forecast, lower: lower, upper: upper, bandLabel: label, now: now, events: events)
    }
}
