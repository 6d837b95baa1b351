import Forecasting
import Foundation
import SaleData
import Testing

@testable import Scenarios

/// What an analyst expects of a what-if's bands, on the default model's forecasts of a simulated
/// sale at several origins, for a learned and an assumed e-mail 40 minutes after the cutoff.
@Suite struct WhatIfBandPropertyTests {
    @Test func bandsContainTheScenarioNestRiseAndMoveSmoothly() throws {
        let simulation = EffectLearnerTests.sale(seed: 7)
        let revenue = simulatedRevenue(simulation)
        for cutoff in stride(from: 1259, through: 1859, by: 200) {
            var options = ForecastOptions(cutoff: cutoff, train: 600, horizon: 300)
            options.levels = [0.5, 0.8, 0.95]
            options.burstFreeBands = true
            let forecast = try Forecaster.forecast(revenue: revenue, options: options)
            let send = revenue.minute(at: cutoff + 40)
            let learned = try EffectLearner.learn(revenue.slice(0..<(cutoff + 1)), sentAt: simulation.start + 600)
            for campaign in [learned.campaign(at: send), CampaignEffect.typical(at: send)] {
                let scenario = Scenario(name: "e-mail", events: [.campaign(campaign)]).apply(to: Baseline(forecast))
                #expect(scenario.bands.map(\.level) == [0.5, 0.8, 0.95])
                let mean = scenario.mean.values
                for (k, band) in scenario.bands.enumerated() {
                    let lower = band.lower.values, upper = band.upper.values
                    let baseLower = forecast.burstFreeBands[k].lower.values, baseUpper = forecast.burstFreeBands[k].upper.values
                    for i in mean.indices {
                        #expect(lower[i] <= mean[i] && mean[i] <= upper[i], "cutoff \(cutoff) level \(band.level) minute \(i)")
                        if k > 0 {
                            let inner = scenario.bands[k - 1]
                            #expect(lower[i] <= inner.lower.values[i] && inner.upper.values[i] <= upper[i])
                        }
                        guard i > 0 else { continue }
                        #expect(lower[i] >= lower[i - 1] && upper[i] >= upper[i - 1], "cutoff \(cutoff) minute \(i)")
                        // A step of a bound is at most a few times the scenario's own per-minute
                        // gain, plus what the baseline's bound stepped itself, scaled as the
                        // scenario's revenue to come is over the baseline's (the scenario carries the
                        // baseline's relative band).
                        let gain = mean[i] - mean[i - 1]
                        let scale = max(1, (mean[i] - forecast.observedTotal) / (forecast.mean.values[i] - forecast.observedTotal))
                        #expect(lower[i] - lower[i - 1] <= 4 * gain + scale * max(baseLower[i] - baseLower[i - 1], 0) + 1e-6)
                        #expect(upper[i] - upper[i - 1] <= 4 * gain + scale * max(baseUpper[i] - baseUpper[i - 1], 0) + 1e-6,
                                "cutoff \(cutoff) level \(band.level) minute \(i)")
                    }
                }
            }
        }
    }
}
