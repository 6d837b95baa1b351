import Forecasting
import SaleReports
import SVGCharts

/// `chart.forecast(fc)`: the actual curve over the training window, the forecast and its band.
extension ForecastObject: ChartSource {
    static var chartFunctions: Set<String> { ["forecast"] }

    var chartContent: ChartContent {
        .drawing { [forecast, revenue, train] () throws(ChartError) in try .forecast(forecast, revenue: revenue, train: train) }
    }
}

/// `chart.backtest(bt)`: the whole actual curve with every piece over it.
extension BacktestObject: ChartSource {
    static var chartFunctions: Set<String> { ["backtest"] }

    var chartContent: ChartContent {
        .drawing { [backtest, revenue] () throws(ChartError) in try .backtest(backtest, revenue: revenue) }
    }
}
