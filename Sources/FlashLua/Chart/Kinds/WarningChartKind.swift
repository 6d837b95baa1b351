import LuaBridge
import SVGCharts

/// `chart.warning`: `{actual = ..., expected = ..., lower = ..., upper = ..., alerts = {152, 153}}`.
enum WarningChartKind: LuaChartKind {
    static let name = "warning"
    static let signature = "chart.warning(view [, options]) -> Chart"
    static let summary = "Actual against the expected band with the alerts highlighted: {actual=, expected=, lower=, upper=, alerts={indices}}."

    static func chart(_ data: ChartData, _ settings: ChartSettings) throws(LuaError) -> any RenderableChart {
        let actual = try data.requiredValues("actual", name: "actual", settings)
        let expected = try data.values("expected", name: "expected", settings)
        let lower = try data.requiredValues("lower", name: "lower", settings)
        let upper = try data.requiredValues("upper", name: "upper", settings)
        let alerts = try data.numbers("alerts") ?? []
        guard alerts.allSatisfy({ $0 == $0.rounded() && $0 >= 1 && $0 < 9e15 }) else {
            throw data.error("alerts", "indices must be whole numbers from 1")
        }
        let alertMinutes = alerts.map { actual.startMinute + (Int($0) - 1) * actual.stepMinutes }
        return try data.building { () throws(ChartError) in
            try EarlyWarningChart(actual: actual, expected: expected, lower: lower, upper: upper, alertMinutes: alertMinutes)
        }
    }
}
