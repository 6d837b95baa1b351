import Testing
@testable import Forecasting

@Suite struct MetricsTests {
    @Test func horizonRevenueErrorComparesTheGainsAfterTheCutoff() {
        // gained 20 by h = 1, forecast said 10: half of it missed
        #expect(ForecastMetrics.horizonRevenueError(h: 1, forecast: [110, 130], actual: [120, 140], observedTotal: 100) == 0.5)
        #expect(ForecastMetrics.horizonRevenueError(h: 2, forecast: [110, 130], actual: [120, 140], observedTotal: 100) == 0.25)
    }

    @Test func horizonRevenueErrorIsUndefinedWhenNothingArrivedOrOutOfReach() {
        #expect(ForecastMetrics.horizonRevenueError(h: 1, forecast: [110], actual: [100], observedTotal: 100) == nil)
        #expect(ForecastMetrics.horizonRevenueError(h: 2, forecast: [110], actual: [120], observedTotal: 100) == nil)
        #expect(ForecastMetrics.horizonRevenueError(h: 0, forecast: [110], actual: [120], observedTotal: 100) == nil)
    }

    @Test func coverageWidthAndMASE() throws {
        let metrics = try #require(ForecastMetrics.measure(
            forecast: [11, 12, 13, 14], bands: [(0.8, [10, 10, 10, 15], [12, 14, 16, 16])], actual: [11, 13, 17, 15],
            drift: [10, 10, 10, 10], observedTotal: 10, step: 1))
        #expect(metrics[.coverage] == 0.75)  // 17 is above its band; 15 on the lower edge counts as inside
        #expect(metrics[.width] == (2 + 4 + 6 + 1) / 4.0)
        // errors 0 + 1 + 4 + 1 = 6 against drift's 1 + 3 + 7 + 5 = 16
        #expect(metrics[.mase] == 6.0 / 16)
        #expect(metrics.minutesCompared == 4)
    }

    @Test func nothingToCompareGivesNoMetrics() {
        #expect(ForecastMetrics.measure(forecast: [1], actual: [], drift: [1], observedTotal: 0, step: 1) == nil)
    }
}
