import Forecasting
import SaleData

/// Forecasts and back-tests in the shapes users read them, the same from Lua and from the
/// `flashcast forecast` / `backtest` commands: metric names and the CSV of forecast rows.
public enum ForecastReport {
    /// The accuracy measures, in table order: MAPE of the cumulative series, horizon revenue errors
    /// 60, 200 and 500 minutes ahead, MASE against naive drift, interval coverage and mean width.
    public static let metricKeys = ["mape", "hre60", "hre200", "hre500", "mase", "coverage", "width"]

    /// The measures of `metricKeys` (nil where undefined, or all nil without actuals).
    public static func values(_ metrics: ForecastMetrics?) -> [Double?] {
        guard let m = metrics else { return metricKeys.map { _ in nil } }
        return [m.mape, m.hre60, m.hre200, m.hre500, m.mase, m.coverage, m.meanWidth]
    }

    /// The means of `metricKeys` over a back-test's pieces.
    public static func values(_ s: BacktestSummary) -> [Double?] {
        [s.mape, s.hre60, s.hre200, s.hre500, s.mase, s.coverage, s.meanWidth]
    }

    /// The forecast rows of one forecast: `cutoff,minute,step,actual,forecast,lower,upper`.
    public static func table(_ forecast: Forecast) -> ForecastTable {
        ForecastTable(pieces: [piece(forecast)])
    }

    /// The forecast rows of every piece of a back-test, in order.
    public static func table(_ backtest: Backtest) -> ForecastTable {
        ForecastTable(pieces: backtest.pieces.map(piece))
    }

    private static func piece(_ forecast: Forecast) -> ForecastTable.Piece {
        ForecastTable.Piece(cutoff: forecast.mean.minute(at: -1), mean: forecast.mean, lower: forecast.lower.values,
                            upper: forecast.upper.values, actual: forecast.actual)
    }

    /// The actual cumulative revenue a chart shows beside a forecast: the `train` minutes of the
    /// training window and the known minutes of the horizon.
    public static func chartActual(revenue: Series, forecast: Forecast, train: Int) -> Series {
        let first = max(0, forecast.cutoff + 1 - train / max(revenue.step, 1))
        let end = min(revenue.count, forecast.cutoff + 1 + forecast.rows)
        return revenue.cumsum().slice(first..<max(first, end))  // empty when the revenue ends before the window
    }

    /// `80% interval` for a level of 0.8.
    public static func intervalLabel(_ level: Double) -> String {
        "\(Int((level * 100).rounded()))% interval"
    }
}
