import Testing
import SaleData
@testable import Forecasting

/// The burst-free bands a what-if scenario starts from: the same back-tests scored against the sale
/// with its one-off bursts taken out.
@Suite struct BurstFreeBandTests {
    static let campaigns = [SaleSimulation.Campaign(minute: 1200, lift: 1.5, halfLife: 30),
                            SaleSimulation.Campaign(minute: 2700, lift: 1.5, halfLife: 45)]

    /// After two campaigns sent unannounced, the ordinary band keeps room above for another; the
    /// burst-free one keeps less, at every level, and the same room below (a stated campaign only
    /// adds revenue: stating it must not make the worst case worse).
    @Test func campaignsInTheBackTestsWidenOnlyTheOrdinaryBand() throws {
        let revenue = SimulatedSales.revenue(seed: 31, orders: 60_000, campaigns: Self.campaigns)
        var options = ForecastOptions(cutoff: 3600, train: 1000, horizon: 500)
        options.levels = [0.5, 0.8, 0.95]
        options.burstFreeBands = true
        let forecast = try Forecaster.forecast(revenue: revenue, options: options)
        #expect(forecast.burstFreeBands.map(\.level) == [0.5, 0.8, 0.95])
        let toCome = forecast.mean.values.reduce(0) { $0 + $1 - forecast.observedTotal }
        for (ordinary, burstFree) in zip(forecast.bands, forecast.burstFreeBands) {
            // the room above summed over the horizon's minutes (at the 95% level the end value's
            // room comes from errors that are not bursts: both bands keep the same there)
            let above = { (band: ForecastBand) in band.upper.values.reduce(0) { $0 + $1 - forecast.observedTotal } / toCome }
            #expect(above(burstFree) < above(ordinary) - 0.005, "level \(ordinary.level): \(above(burstFree)) against \(above(ordinary))")
            #expect(zip(burstFree.lower.values, forecast.mean.values).allSatisfy { $0 <= $1 })
            #expect(burstFree.lower == ordinary.lower)
            #expect(zip(burstFree.upper.values, ordinary.upper.values).allSatisfy { $0 <= $1 + 1e-9 })
            #expect(zip(burstFree.upper.values, forecast.mean.values).allSatisfy { $0 >= $1 })
        }
    }

    /// A sale without bursts gives the same bands both ways; without asking, none are made.
    @Test func withoutBurstsBothBandsAgree() throws {
        let revenue = SimulatedSales.revenue(seed: 32, orders: 60_000)
        var options = ForecastOptions(cutoff: 3600, train: 1000, horizon: 500)
        options.burstFreeBands = true
        let forecast = try Forecaster.forecast(revenue: revenue, options: options)
        let band = forecast.bands[0], burstFree = forecast.burstFreeBands[0]
        let toCome = forecast.mean.values[499] - forecast.observedTotal
        #expect(abs(band.upper.values[499] - burstFree.upper.values[499]) / toCome < 0.02)
        #expect(abs(band.lower.values[499] - burstFree.lower.values[499]) / toCome < 0.02)
        options.burstFreeBands = false
        #expect(try Forecaster.forecast(revenue: revenue, options: options).burstFreeBands.isEmpty)
    }
}
