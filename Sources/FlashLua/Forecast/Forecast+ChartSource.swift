import Forecasting
import SaleReports
import SVGCharts

/// `chart.forecast(fc)`: the actual curve over the training window, the forecast and its band;
/// `chart.rate(fc, {step = 15})`: revenue per step, actual and forecast.
extension ForecastObject: ChartSource {
    static var chartFunctions: Set<String> { ["forecast", "rate"] }

    var chartContent: ChartContent {
        .drawing { [forecast, revenue, train] (request) throws(ChartError) in
            request.function == "rate"
                ? try .rate(forecast, revenue: revenue, train: train, step: request.step ?? RateSteps.defaultStep)
                : try .forecast(forecast, revenue: revenue, train: train)
        }
    }
}

/// `chart.backtest(bt)`: the whole actual curve with every piece over it.
extension BacktestObject: ChartSource {
    static var chartFunctions: Set<String> { ["backtest"] }

    var chartContent: ChartContent {
        .drawing { [backtest, revenue] _ throws(ChartError) in try .backtest(backtest, revenue: revenue) }
    }
}
