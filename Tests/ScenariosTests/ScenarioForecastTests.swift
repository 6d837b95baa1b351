import Foundation
import Forecasting
import SaleData
import Testing

@testable import Scenarios

@Suite struct ScenarioForecastTests {
    /// 100 a minute for 10 minutes after 1000 observed; band at 80% and 120% of what is to come.
    let baseline: Baseline = {
        let rate = Series(start: 0, values: Array(repeating: 100, count: 10))
        let toCome = (1...10).map { Double($0) * 100 }
        return Baseline(observed: 1000, rate: rate, lower: Series(start: 0, values: toCome.map { 1000 + 0.8 * $0 }),
                        upper: Series(start: 0, values: toCome.map { 1000 + 1.2 * $0 }))
    }()

    @Test func endOfSaleGainOfACampaign() {
        // Sent at minute 2, peak at minute 4: factors 1, 1.5, 2, 1.5, 1.25, 1.125, 1.0625, 1.03125 on minutes 2..9.
        let email = Scenario(name: "e-mail", events: [.campaign(CampaignEffect(minute: 2, lift: 1, riseMinutes: 2, halfLife: 1))])
        let forecast = email.apply(to: baseline)
        #expect(abs(forecast.gain - 246.875) < 1e-9)
        #expect(abs(forecast.total - 2246.875) < 1e-9)
        #expect(abs(forecast.gain(by: 5) - 150) < 1e-9)  // minutes 3 and 4: 50 + 100
        #expect(abs(forecast.total(by: 5) - 1650) < 1e-9)
        #expect(forecast.gain(by: -3) == 0 && abs(forecast.gain(by: 99) - forecast.gain) < 1e-12)
        #expect(abs(forecast.lower.values[9] - (1000 + 0.8 * 1246.875)) < 1e-9)
        #expect(abs(forecast.upper.values[9] - (1000 + 1.2 * 1246.875)) < 1e-9)
        #expect(forecast.mean.values[1] == 1200)
    }

    @Test func anUncertainLiftWidensTheBandInLogQuadrature() {
        // A flat campaign (half-life 1e9 minutes) doubles the rate: 2000 to come by the end; the
        // lift's 80% end is 1 * exp(z * 0.5) with z = 1.2816, so 1000 * (1 + exp(0.6408)) to come.
        let campaign = CampaignEffect(minute: 0, lift: 1, riseMinutes: 0, halfLife: 1e9, spread: EffectSpread(logLift: 0.5))
        let forecast = Scenario(name: "learned", events: [.campaign(campaign)]).apply(to: baseline)
        let z = EffectLearner.normalQuantile(level: 0.8)
        let effectHigh = log((1 + exp(z * 0.5)) / 2), effectLow = log(2 / (1 + exp(-z * 0.5)))
        #expect(abs(forecast.gain - 1000) < 1e-3)
        #expect(abs(forecast.upper.values[9] - (1000 + 2000 * exp((log(1.2) * log(1.2) + effectHigh * effectHigh).squareRoot()))) < 1e-2)
        #expect(abs(forecast.lower.values[9] - (1000 + 2000 * exp(-(log(1.25) * log(1.25) + effectLow * effectLow).squareRoot()))) < 1e-2)
    }

    @Test func anExactEffectKeepsTheBaselinesRelativeWidthAtEveryLevel() {
        let toCome = (1...10).map { Double($0) * 100 }
        let bands = [(0.5, 0.9, 1.1), (0.95, 0.6, 1.5)].map { level, low, high in
            ForecastBand(level: level, lower: Series(start: 0, values: toCome.map { 1000 + low * $0 }),
                         upper: Series(start: 0, values: toCome.map { 1000 + high * $0 }))
        }
        let nested = Baseline(observed: 1000, rate: baseline.rate, bands: bands)
        let forecast = Scenario(name: "given", events: [.discount(DiscountEffect(from: 0, lift: 1))]).apply(to: nested)
        #expect(forecast.bands.map(\.level) == [0.5, 0.95])
        #expect(abs(forecast.bands[0].lower.values[9] - (1000 + 0.9 * 2000)) < 1e-9)
        #expect(abs(forecast.bands[1].upper.values[9] - (1000 + 1.5 * 2000)) < 1e-9)
    }

    @Test func aCampaignTwiceTheAssumedOneLiesInsideTheWideBandNotTheNarrow() {
        // An exact baseline (no width of its own): only the effect's spread makes the band.
        let rate = Series(start: 0, values: Array(repeating: 100, count: 300))
        let mean = Baseline(observed: 0, rate: rate).mean
        let exact = Baseline(observed: 0, rate: rate, bands: [0.5, 0.95].map { ForecastBand(level: $0, lower: mean, upper: mean) })
        let assumed = CampaignEffect(minute: 10, lift: 1, riseMinutes: 5, halfLife: 30, spread: .betweenSends)
        var truth = assumed
        truth.lift = 2
        let band = Scenario(name: "assumed", events: [.campaign(assumed)]).apply(to: exact).bands
        let actual = Scenario(name: "truth", events: [.campaign(truth)]).apply(to: exact).mean.values[299]
        #expect(band[0].upper.values[299] < actual && actual < band[1].upper.values[299])
    }

