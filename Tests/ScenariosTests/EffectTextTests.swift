@testable import Scenarios
import Testing

/// The one describer of events and effects, shared by the CLI's reports and Lua's `tostring`.
@Suite struct EffectTextTests {
    @Test(arguments: [(1.5, "+150%"), (0.125, "+12.5%"), (-0.2, "-20%"), (0, "+0%"), (1.80149, "+180.1%")])
    func percentages(share: Double, text: String) {
        #expect(EffectText.percent(share) == text)
    }

    @Test func shapesAndLearnedEffects() {
        #expect(EffectText.shape(.typical(at: 0)) == "peak +100% after 5 min, half-life 30 min")
        let learned = LearnedEffect(lift: 1.801, halfLife: 40.46, riseMinutes: 5, liftInterval: 1.506...2.116,
                                    halfLifeInterval: 27.4...72.44, level: 0.9, baselineAtSend: 100, extraRevenue: 5000,
                                    minutesBefore: 60, minutesAfter: 120)
        #expect(EffectText.learned(learned)
            == "lift +180.1% [+150.6%..+211.6%], half-life 40.5 min [27.4 min..72.4 min], 90% intervals")
        #expect(EffectText.minutes(12.25) == "12.3 min")
    }
}
