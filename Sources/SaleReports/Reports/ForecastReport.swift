import Forecasting
import SaleData
import struct SVGCharts.ForecastChart

/// Forecasts and back-tests in the shapes users read them, the same from Lua and from the
/// `flashcast forecast` / `backtest` commands: metric names and values, and what a chart shows
/// beside a forecast (the CSV of forecast rows is `ForecastTable`).
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

    /// Every band's coverage and mean width as `coverage80`, `width80`... when there are several
    /// bands (a single band's are `coverage` and `width`).
    public static func bandValues(_ bands: [BandMetrics]) -> [(key: String, value: Double?)] {
        guard bands.count > 1 else { return [] }
        return bands.flatMap { band -> [(key: String, value: Double?)] in
            let percent = ForecastBand.percentText(band.level)
            return [("coverage" + percent, band.coverage), ("width" + percent, band.meanWidth)]
        }
    }

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