    @Test func cumulativeForecastGivesTheRate() {
        let mean = Series(start: 5, values: [1100, 1250, 1250])
        #expect(Baseline(observed: 1000, cumulativeMean: mean).rate.values == [100, 150, 0])
        #expect(Baseline(observed: 1000, cumulativeMean: mean).mean == mean)
    }

    @Test func outageAndDiscountCombine() {
        let events: [ScenarioEvent] = [.outage(OutageEffect(from: 0, until: 5)), .discount(DiscountEffect(from: 3, lift: 0.1))]
        let forecast = Scenario(name: "outage", events: events).apply(to: baseline)
        #expect(abs(forecast.gain - (5 * 110 - 1000)) < 1e-9)
    }
}

@Suite struct SendSearchTests {
    /// 100 a minute for 60 minutes; campaigns jump to +100% and halve every 10 minutes.
    let baseline = Baseline(observed: 0, rate: Series(start: 1000, values: Array(repeating: 100, count: 60)))
    let campaign = CampaignEffect(minute: 0, lift: 1, riseMinutes: 0, halfLife: 10)

    /// Extra revenue of a send with `m` minutes left, summed in closed form (a geometric series).
    func extra(minutesLeft m: Int) -> Double {
        let r = pow(2, -0.1)
        return 100 * (1 - pow(r, Double(m))) / (1 - r)
    }

    @Test func latestSendReachingATarget() {
        let target = 6000 + extra(minutesLeft: 20) - 1e-6
        guard case .sendBy(let minute, let total) = baseline.latestSend(campaign, target: target),
              case .sendBy(let earlier, _) = baseline.latestSend(campaign, target: target + 1)
        else { Issue.record("no plan"); return }
        #expect(minute == 1040 && abs(total - target) < 1e-5)
        #expect(earlier == 1039)
    }

    @Test func deadlineCountsOnlyTheMinutesBeforeIt() {
        let target = 3000 + extra(minutesLeft: 10) - 1e-6  // by minute 1030: 30 minutes of baseline
        guard case .sendBy(let minute, _) = baseline.latestSend(campaign, target: target, by: 1030) else {
            Issue.record("no plan"); return
        }
        #expect(minute == 1020)
    }

    /// Minutes are minutes: a campaign brings the same on a sale's 1-, 5- and 15-minute rows (a
    /// row's factor is the mean over its minutes; taken at its first minute, 15-minute rows lost 11%
    /// of an e-mail's gain), as a scenario and as the latest send's extra.
    @Test func aCampaignBringsTheSameOnRowsOfAnyLength() throws {
        let campaign = CampaignEffect(minute: 600, lift: 1, riseMinutes: 5, halfLife: 30)
        var gains: [Double] = [], extras: [Double] = []
        for step in [1, 5, 15] {
            let rate = Series(start: 0, step: step, values: Array(repeating: 10 * Double(step), count: 900 / step))
            let baseline = Baseline(observed: 0, rate: rate)
            gains.append(Scenario(name: "e-mail", events: [.campaign(campaign)]).apply(to: baseline).gain)
            extras.append(Baseline.extras(of: campaign, on: rate.values, step: step)[600 / step])
        }
        for value in gains + extras { #expect(abs(value - gains[0]) <= 1e-9 * gains[0], "\(gains) \(extras)") }
    }

    @Test func everySendsExtraMatchesTheMinuteByMinuteSum() {
        // Rows of 5 minutes, a rise that ends between rows, a campaign whose tail outlasts the rows.
        let weighted = (0..<200).map { 50 + 40 * sin(Double($0) / 7) }
        for (rise, halfLife) in [(12.5, 40.0), (0, 7), (5, 1e9), (3000, 30)] {
            let campaign = CampaignEffect(minute: 0, lift: 0.7, riseMinutes: rise, halfLife: halfLife)
            let extras = Baseline.extras(of: campaign, on: weighted, step: 5)
            for s in stride(from: 0, to: 200, by: 13) {
                let exact = (s..<200).reduce(0.0) {
                    $0 + weighted[$1] * 0.7 * CampaignEffect.shape(since: Double(($1 - s) * 5), minutes: 5, riseMinutes: rise, halfLife: halfLife)
                }
                #expect(abs(extras[s] - exact) <= 1e-9 * max(exact, 1), "rise \(rise) half-life \(halfLife) row \(s)")
            }
        }
    }

    @Test func targetsAlreadyMetOrOutOfReach() {
        #expect(baseline.latestSend(campaign, target: 6000) == .notNeeded(total: 6000))
        guard case .unreachable(let best, let total) = baseline.latestSend(campaign, target: 1e6) else {
            Issue.record("reachable"); return
        }
        #expect(best == 1000 && abs(total - 6000 - extra(minutesLeft: 60)) < 1e-6)
        let outage = [ScenarioEvent.outage(OutageEffect(from: 1000, until: 1060))]
        #expect(baseline.latestSend(campaign, target: 1, others: outage) == .unreachable(bestMinute: 1059, bestTotal: 0))
    }
}
