import Forecasting
import SaleData
import SaleReports
import SVGCharts

/// The `--svg` charts of the forecast commands, as `chart.forecast(fc)` and `chart.backtest(bt)` draw them.
enum ForecastSVG {
    /// The forecast chart: the training window's actual curve, the forecast and its band.
    static func forecast(_ forecast: Forecast, revenue: Series, train: Int, title: String) throws -> SVGDocument {
        let actual = ForecastReport.chartActual(revenue: revenue, forecast: forecast, train: train)
        return try ForecastChart(actual: timed("actual", actual), mean: timed("forecast", forecast.mean),
                                 lower: forecast.lower.values, upper: forecast.upper.values,
                                 intervalLabel: ForecastReport.intervalLabel(forecast.level),
                                 otherBands: ForecastReport.otherBands(forecast))
            .render(options(title, zone: revenue.zone))
    }

    /// The back-test chart: the whole actual curve with every piece over it.
    static func backtest(_ backtest: Backtest, revenue: Series, title: String) throws -> SVGDocument {
        try BacktestChart(actual: timed("actual", revenue.cumsum()), pieces: backtest.pieces.map { timed("piece", $0.mean) })
            .render(options(title, zone: revenue.zone))
    }

    private static func timed(_ name: String, _ series: Series) -> TimedSeries {
        TimedSeries(name: name, startMinute: series.start, stepMinutes: series.step, values: series.values)
    }

    private static func options(_ title: String, zone: ShopZone) -> ChartOptions {
        var options = ChartOptions()
        options.title = title
        options.timeZone = zone
        return options
    }
}
