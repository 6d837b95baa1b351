import SaleData
import Scenarios
import SVGCharts

/// A what-if comparison as the chart module draws it: the actual curve up to the cutoff, the
/// baseline dashed, each scenario in colour, and each event marked at its minute. `chart.scenarios(w)`
/// and `flashcast whatif --svg` both draw it so.
public enum ScenarioChartData {
    /// The chart of `comparison`, with the last of `actual` cumulative revenue before the cutoff (if
    /// known; a third as long as the forecast at most, so the scenarios fill the chart), the
    /// baseline's band and each scenario's (the main level), the target and the events as markers
    /// (minute, label; repeated ones once).
    public static func chart(_ comparison: ScenarioComparison, actual: Series?,
                             markers: [(minute: Int, label: String)]) throws(ChartError) -> ScenarioChart {
        var seen = Set<String>()
        let events = markers.filter { seen.insert("\($0.minute) \($0.label)").inserted }.map { ChartEvent(minute: $0.minute, label: $0.label) }
        let baseline = comparison.baseline
        let shown = actual.map { $0.slice(Swift.max(0, $0.count - Swift.max(baseline.mean.count / 3, 1))..<$0.count) }
        let scenarioBands = comparison.scenarios.compactMap { $0.bands.first.map { (lower: $0.lower.values, upper: $0.upper.values) } }
        let band = baseline.bands.first.map { main in
            let interval = ForecastReport.intervalLabel(main.level)
            return (lower: main.lower.values, upper: main.upper.values,
                    label: scenarioBands.isEmpty ? "baseline's \(interval)" : "\(interval)s: the baseline's and each scenario's in its colour")
        }
        return try ScenarioChart(actual: shown.map { TimedSeries("actual", $0) }, baseline: TimedSeries("baseline", baseline.mean),
                                 scenarios: comparison.scenarios.map { TimedSeries($0.name, $0.mean) }, events: events,
                                 band: band, scenarioBands: scenarioBands.count == comparison.scenarios.count ? scenarioBands : [],
                                 target: comparison.target)
    }

    /// Actual cumulative revenue over the `minutes` rows before and at the cutoff row, counted from
    /// the first row of `revenue`.
    public static func actual(_ revenue: Series, cutoff: Int, minutes: Int) -> Series {
        let cumulative = revenue.slice(0..<(cutoff + 1)).cumsum()
        return cumulative.slice(Swift.max(0, cumulative.count - minutes / Swift.max(revenue.step, 1))..<cumulative.count)
    }
}
