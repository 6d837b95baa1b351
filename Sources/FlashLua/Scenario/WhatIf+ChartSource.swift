import SaleReports
import Scenarios

/// `chart.scenarios(w)`: the actual curve before the cutoff, the baseline, each scenario, its events.
extension WhatIfObject: ChartSource {
    static var chartFunctions: Set<String> { ["scenarios"] }

    var chartContent: ChartContent { .scenarios(comparison, actual: base.actual, markers: markers) }
}
