import Forecasting
import SaleReports

/// The accuracy measures of a model and its baselines as a text table (stdout) or JSON (`--json`):
/// a column or key per `Metric`.
struct MetricsTable {
    /// One row: a method, its measures and its bands' (none for a baseline or a single band).
    struct Row {
        let name: String
        let metrics: (any MetricValues)?
    }

    var rows: [Row] = []

    /// The table, `-` where a measure is undefined, each column in its metric's format; with several
    /// bands one more coverage column per band (`cov@95`).
    var text: String {
        let nameWidth = max(14, (rows.map(\.name.count).max() ?? 0) + 2)
        let levels = rows.first { ($0.metrics?.bands.count ?? 0) > 1 }?.metrics?.bands.map(\.level) ?? []
        let headings = Metric.allCases.map(\.heading) + levels.map { "cov@" + ForecastBand.percentText($0) }
        var lines = ["model".padded(nameWidth) + headings.map { $0.leftPadded(9) }.joined()]
        for row in rows {
            let measures = Metric.allCases.map { $0.format.text(row.metrics?[$0]) }
            let coverages = levels.map { level in
                Metric.coverage.format.text(row.metrics?.bands.first { $0.level == level }?.coverage)
            }
            lines.append(row.name.padded(nameWidth) + (measures + coverages).map { $0.leftPadded(9) }.joined())
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The measures of one row as a JSON object keyed by the metrics' keys, with every band's
    /// `coverage80`, `width80`... when there are several; null where undefined.
    static func json(_ metrics: (any MetricValues)?) -> [String: JSONValue] {
        let fields = metrics?.fields ?? Metric.undefinedFields
        return Dictionary(uniqueKeysWithValues: fields.map { ($0.key, JSONValue.number($0.value)) })
    }
}

extension String {
    /// The text followed by spaces up to `width` characters.
    func padded(_ width: Int) -> String {
        count >= width ? self + " " : self + String(repeating: " ", count: width - count)
    }

    /// Spaces then the text, right-aligned in `width` characters.
    func leftPadded(_ width: Int) -> String {
        count >= width ? " " + self : String(repeating: " ", count: width - count) + self
    }
}
