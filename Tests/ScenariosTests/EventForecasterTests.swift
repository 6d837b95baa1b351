import Forecasting
import SaleData
import Testing

@testable import Scenarios

@Suite struct EventForecasterTests {
    /// 10 a minute for 200 minutes, with a campaign's spike at minute 180.
    let past = CampaignEffect(minute: 180, lift: 2, riseMinutes: 0, halfLife: 5)
    var revenue: Series { Series(start: 0, values: Array(repeating: 10, count: 200)).adding([.campaign(past)]) }
    var options: ForecastOptions { ForecastOptions(cutoff: 199, train: 100, horizon: 50, model: .drift) }

    @Test func aPlannedCampaignMultipliesTheForecastRate() throws {
        let planned = CampaignEffect(minute: 210, lift: 1, riseMinutes: 2, halfLife: 10)
        let plain = try Forecaster.forecast(revenue: revenue, options: options)
        let known = try EventForecaster.forecast(revenue: revenue, events: [.campaign(planned)], options: options)
        for i in 0..<50 {
            #expect(abs(known.rate.values[i] - plain.rate.values[i] * planned.multiplier(at: 200 + i)) < 1e-9)
        }
        #expect(known.observedTotal == plain.observedTotal)
    }

    @Test func aPastCampaignIsTakenOutOfTheLevel() throws {
        let plain = try Forecaster.forecast(revenue: revenue, options: options)
        let ignored = try EventForecaster.forecast(revenue: revenue, events: [.campaign(past)], options: options,
                                                   removingPast: false)
        #expect(ignored == plain)
        let adjusted = try EventForecaster.forecast(revenue: revenue, events: [.campaign(past)], options: options)
        #expect(plain.rate.values[0] > 10.5)
        // The level is 10 again; the campaign's tail still lifts the first forecast minutes.
        let expected = (200..<250).map { 10 * past.multiplier(at: $0) }
        #expect((0..<50).allSatisfy { abs(adjusted.rate.values[$0] - expected[$0]) < 1e-9 })
        #expect(abs(adjusted.observedTotal - revenue.sum) < 1e-9)
        #expect(abs(adjusted.mean.values[49] - (revenue.sum + expected.reduce(0, +))) < 1e-6)
    }

    @Test func theBaselineOfAForecastCarriesItsBand() throws {
        let forecast = try Forecaster.forecast(revenue: revenue, options: options)
        let baseline = Baseline(forecast)
        #expect(baseline.mean.values.indices.allSatisfy { abs(baseline.mean.values[$0] - forecast.mean.values[$0]) < 1e-6 })
        #expect(baseline.lower == forecast.lower && baseline.upper == forecast.upper)
    }
}
