import NumberText

/// One accuracy measure of a forecast against the actuals: the one list from which the metric
/// tables, the JSON, the scripts' CSV columns and the Lua fields (`fc.metrics`, `bt.summary`) are made.
///
/// Adding a horizon revenue error is one case named `hre` and its minutes (`case hre1000`): its
/// key, heading, format, horizon and value follow. Another measure also says how it is measured
/// in `ForecastMetrics.measure`, its heading and its format.
public enum Metric: String, CaseIterable, Sendable {
    /// Mean of `|forecast - actual| / actual` over the known minutes, cumulative (0.05 is 5%).
    case mape
    /// Horizon revenue error 60 minutes ahead: `|(f[c+h]-y[c]) - (y[c+h]-y[c])| / (y[c+h]-y[c])`.
    case hre60
    /// Horizon revenue error 200 minutes ahead.
    case hre200
    /// Horizon revenue error 500 minutes ahead.
    case hre500
    /// Mean absolute error over the known minutes divided by naive drift's on the same minutes
    /// (below 1 beats drift).
    case mase
    /// Share of the known minutes whose actual lies inside the main band.
    case coverage
    /// Mean width of the main band (upper - lower) in money over the known minutes.
    case width

    /// The name in JSON, Lua tables and CSV headers: `hre60`.
    public var key: String { rawValue }

    /// Minutes ahead of a horizon revenue error (`hre60`: 60), nil for the other measures.
    public var horizon: Int? {
        key.hasPrefix("hre") ? Int(key.dropFirst(3)) : nil
    }

    /// The column heading of the text tables: `MAPE`, `hre@60`.
    public var heading: String {
        if let horizon { return "hre@\(horizon)" }
        switch self {
        case .mape, .mase: return key.uppercased()
        default: return key
        }
    }

    /// How values are shown.
    public var format: MetricFormat {
        switch self {
        case .mase: return .ratio
        case .width: return .money
        default: return .share
        }
    }

    /// The horizon revenue error `minutes` ahead, if it is one of the measures.
    public init?(horizon minutes: Int) {
        guard let metric = Self.allCases.first(where: { $0.horizon == minutes }) else { return nil }
        self = metric
    }
}

/// How a metric's values read in a table.
public enum MetricFormat: String, Sendable {
    /// A share as a percentage: `5.7%`.
    case share
    /// A ratio with two decimals: `0.81`.
    case ratio
    /// Money with two decimals: `27520.99`.
    case money

    /// The value as the tables show it; `-` where undefined.
    public func text(_ value: Double?) -> String {
        guard let value, value.isFinite else { return "-" }
        switch self {
        case .share: return NumberFormat.percent(value, decimals: 1)
        case .ratio, .money: return NumberFormat.fixed(value, decimals: 2)
        }
    }
}
