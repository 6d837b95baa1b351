import Forecasting
import SaleReports
import SVGCharts

/// `chart.forecast(fc)`: the actual curve over the training window, the forecast and its band.
extension ForecastObject: ChartSource {
    static var chartFunctions: Set<String> { ["forecast"] }

    var chartContent: ChartContent {
        .forecast(actual: ForecastReport.chartActual(revenue: revenue, forecast: forecast, train: train),
                  mean: forecast.mean, lower: forecast.lower.values, upper: forecast.upper.values, level: forecast.level,
                  otherBands: ForecastReport.otherBands(forecast))
    }
}

/// `chart.backtest(bt)`: the whole actual curve with every piece over it.
extension BacktestObject: ChartSource {
    static var chartFunctions: Set<String> { ["backtest"] }

    var chartContent: ChartContent {
        .backtest(actual: revenue.cumsum(), pieces: backtest.pieces.map(\.mean))
    }
}
