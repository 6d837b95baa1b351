import Forecasting
import SaleData
import struct SVGCharts.ForecastChart

/// Forecasts and back-tests in the shapes users read them, the same from Lua and from the
/// `flashcast forecast` / `backtest` commands: what a chart shows beside a forecast (the metrics
/// are `Forecasting.Metric`'s, the CSV of forecast rows is `ForecastTable`).
public enum ForecastReport {
    /// The actual cumulative revenue a chart shows beside a forecast: the `train` minutes of the
    /// training window and the known minutes of the horizon.
    public static func chartActual(revenue: Series, forecast: Forecast, train: Int) -> Series {
        let first = max(0, forecast.cutoff + 1 - train / max(revenue.step, 1))
        let end = min(revenue.count, forecast.cutoff + 1 + forecast.rows)
        return revenue.cumsum().slice(first..<max(first, end))  // empty when the revenue ends before the window
    }

    /// The forecast's bands other than its main one, labelled for a chart's legend.
    public static func otherBands(_ forecast: Forecast) -> [ForecastChart.Band] {
        forecast.bands.filter { $0.level != forecast.level }.map {
            ForecastChart.Band(lower: $0.lower.values, upper: $0.upper.values, label: intervalLabel($0.level))
        }
    }

    /// `80% interval` for a level of 0.8.
    public static func intervalLabel(_ level: Double) -> String {
        "\(Int((level * 100).rounded()))% interval"
    }
}
