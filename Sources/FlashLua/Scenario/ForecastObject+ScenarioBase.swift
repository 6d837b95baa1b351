import SaleReports
import Scenarios

/// A Forecast from `forecast.run` is what `scenario.whatif` and `latest_send` usually start from.
extension ForecastObject: ScenarioBaseSource {
    var scenarioBase: ScenarioBase {
        let cutoff = forecast.cutoff
        return ScenarioBase(baseline: Baseline(forecast), cutoffMinute: revenue.minute(at: cutoff), zone: revenue.zone,
                            actual: ScenarioChartData.actual(revenue, cutoff: cutoff, minutes: train))
    }
}
