import SaleReports
import Scenarios
import SVGCharts

/// `chart.scenarios(w)`: the actual curve before the cutoff, the baseline, each scenario, its events.
extension WhatIfObject: ChartSource {
    static var chartFunctions: Set<String> { ["scenarios"] }

    var chartContent: ChartContent {
        .drawing { [comparison, base, markers] _ throws(ChartError) in try .scenarios(comparison, actual: base.actual, markers: markers) }
    }
}
