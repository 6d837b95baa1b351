import Foundation
import Forecasting
import SaleData
import Testing

@testable import Scenarios

/// A what-if band against an independent reference: the same campaign sent many times with its
/// lift and half-life drawn from their stated spread (the process the band claims to describe),
/// counted inside or outside the band of each level.
@Suite struct WhatIfBandCoverageTests {
    /// 100 a minute for 300 minutes after 5,000 observed, known exactly (bands of zero width).
    static let baseline: Baseline = {
        let rate = Series(start: 0, values: Array(repeating: 100, count: 300))
        let mean = Baseline(observed: 5000, rate: rate).mean
        return Baseline(observed: 5000, rate: rate, bands: [0.5, 0.8, 0.95].map { ForecastBand(level: $0, lower: mean, upper: mean) })
    }()

    /// A standard normal draw (Box-Muller).
    static func normal(_ generator: inout RandomSource) -> Double {
        let u = Double.random(in: Double.ulpOfOne..<1, using: &generator), v = Double.random(in: 0..<1, using: &generator)
        return (-2 * log(u)).squareRoot() * cos(2 * .pi * v)
    }

    /// Each level's band holds its share of the sends (within 4 points, 4,000 draws: the sampling
    /// error is under 1 point) at the end and at minutes before it, for a learned spread
    /// (half to twice, 9 in 10) and the typical e-mail's (a quarter to four times).
    @Test(arguments: [EffectSpread.betweenSends, EffectSpread.assumed])
    func eachLevelHoldsItsShareOfSendsDrawnFromTheSpread(spread: EffectSpread) {
        let campaign = CampaignEffect(minute: 30, lift: 1.5, riseMinutes: 5, halfLife: 40, spread: spread)
        let scenario = Scenario(name: "e-mail", events: [.campaign(campaign)]).apply(to: Self.baseline)
        var generator = RandomSource(seed: 11)
        let draws = 4000, minutes = [119, 299]
        var inside = Array(repeating: Array(repeating: 0, count: minutes.count), count: scenario.bands.count)
        for _ in 0..<draws {
            var sent = campaign
            sent.lift *= exp(spread.logLift * Self.normal(&generator))
            sent.halfLife *= exp(spread.logHalfLife * Self.normal(&generator))
            let outcome = Scenario(name: "drawn", events: [.campaign(sent)]).apply(to: Self.baseline).mean.values
            for (b, band) in scenario.bands.enumerated() {
                for (m, minute) in minutes.enumerated()
                where band.lower.values[minute] <= outcome[minute] && outcome[minute] <= band.upper.values[minute] {
                    inside[b][m] += 1
                }
            }
        }
        for (b, band) in scenario.bands.enumerated() {
            for (m, minute) in minutes.enumerated() {
                let share = Double(inside[b][m]) / Double(draws)
                #expect(abs(share - band.level) <= 0.04, "level \(band.level) minute \(minute): \(share)")
            }
        }
    }

    /// The assumptions say how much a campaign's extra revenue varies: sends drawn from
    /// `betweenSends` bring between half and twice the middle one's extra revenue over the day
    /// after the send 9 times in 10, and typical e-mails drawn from `assumed` between a quarter and
    /// four times (within 3 points, 4,000 draws). Lift and half-life each moved by the whole
    /// spread made that 77% (the extra varied 2.7 times, not twice).
    @Test(arguments: [(EffectSpread.betweenSends, 2.0), (EffectSpread.assumed, 4.0)])
    func nineSendsInTenBringTheStatedShareOfTheExtraRevenue(spread: EffectSpread, ratio: Double) {
        let campaign = CampaignEffect(minute: 30, lift: 1.5, riseMinutes: 5, halfLife: 40, spread: spread)
        let day = Baseline(observed: 0, rate: Series(start: 0, values: Array(repeating: 100, count: 1440)))
        let extra = { (sent: CampaignEffect) in Scenario(name: "e-mail", events: [.campaign(sent)]).apply(to: day).gain }
        let middle = extra(campaign)
        var generator = RandomSource(seed: 12)
        let draws = 4000
        let inside = (0..<draws).filter { _ in
            var sent = campaign
            sent.lift *= exp(spread.logLift * Self.normal(&generator))
            sent.halfLife *= exp(spread.logHalfLife * Self.normal(&generator))
            let ratioToMiddle = extra(sent) / middle
            return 1 / ratio <= ratioToMiddle && ratioToMiddle <= ratio
        }.count
        #expect(abs(Double(inside) / Double(draws) - 0.9) <= 0.03, "\(inside) of \(draws)")
    }

    /// A learned effect's spread counts its estimate's uncertainty once: its lift's interval,
    /// joined over the plausible half-lives, already holds the half-life's, so however wide the
    /// half-life's interval, the half-life moves only as sends differ.
    @Test func aLearnedHalfLifesIntervalIsCountedOnceInTheLifts() {
        let learned = { (halfLives: ClosedRange<Double>) in
            LearnedEffect(lift: 1.5, halfLife: 30, riseMinutes: 5, liftInterval: 1.2...1.8, halfLifeInterval: halfLives, level: 0.9,
                          baselineAtSend: 100, extraRevenue: 5000, minutesBefore: 180, minutesAfter: 240)
        }
        let narrow = EffectSpread(learned: learned(29...31)), wide = EffectSpread(learned: learned(10...90))
        #expect(narrow == wide)
        #expect(wide.logHalfLife == EffectSpread.betweenSends.logHalfLife)
        let estimate = 0.6 / (2 * EffectLearner.normalQuantile(level: 0.9) * 1.5)
        #expect(abs(wide.logLift - (estimate * estimate + EffectSpread.betweenSends.logLift * EffectSpread.betweenSends.logLift).squareRoot()) < 1e-12)
    }

    /// A scenario that sends a campaign within the forecast starts from the burst-free bands; one
    /// without a campaign (or sending after the forecast's end) from the ordinary bands.
    @Test func aStatedCampaignStartsFromTheBurstFreeBands() {
        let rate = Series(start: 0, values: Array(repeating: 100, count: 10))
        let toCome = (1...10).map { Double($0) * 100 }
        let band = { (low: Double, high: Double) in
            ForecastBand(level: 0.8, lower: Series(start: 0, values: toCome.map { 1000 + low * $0 }),
                         upper: Series(start: 0, values: toCome.map { 1000 + high * $0 }))
        }
        let baseline = Baseline(observed: 1000, rate: rate, bands: [band(0.5, 2)], burstFreeBands: [band(0.8, 1.2)])
        let exact = { (minute: Int) in Scenario(name: "e-mail", events: [.campaign(CampaignEffect(minute: minute, lift: 1, halfLife: 5))]) }
        let sent = exact(3).apply(to: baseline)
        let scenarioToCome = sent.mean.values[9] - 1000
        #expect(abs(sent.upper.values[9] - (1000 + 1.2 * scenarioToCome)) < 1e-9)
        #expect(abs(sent.lower.values[9] - (1000 + 0.8 * scenarioToCome)) < 1e-9)
        let discount = Scenario(name: "10% off", events: [.discount(DiscountEffect(from: 3, lift: 0.2))]).apply(to: baseline)
        #expect(abs(discount.upper.values[9] - (1000 + 2 * (discount.mean.values[9] - 1000))) < 1e-9)
        #expect(exact(10).apply(to: baseline).upper == baseline.upper)
        // burst-free bands at other levels than the bands' are not taken
        #expect(Baseline(observed: 1000, rate: rate, bands: [band(0.5, 2)], burstFreeBands: []).burstFreeBands == [band(0.5, 2)])
    }
}
