import Cancellation
import Forecasting
import Testing

/// Back-tests forecast their pieces on several threads and give the same result as on one.
@Suite struct ParallelBacktestTests {
    @Test(arguments: [ForecastModel.flashcast, .paper, .seasonalNaive])
    func sameBacktestWithOneAndManyWorkers(_ model: ForecastModel) throws {
        let revenue = SimulatedSales.revenue(seed: 5)
        var options = ForecastOptions(model: model)
        options.levels = [0.5, 0.8]
        options.epochs = model == .paper ? 3 : nil
        options.hidden = 8
        let (train, horizon, step) = model == .paper ? (500, 200, 1200) : (500, 200, 300)
        let one = try Backtester.backtest(revenue: revenue, train: train, horizon: horizon, step: step, options: options, workers: 1)
        #expect(one.pieces.count >= 3)
        for workers in [2, 5] {
            let many = try Backtester.backtest(revenue: revenue, train: train, horizon: horizon, step: step, options: options,
                                               workers: workers)
            #expect(many == one, "\(workers) workers")
        }
    }

    @Test func workersHearTheCallersCancellation() {
        #expect(throws: ForecastError.cancelled) {
            try CancellationCheck.observing({ true }) {
                try Backtester.backtest(revenue: SimulatedSales.revenue(seed: 3), train: 500, horizon: 200, step: 100,
                                        options: ForecastOptions(model: .drift), workers: 4)
            }
        }
    }
}
