import SaleData
import SVGCharts

/// What a drawable object holds, in domain types: values on the clock (a Series, accepted wherever
/// values go), or a chart of its own (a forecast, a back-test, a what-if comparison), built when it
/// is drawn by one of the `ChartDrawing` recipes the commands' `--svg` use too.
public enum ChartContent {
    /// Values on the clock (a Series).
    case values(Series)
    /// The chart the object draws for the request (the chart function, the step asked for);
    /// building it checks the data.
    case drawing((ChartRequest) throws(ChartError) -> ChartDrawing)
}

/// What a chart function asks of a drawable object: `chart.rate(fc, {step = 15})`.
public struct ChartRequest: Sendable {
    /// The chart function's name: `forecast`, `rate`.
    public let function: String
    /// The `step` option (minutes between the chart's values), if given.
    public let step: Int?

    /// A request from chart function `function`.
    public init(function: String, step: Int?) {
        self.function = function
        self.step = step
    }
}
