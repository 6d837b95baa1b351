import Testing
import SaleData
@testable import Forecasting

/// Bands of the default model checked against what came, over simulated sales of one shape (the
/// benchmark's sim-default: 3 days, e-mail campaigns on days 1 and 2 and a small one on day 3), each
/// against its own earlier sale: an independent count of how often the revenue lay inside.
@Suite struct BandCalibrationTests {
    static let campaigns = [SaleSimulation.Campaign(minute: 900, lift: 1.5), SaleSimulation.Campaign(minute: 1980, lift: 2, halfLife: 45),
                            SaleSimulation.Campaign(minute: 3300, lift: 1.2)]

    @Test func theHalfBandHoldsAboutHalfOfTheNearMinutesAfterCampaignsTheBackTestsSaw() throws {
        // 12 sales, cutoffs on days 2 and 3 (4 each): the revenue 15, 30, 60 and 120 minutes ahead.
        // Most back-test stretches of 300-500 minutes hold one of the earlier campaigns, few of an
        // hour: the 50% band's short horizons keep their own spread (one curve fitted over all
        // horizons gave them the campaign-wide one and held 140 of 192): 72 to 120 of the 192
        // values, about half (the values of one forecast, and of one cutoff across the sales, err
        // together: wider than a binomial count's range)
        var inside = 0, count = 0
        for seed in 0..<12 {
            let current = SimulatedSales.revenue(seed: 500 + UInt64(seed), orders: 60_000, campaigns: Self.campaigns)
            let earlier = SimulatedSales.revenue(seed: 600 + UInt64(seed), orders: 50_000)
            for cutoff in [2439, 2679, 3159, 3399] {
                var options = ForecastOptions(cutoff: cutoff, train: 1000, horizon: 500, history: earlier)
                options.levels = [0.5]
                let forecast = try Forecaster.forecast(revenue: current, options: options)
                let band = try #require(forecast.band(0.5))
                for h in [15, 30, 60, 120] {
                    let value = forecast.actual.values[h - 1]
                    if band.lower.values[h - 1] <= value && value <= band.upper.values[h - 1] { inside += 1 }
                    count += 1
                }
            }
        }
        #expect(count == 192)
        #expect((72...120).contains(inside), "the 50% band held \(inside) of \(count)")
    }
}
