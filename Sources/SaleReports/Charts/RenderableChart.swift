import SVGCharts

/// The chart kinds share one rendering entry point.
public protocol RenderableChart {
    /// The chart drawn with `options`.
    func render(_ options: ChartOptions) throws(ChartError) -> SVGDocument
}

extension LineChart: RenderableChart {}
extension ForecastChart: RenderableChart {}
extension BacktestChart: RenderableChart {}
extension LossChart: RenderableChart {}
extension RevenueBarChart: RenderableChart {}
extension ScenarioChart: RenderableChart {}
extension EarlyWarningChart: RenderableChart {}
