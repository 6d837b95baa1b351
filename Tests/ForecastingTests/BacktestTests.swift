import Testing
import SaleData
@testable import Forecasting

@Suite struct BacktestTests {
    @Test func piecesStartAtTheEndOfEachTrainingWindowWhileTheHorizonIsKnown() throws {
        let revenue = Series(start: 0, values: (0..<1000).map { Double($0 % 7) })
        let backtest = try Backtester.backtest(revenue: revenue, train: 500, horizon: 200, step: 200,
                                               options: ForecastOptions(model: .drift))
        #expect(backtest.pieces.map(\.cutoff) == [499, 699])
        #expect(backtest.pieces.allSatisfy { $0.horizon == 200 && $0.actual.count == 200 })
        #expect(backtest.summary.pieces == 2 && backtest.summary[.mase] == 1)
        let hre = backtest.pieces.compactMap { $0.metrics?[.hre200] }
        #expect(backtest.summary[.hre200] == (hre[0] + hre[1]) / 2)
        #expect(backtest.baselines.map(\.model) == [.drift, .seasonalNaive])
    }

    @Test func tooShortASeriesIsExplained() {
        #expect(throws: ForecastError.trainingWindowTooShort(
            needed: 700, got: 600,
            reason: "the series has no room for one piece of 500 minutes of training and 200 to forecast")) {
            try Backtester.backtest(revenue: Series(start: 0, values: Array(repeating: 1, count: 600)))
        }
    }
}
