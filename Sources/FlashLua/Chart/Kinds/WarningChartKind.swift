import LuaBridge
import SVGCharts

/// `chart.warning`: forecast.warning's verdict, or `{actual = ..., expected = ..., lower = ..., upper = ...,
/// alerts = {152, 153}, alert_at = 152, ends = ..., target = 2e6, end_now = 1.9e6}`.
enum WarningChartKind: LuaChartKind {
    static let name = "warning"
    static let signature = "chart.warning(view [, options]) -> Chart"
    static let summary = """
        The minutes since a forecast: actual against the expected band, zoomed to them, the alert's start marked \
        and the gap at the last minute named: {actual=, expected=, lower=, upper=, alerts={indices below the band}, \
        alert_at=index, ends=, target=, end_now=} (forecast.warning's verdict; with ends and target, the expected end total \
        against the target on the right axis, and end_now, the end a later forecast expects now, such as \
        live's sale.current, marked at the last minute).
        """

    static func chart(_ data: ChartData, _ settings: ChartSettings) throws(LuaError) -> any RenderableChart {
        let actual = try data.requiredValues("actual", name: "actual", settings)
        let expected = try data.values("expected", name: "expected", settings)
        let lower = try data.requiredValues("lower", name: "lower", settings)
        let upper = try data.requiredValues("upper", name: "upper", settings)
        let ends = try data.values("ends", name: "expected end total", settings)
        let target = try data.number("target")
        let endNow = try data.number("end_now")
        let minute = { (index: Double) in actual.startMinute + (Int(index) - 1) * actual.stepMinutes }
        let alerts = try data.numbers("alerts") ?? []
        guard alerts.allSatisfy(isIndex) else { throw data.error("alerts", "indices must be whole numbers from 1") }
        let alertAt = try data.number("alert_at")
        if let alertAt, !isIndex(alertAt) { throw data.error("alert_at", "must be a whole number from 1") }
        return try data.building { () throws(ChartError) in
            try EarlyWarningChart(actual: actual, expected: expected, lower: lower, upper: upper, alertMinutes: alerts.map(minute),
                                  alertStart: alertAt.map(minute), ends: ends, target: target,
                                  endNow: endNow)
        }
    }

    private static func isIndex(_ value: Double) -> Bool { value == value.rounded() && value >= 1 && value < 9e15 }
}
