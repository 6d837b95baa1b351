import SaleData
import Testing

@testable import Scenarios

@Suite struct ScenarioEventTests {
    @Test func campaignRisesThenHalvesEveryHalfLife() {
        let campaign = CampaignEffect(minute: 100, lift: 2, riseMinutes: 4, halfLife: 10)
        let cases: [(Int, Double)] = [(99, 1), (100, 1), (101, 1.5), (104, 3), (114, 2), (124, 1.5)]
        for (minute, factor) in cases {
            #expect(abs(campaign.multiplier(at: minute) - factor) < 1e-12, "minute \(minute)")
        }
    }

    @Test func campaignMatchesTheSimulatorsSpike() {
        var simulation = SaleSimulation()
        simulation.minutes = 600
        simulation.campaigns = [SaleSimulation.Campaign(minute: 200, lift: 1.5, riseMinutes: 5, halfLife: 45)]
        let campaign = CampaignEffect(simulation.campaigns[0], saleStart: simulation.start)
        for minute in [150, 200, 203, 205, 206, 250, 400] {
            #expect(abs(campaign.multiplier(at: simulation.start + minute) - 1 - simulation.campaignLift(at: minute)) < 1e-12)
        }
    }

    @Test func discountLiftFromDepthAndElasticity() {
        #expect(abs(DiscountEffect.revenueLift(depth: 0.1, elasticity: 3) - 0.17) < 1e-12)
        let fading = DiscountEffect(from: 10, until: 50, depth: 0.1, elasticity: 3, fadeHalfLife: 20)
        #expect(fading.multiplier(at: 9) == 1)
        #expect(abs(fading.multiplier(at: 10) - 1.17) < 1e-12)
        #expect(abs(fading.multiplier(at: 30) - 1.085) < 1e-12)
        #expect(fading.multiplier(at: 50) == 1)
        #expect(DiscountEffect(from: 0, lift: 0.15).multiplier(at: 10_000) == 1.15)
    }

    @Test func outageKeepsOnlyTheRemainingShare() {
        let outage = OutageEffect(from: 5, until: 8, remaining: 0.1)
        #expect([4, 5, 7, 8].map(outage.multiplier(at:)) == [1, 0.1, 0.1, 1])
    }

    @Test func eventsCombineByMultiplying() {
        let campaign = ScenarioEvent.campaign(CampaignEffect(minute: 0, lift: 1, riseMinutes: 0, halfLife: 10))
        let second = ScenarioEvent.campaign(CampaignEffect(minute: 10, lift: 1, riseMinutes: 0, halfLife: 10))
        let discount = ScenarioEvent.discount(DiscountEffect(from: 5, lift: 0.2))
        let outage = ScenarioEvent.outage(OutageEffect(from: 20, until: 25))
        let events = [campaign, second, discount, outage]
        #expect(abs(events.multiplier(at: 0) - 2) < 1e-12)
        #expect(abs(events.multiplier(at: 5) - (1 + 0.5.squareRoot()) * 1.2) < 1e-12)
        #expect(abs(events.multiplier(at: 10) - 1.5 * 2 * 1.2) < 1e-12)
        #expect(events.multiplier(at: 22) == 0)
        #expect(abs(events.multiplier(at: 30) - 1.125 * 1.25 * 1.2) < 1e-12)
    }

    @Test func addingASpikeAndRemovingIt() {
        let series = Series(start: 0, values: [10, 10, 10, 10, 0])
        let spike = [ScenarioEvent.campaign(CampaignEffect(minute: 1, lift: 1, riseMinutes: 0, halfLife: 1))]
        let spiked = series.adding(spike)
        #expect(spiked.values == [10, 20, 15, 12.5, 0])
        #expect(spiked.removing(spike) == series)
    }
}
