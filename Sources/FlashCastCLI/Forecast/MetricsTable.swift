import Forecasting
import Foundation
import SaleReports

/// The accuracy measures of a model and its baselines as a text table (stdout) or JSON (`--json`).
struct MetricsTable {
    /// One row: a method, its measures in `ForecastReport.metricKeys` order and its bands' (none for
    /// a baseline or a single band).
    struct Row {
        let name: String
        let values: [Double?]
        var bands: [BandMetrics] = []
    }

    var rows: [Row] = []

    static let headings = ["MAPE", "hre@60", "hre@200", "hre@500", "MASE", "coverage", "width"]

    /// The table, `-` where a measure is undefined; shares as percentages, MASE as a ratio, width in
    /// money; with several bands one more coverage column per band (`cov@95`).
    var text: String {
        let nameWidth = max(14, (rows.map(\.name.count).max() ?? 0) + 2)
        let levels = rows.first { $0.bands.count > 1 }?.bands.map(\.level) ?? []
        let headings = Self.headings + levels.map { "cov@" + ForecastBand.percentText($0) }
        var lines = ["model".padded(nameWidth) + headings.map { $0.leftPadded(9) }.joined()]
        for row in rows {
            let coverages = levels.map { level in row.bands.first { $0.level == level }?.coverage }
            let cells = zip(ForecastReport.metricKeys + levels.map { _ in "coverage" }, row.values + coverages).map { key, value in
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

    /// The measures of one row as a JSON object keyed by `ForecastReport.metricKeys`, with every
    /// band's `coverage80`, `width80`... when there are several.
    static func json(_ values: [Double?], bands: [BandMetrics] = []) -> [String: JSONValue] {
        let pairs = zip(ForecastReport.metricKeys, values).map { ($0, $1) } + ForecastReport.bandValues(bands).map { ($0.key, $0.value) }
        return Dictionary(uniqueKeysWithValues: pairs.map { ($0.0, JSONValue.number($0.1)) })
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
