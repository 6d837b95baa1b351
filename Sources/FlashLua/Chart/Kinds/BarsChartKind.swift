import LuaBridge
import SVGCharts

/// `chart.bars`: a Series or a list of numbers, revenue per step.
enum BarsChartKind: LuaChartKind {
    static let name = "bars"
    static let signature = "chart.bars(values [, options]) -> Chart"
    static let summary = "Revenue per step as bars (a Series or a list of numbers) with the running total on a second axis."

    static func chart(_ data: ChartData, _ settings: ChartSettings) throws(LuaError) -> any RenderableChart {
        let values = if let single = data.seriesValues { settings.timed("revenue", single) } else {
            settings.timed("revenue", try data.call.numbers(data.index))
        }
        return try data.building { () throws(ChartError) in try RevenueBarChart(perMinute: values) }
    }
}
