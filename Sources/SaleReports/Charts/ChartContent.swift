import SaleData
import SVGCharts

/// What a drawable object holds, in domain types: values on the clock (a Series, accepted wherever
/// values go), or a chart of its own (a forecast, a back-test, a what-if comparison), built when it
/// is drawn by one of the `ChartDrawing` recipes the commands' `--svg` use too.
public enum ChartContent {
    /// Values on the clock (a Series).
    case values(Series)
    /// The chart the object draws; building it checks the data.
    case drawing(() throws(ChartError) -> ChartDrawing)
}
