import Forecasting
import NumberText

/// The accuracy measures of a model and its baselines as flashcast prints them (`flashcast forecast`,
/// `backtest`, `forecast.metric_table` in scripts): a column per `Metric`, as text or CSV; the number
/// of pieces too when the rows are a back-test's means.
public struct MetricsTable: Sendable {
    /// One row: a method, its measures and its bands' (none for a baseline or a single band).
    public struct Row: Sendable {
        /// The method's name.
        public let name: String
        /// Its measures, nil when it has none.
        public let metrics: (any MetricValues & Sendable)?
        /// The pieces a back-test's means are over, nil for one forecast.
        public let pieces: Int?

        /// A row of `name`.
        public init(name: String, metrics: (any MetricValues & Sendable)?, pieces: Int? = nil) {
            self.name = name
            self.metrics = metrics
            self.pieces = pieces
        }
    }

    /// The rows, the model first.
    public var rows: [Row]
    /// The heading of the rows' names: `model`, or `group` for a table of groups.
    public var nameHeading = "model"

    /// A table of `rows`.
    public init(rows: [Row]) {
        self.rows = rows
    }

    /// The rows of a forecast: the model then each baseline.
    public init(_ forecast: Forecast) {
        rows = [Row(name: forecast.model.rawValue, metrics: forecast.metrics)]
            + forecast.baselines.map { Row(name: $0.model.rawValue, metrics: $0.metrics) }
    }

    /// The rows of a back-test: the model's means over the pieces then each baseline's.
    public init(_ backtest: Backtest) {
        rows = ([backtest.summary] + backtest.baselines).map { Row(name: $0.model.rawValue, metrics: $0, pieces: $0.pieces) }
    }

    /// The table, `-` where a measure is undefined, each column in its metric's format; with several
    /// bands one more coverage column per band (`cov@95`).
    public var text: String {
        let nameWidth = max(14, (rows.map(\.name.count).max() ?? 0) + 2)
        let headings = (hasPieces ? ["pieces"] : []) + Metric.allCases.map(\.heading)
            + levels.map { "cov@" + ForecastBand.percentText($0) }
        var lines = [Self.padded(nameHeading, nameWidth) + headings.map { Self.leftPadded($0, 9) }.joined()]
        for row in rows {
            let pieces = hasPieces ? [row.pieces.map(String.init) ?? "-"] : []
            let measures = Metric.allCases.map { $0.format.text(row.metrics?[$0]) }
            let coverages = levels.map { level in
                Metric.coverage.format.text(row.metrics?.bands.first { $0.level == level }?.coverage)
            }
            lines.append(Self.padded(row.name, nameWidth) + (pieces + measures + coverages).map { Self.leftPadded($0, 9) }.joined())
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The table as CSV: `model[,pieces],mape,hre60,...`, the measures as plain numbers with 10
    /// significant digits (shares as fractions), empty where undefined.
    public var csv: String {
        let header = ["model"] + (hasPieces ? ["pieces"] : []) + Metric.allCases.map(\.key)
        let lines = rows.map { row in
            ([row.name] + (hasPieces ? [row.pieces.map(String.init) ?? ""] : [])
                + Metric.allCases.map { metric in row.metrics?[metric].map { NumberFormat.general($0, digits: 10) } ?? "" })
                .joined(separator: ",")
        }
        return ([header.joined(separator: ",")] + lines).joined(separator: "\n") + "\n"
    }

    /// Whether a row carries its number of pieces.
    private var hasPieces: Bool { rows.contains { $0.pieces != nil } }

    /// The levels of the first row with several bands (none with a single band).
    private var levels: [Double] {
        rows.first { ($0.metrics?.bands.count ?? 0) > 1 }?.metrics?.bands.map(\.level) ?? []
    }

    /// The text followed by spaces up to `width` characters.
    private static func padded(_ text: String, _ width: Int) -> String {
        text.count >= width ? text + " " : text + String(repeating: " ", count: width - text.count)
    }

    /// Spaces then the text, right-aligned in `width` characters.
    private static func leftPadded(_ text: String, _ width: Int) -> String {
        text.count >= width ? " " + text : String(repeating: " ", count: width - text.count) + text
    }
}
