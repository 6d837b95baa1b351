import Forecasting
import LuaBridge
import SaleData

/// A forecast as Lua holds it, with the revenue it was made from (for charts and hindsight).
final class ForecastObject: LuaObject {
    static let luaTypeName = "Forecast"
    let forecast: Forecast
    /// Per-minute revenue the forecast was made from, from the sale's first minute.
    let revenue: Series
    /// Minutes of training data before the cutoff.
    let train: Int

    init(_ forecast: Forecast, revenue: Series, train: Int) {
        self.forecast = forecast
        self.revenue = revenue
        self.train = train
    }

    /// The forecast's series and the revenue it was made from.
    var memoryFootprint: Int { forecast.footprint + revenue.footprint }
}

/// A rolling back-test as Lua holds it.
final class BacktestObject: LuaObject {
    static let luaTypeName = "Backtest"
    let backtest: Backtest
    let revenue: Series
    let train: Int
    let step: Int

    init(_ backtest: Backtest, revenue: Series, train: Int, step: Int) {
        self.backtest = backtest
        self.revenue = revenue
        self.train = train
        self.step = step
    }

    /// Every piece and the revenue.
    var memoryFootprint: Int { backtest.footprint + revenue.footprint }
}
