import LuaBridge
import SaleReports
import SVGCharts

/// `chart.forecast`: a Forecast, or `{actual = ..., mean = ..., lower = ..., upper = ..., cutoff = #actual, level = 0.8}`.
enum ForecastChartKind: LuaChartKind {
    static let name = "forecast"
    static let signature = "chart.forecast(forecast [, options]) -> Chart"
    static let summary = """
        Actual cumulative revenue, the forecast after the cutoff with its band and a 'now' marker: \
        {actual=, mean=, lower=, upper=, cutoff=#actual, level=0.8}.
        """

    static func chart(_ data: ChartData, _ settings: ChartSettings) throws(LuaError) -> any RenderableChart {
        let actual = try data.requiredValues("actual", name: "actual", settings)
        let cutoff = try data.nonNegative("cutoff") ?? actual.values.count
        let label = try data.number("level").map(ForecastReport.intervalLabel) ?? "interval"
        let mean = try data.requiredValues("mean", name: "forecast", settings, at: cutoff)
        let lower = try data.numbers("lower") ?? [], upper = try data.numbers("upper") ?? []
        return try data.building { () throws(ChartError) in
            try ForecastChart(actual: actual, mean: mean, lower: lower, upper: upper, intervalLabel: label)
        }
    }
}
