import SaleData
import Scenarios
import SVGCharts

/// What a drawable object holds, in domain types; series carry their own minutes and zone.
/// A library whose object is a new kind of content (a forecast, a back-test) adds a case here and
/// reads it at the top of the chart function in FlashLua's `ChartData+Kinds.swift`.
public enum ChartContent {
    /// Values on the clock (a Series): accepted wherever values go.
    case values(Series)
    /// A forecast (`chart.forecast`): actual cumulative revenue, the forecast mean from the minute
    /// after the cutoff, its band aligned with the mean, the band's level, and its bands at other levels.
    case forecast(actual: Series, mean: Series, lower: [Double], upper: [Double], level: Double,
                  otherBands: [ForecastChart.Band])
    /// A rolling back-test (`chart.backtest`): the actual cumulative curve and every forecast piece.
    case backtest(actual: Series, pieces: [Series])
    /// What-if scenarios (`chart.scenarios`): their comparison, the actual cumulative revenue before
    /// the cutoff if known, and the events to mark.
    case scenarios(ScenarioComparison, actual: Series?, markers: [(minute: Int, label: String)])
}
