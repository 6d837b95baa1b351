import Cancellation
import Forecasting
import Testing

@Suite struct CancellationTests {
    /// A back-test asked to stop throws `cancelled` (the paper model's training, or between pieces).
    @Test(arguments: [ForecastModel.paper, .drift])
    func backtestsStopWhenAsked(_ model: ForecastModel) throws {
        let revenue = SimulatedSales.revenue(seed: 3)
        #expect(throws: ForecastError.cancelled) {
            try CancellationCheck.observing({ true }) {
                try Backtester.backtest(revenue: revenue, train: 500, horizon: 200, step: 200, options: ForecastOptions(model: model))
            }
        }
    }
}
