import Testing
@testable import Forecasting

/// The one MAPE, worked out by hand.
@Suite struct MAPETests {
    @Test func meanOfTheRelativeErrorsSkippingZeroActuals() {
        // |110 - 100| / 100 = 0.1, the zero actual is skipped, |30 - 40| / 40 = 0.25
        #expect(ForecastMetrics.mape(forecast: [110, 5, 30], actual: [100, 0, 40]) == 0.175)
        #expect(ForecastMetrics.mape(forecast: [-90], actual: [-100]) == 0.1)
    }

    @Test func onlyRowsBothHaveCount() {
        #expect(ForecastMetrics.mape(forecast: [110, 999], actual: [100]) == 0.1)
        #expect(ForecastMetrics.mape(forecast: [110], actual: [100, 7]) == 0.1)
    }

    @Test func undefinedWithoutANonZeroActual() {
        #expect(ForecastMetrics.mape(forecast: [1, 2], actual: [0, 0]) == nil)
        #expect(ForecastMetrics.mape(forecast: [], actual: []) == nil)
    }

    @Test func measureUsesIt() throws {
        let metrics = try #require(ForecastMetrics.measure(
            forecast: [110, 5, 30], actual: [100, 0, 40], drift: [0, 0, 0], observedTotal: 0, step: 1))
        #expect(metrics[.mape] == 0.175)
    }
}
