import Forecasting
import SaleReports

extension MetricsTable {
    /// The measures of one row as a JSON object keyed by the metrics' keys, with every band's
    /// `coverage80`, `width80`... when there are several; null where undefined.
    static func json(_ metrics: (any MetricValues)?) -> [String: JSONValue] {
        let fields = metrics?.fields ?? Metric.undefinedFields
        return Dictionary(uniqueKeysWithValues: fields.map { ($0.key, JSONValue.number($0.value)) })
    }
}
