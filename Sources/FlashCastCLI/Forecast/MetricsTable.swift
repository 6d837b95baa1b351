import FlashLua
import Foundation

/// The accuracy measures of a model and its baselines as a text table (stdout) or JSON (`--json`).
struct MetricsTable {
    /// One row: a method and its measures in `ForecastReport.metricKeys` order.
    struct Row {
        let name: String
        let values: [Double?]
    }

    var rows: [Row] = []

    static let headings = ["MAPE", "hre@60", "hre@200", "hre@500", "MASE", "coverage", "width"]

    /// The table, `-` where a measure is undefined; shares as percentages, MASE as a ratio, width in money.
    var text: String {
        let nameWidth = max(14, (rows.map(\.name.count).max() ?? 0) + 2)
        var lines = ["model".padded(nameWidth) + Self.headings.map { $0.leftPadded(9) }.joined()]
        for row in rows {
            let cells = zip(ForecastReport.metricKeys, row.values).map { key, value in
                Self.format(value, key: key).leftPadded(9)
            }
            lines.append(row.name.padded(nameWidth) + cells.joined())
        }
        return lines.joined(separator: "\n") + "\n"
    }

    static func format(_ value: Double?, key: String) -> String {
        guard let value, value.isFinite else { return "-" }
        switch key {
        case "mase": return String(format: "%.2f", value)
        case "width": return String(format: "%.2f", value)
        default: return String(format: "%.1f%%", value * 100)
        }
    }

    /// The measures of one row as a JSON object keyed by `ForecastReport.metricKeys`.
    static func json(_ values: [Double?]) -> [String: JSONValue] {
        Dictionary(uniqueKeysWithValues: zip(ForecastReport.metricKeys, values.map(JSONValue.number)))
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
