import Forecasting
import LuaBridge
import SaleReports

/// `forecast.metrics()` and `forecast.metric_text`: the accuracy measures as a list, so that scripts
/// make their tables from it (a metric added in `Forecasting.Metric` shows up with no script edit).
enum ForecastMetricList {
    /// `mape=, hre60=, ...`: the metric fields, for help texts.
    static let fieldList = Metric.allCases.map { $0.key + "=" }.joined(separator: ", ")

    /// `drift=, seasonal_naive=, profile=`: the fields of `fc.baselines`, for help texts.
    static let baselineFields = ForecastModel.baselines.map { $0.rawValue + "=" }.joined(separator: ", ")

    static let metrics = LuaLibraryFunction(
        "metrics", "forecast.metrics() -> {{key=, heading=, format=, horizon=}, ...}",
        """
        Every accuracy measure of fc.metrics and bt.summary, in the order of flashcast's tables: key (the \
        field, e.g. 'hre60'), heading ('hre@60'), format ('share' shown as a percentage, 'ratio', 'money') \
        and horizon (minutes ahead, for the horizon revenue errors).
        """, returns: "MetricList"
    ) { call in
        call.pushTable(arrayCapacity: Metric.allCases.count) { list in
            for (offset, metric) in Metric.allCases.enumerated() {
                list.set(offset + 1) { call in
                    call.pushTable(fieldCapacity: 4) { entry in
                        entry.set("key", metric.key)
                        entry.set("heading", metric.heading)
                        entry.set("format", metric.format.rawValue)
                        if let horizon = metric.horizon { entry.set("horizon", horizon) }
                    }
                }
            }
        }
        return 1
    }

    static let metricTable = LuaLibraryFunction(
        "metric_table", "forecast.metric_table(fc | bt) -> text, csv",
        """
        The measures of a Forecast or a Backtest (its means over the pieces) and of its baselines, as \
        flashcast forecast and backtest print them: a text table (a column per forecast.metrics(), shown \
        as forecast.metric_text shows them; a back-test's also counts its pieces) and the same as CSV \
        (model,[pieces,]mape,hre60,..., plain numbers with 10 significant digits, shares as fractions).
        """
    ) { call in
        let table: MetricsTable
        if let object = call.optionalObject(1, as: ForecastObject.self) {
            table = MetricsTable(object.forecast)
        } else if let object = call.optionalObject(1, as: BacktestObject.self) {
            table = MetricsTable(object.backtest)
        } else {
            throw LuaError.typeMismatch(position: 1, expected: "Forecast or Backtest", got: call.typeName(at: 1))
        }
        call.push(table.text)
        call.push(table.csv)
        return 2
    }

    static let metricText = LuaLibraryFunction(
        "metric_text", "forecast.metric_text(key, value) -> string",
        "A measure as flashcast's tables show it: forecast.metric_text('hre60', 0.057) is '5.7%'; '-' for nil."
    ) { call in
        let key = try call.string(1)
        guard let metric = Metric(rawValue: key) else {
            let keys = Metric.allCases.map(\.key).joined(separator: ", ")
            throw LuaError.argument(position: 1, message: "unknown metric '\(key)' (metrics: \(keys))")
        }
        call.push(metric.format.text(call.isNoneOrNil(2) ? nil : try call.number(2)))
        return 1
    }
}
