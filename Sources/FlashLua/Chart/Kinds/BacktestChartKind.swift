import LuaBridge
import SVGCharts

/// `chart.backtest`: a Backtest, or `{actual = ..., pieces = {{cutoff = 30, mean = ...}, ...}}`.
enum BacktestChartKind: LuaChartKind {
    static let name = "backtest"
    static let signature = "chart.backtest(backtest [, options]) -> Chart"
    static let summary = "The actual curve with every forecast piece drawn over it: {actual=, pieces={{cutoff=, mean=}, ...}}."

    static func chart(_ data: ChartData, _ settings: ChartSettings) throws(LuaError) -> any RenderableChart {
        let actual = try data.requiredValues("actual", name: "actual", settings)
        let pieces = try data.list("pieces") { (piece) throws(LuaError) -> TimedSeries in
            try piece.requiredValues("mean", name: "piece", settings, at: try piece.nonNegative("cutoff") ?? 0)
        }
        return try data.building { () throws(ChartError) in try BacktestChart(actual: actual, pieces: pieces) }
    }
}
