import Forecasting
import Foundation
import SaleData
import Scenarios

/// Do a what-if scenario's bands hold what they promise? At cutoffs 30, 60 and 120 minutes before a
/// campaign of the sale, the baseline forecast (the default model, no events, as `flashcast whatif`
/// makes it) gets the campaign as a scenario, its effect learned from the sale's first campaign,
/// assumed to be a typical e-mail, or known exactly; the sale that really came is the outcome.
enum WhatIfBands {
    static let levels = [0.5, 0.8, 0.95]
    static let leads = [30, 60, 120]
    /// How each scenario knows the campaign's effect.
    static let effects = ["learned from the first campaign", "a typical e-mail", "the true effect"]

    struct Tally {
        var minutesInside = [Double](repeating: 0, count: levels.count)
        var endsInside = [Double](repeating: 0, count: levels.count)
        var widths = [Double](repeating: 0, count: levels.count)
        var hre200 = 0.0
        var cases = 0
    }

    /// The campaign's effect as the scenario knows it, sent at `minute`.
    static func campaign(_ effect: Int, truth: SaleSimulation.Campaign, minute: Int, observed: Series, simulation: SaleSimulation)
        throws -> CampaignEffect
    {
        switch effect {
        case 0: return try EffectLearner.learn(observed, sentAt: simulation.start + simulation.campaigns[0].minute).campaign(at: minute)
        case 1: return .typical(at: minute)
        default: return CampaignEffect(minute: minute, lift: truth.lift, riseMinutes: truth.riseMinutes, halfLife: truth.halfLife)
        }
    }

    /// The simulator's expected revenue after `cutoff` without campaign `left` (the other
    /// campaigns' tails kept), in money: a baseline known exactly, with bands of zero width.
    static func exactBaseline(_ simulation: SaleSimulation, series: Series, cutoff: Int, without left: Int, levels: [Double]) -> Baseline {
        var others = simulation
        others.campaigns.remove(at: left)
        let base = simulation.baseRates(), expected = simulation.expectedRates()
        let money = series.values.reduce(0, +) / expected.reduce(0, +)
        let rows = (cutoff + 1)..<(cutoff + 501)
        let rate = Series(start: series.minute(at: cutoff + 1), values: rows.map { base[$0] * (1 + others.campaignLift(at: $0)) * money })
        let observed = series.values[...cutoff].reduce(0, +)
        let mean = Baseline(observed: observed, rate: rate).mean
        return Baseline(observed: observed, rate: rate, bands: levels.map { ForecastBand(level: $0, lower: mean, upper: mean) })
    }

    /// The sale that came, cumulative after `cutoff`, with campaign `left`'s extra taken out of each
    /// minute (its share of the simulator's lift there): what the baseline alone forecast.
    static func actualWithout(_ simulation: SaleSimulation, series: Series, cutoff: Int, left: Int, observed: Double) -> [Double] {
        var others = simulation
        others.campaigns.remove(at: left)
        var total = observed
        return ((cutoff + 1)..<(cutoff + 501)).map { t in
            total += series.values[t] * (1 + others.campaignLift(at: t)) / (1 + simulation.campaignLift(at: t))
            return total
        }
    }

    /// `casesPath`: one CSV line per case and effect (`caseHeader`), the outcome and every band at the end.
    static func run(seeds: [UInt64], casesPath: String? = nil) throws {
        var cases = caseHeader
        print("\nWhat-if bands: seeds \(seeds.first ?? 0)-\(seeds.last ?? 0), campaigns 2 and 3 as scenarios, cutoffs \(leads) minutes before each")
        let rows = effects.indices.map { ("model forecast", $0) } + [("exact baseline", 0), ("exact baseline", 1)]
        // The forecast's own bands, no scenario, against the sale without the campaign.
        let alone = ["ordinary band", "burst-free band"]
        var aloneTallies = [Tally](repeating: Tally(), count: alone.count)
        var tallies = [Tally](repeating: Tally(), count: rows.count)
        var forecastSeconds = 0.0, applySeconds = 0.0, forecasts = 0, applied = 0
        for seed in seeds {
            let simulation = sale(seed: seed)
            let series = revenue(of: simulation)
            for (index, truth) in simulation.campaigns.enumerated().dropFirst() {
                for lead in leads {
                    let cutoff = truth.minute - lead
                    let observed = series.slice(0..<(cutoff + 1))
                    var options = ForecastOptions(cutoff: cutoff, train: 1000, horizon: 500, seed: seed)
                    options.levels = levels
                    options.burstFreeBands = true
                    let started = Date()
                    let forecast = try Forecaster.forecast(revenue: series, options: options)
                    forecastSeconds += Date().timeIntervalSince(started)
                    forecasts += 1
                    let exact = exactBaseline(simulation, series: series, cutoff: cutoff, without: index, levels: levels)
                    let without = actualWithout(simulation, series: series, cutoff: cutoff, left: index, observed: forecast.observedTotal)
                    for (r, row) in rows.enumerated() {
                        let mail = try campaign(row.1, truth: truth, minute: simulation.start + truth.minute, observed: observed,
                                                simulation: simulation)
                        let baseline = row.0 == "exact baseline" ? exact : Baseline(forecast)
                        let applying = Date()
                        let scenario = Scenario(name: "e-mail", events: [.campaign(mail)]).apply(to: baseline)
                        applySeconds += Date().timeIntervalSince(applying)
                        applied += 1
                        tallies[r].add(scenario, actual: forecast.actual.values, observed: forecast.observedTotal)
                    }
                    for effect in effects.indices where casesPath != nil {
                        let mail = try campaign(effect, truth: truth, minute: simulation.start + truth.minute, observed: observed,
                                                simulation: simulation)
                        let scenario = Scenario(name: "e-mail", events: [.campaign(mail)])
                        cases += caseLine([String(seed), String(index + 1), String(lead), String(effect)], truth: truth, mail: mail,
                                          forecast: forecast, without: without, scenario: scenario.apply(to: Baseline(forecast)),
                                          onExact: scenario.apply(to: exact))
                    }
                    for (a, bands) in [forecast.bands, forecast.burstFreeBands].enumerated() {
                        let baseline = Baseline(observed: forecast.observedTotal, rate: forecast.rate, bands: bands)
                        aloneTallies[a].add(Scenario(name: "none", events: []).apply(to: baseline), actual: without, observed: forecast.observedTotal)
                    }
                }
            }
        }
        if let casesPath { try cases.write(toFile: casesPath, atomically: true, encoding: .utf8) }
        print(String(format: "forecast with bands (levels 0.5, 0.8, 0.95): %.1f ms each; a scenario applied: %.2f ms each",
                     forecastSeconds / Double(max(forecasts, 1)) * 1000, applySeconds / Double(max(applied, 1)) * 1000))
        let percents = levels.map { "\(Int(($0 * 100).rounded()))%" }
        print("\n| baseline | effect known as | cases | hre@200 % | " + percents.map { "\($0) band holds minutes / ends %" }.joined(separator: " | ")
              + " | " + percents.map { "\($0) width at end %" }.joined(separator: " | ") + " |")
        print("|---|---|---|---" + String(repeating: "|---", count: 2 * levels.count) + "|")
        for (r, tally) in tallies.enumerated() {
            let n = Double(tally.cases), exact = rows[r].0 == "exact baseline"
            let holds = levels.indices.map {
                (exact ? "-" : String(format: "%.1f", tally.minutesInside[$0] / n * 100)) + String(format: " / %.1f", tally.endsInside[$0] / n * 100)
            }
            let widths = levels.indices.map { String(format: "%.1f", tally.widths[$0] / n * 100) }
            print("| \(rows[r].0) | \(effects[rows[r].1]) | \(tally.cases) | " + String(format: "%.1f", tally.hre200 / n * 100) + " | "
                  + holds.joined(separator: " | ") + " | " + widths.joined(separator: " | ") + " |")
        }
        for (a, tally) in aloneTallies.enumerated() {
            let n = Double(tally.cases)
            let holds = levels.indices.map { String(format: "%.1f / %.1f", tally.minutesInside[$0] / n * 100, tally.endsInside[$0] / n * 100) }
            let widths = levels.indices.map { String(format: "%.1f", tally.widths[$0] / n * 100) }
            print("| model forecast alone, \(alone[a]) | none (the sale without the campaign) | \(tally.cases) | " + String(format: "%.1f", tally.hre200 / n * 100)
                  + " | " + holds.joined(separator: " | ") + " | " + widths.joined(separator: " | ") + " |")
        }
    }
}

extension WhatIfBands {
    /// Columns of the per-case CSV: revenue to come at the end (500 minutes after the cutoff) and each level's bounds.
    static let caseHeader = "seed,campaign,lead,effect,true_lift,true_half_life,lift,half_life,log_lift_sd,log_half_life_sd,"
        + "observed,base,actual_without,exact_base,scenario,actual,exact_scenario,"
        + levels.map { l in ["scenario", "burst_free", "exact"].map { "\($0)_lower\(Int(l * 100)),\($0)_upper\(Int(l * 100))" }.joined(separator: ",") }
            .joined(separator: ",") + "\n"

    /// One case's CSV line: the truth, the scenario's effect, the outcomes and bounds at the end.
    static func caseLine(_ keys: [String], truth: SaleSimulation.Campaign, mail: CampaignEffect, forecast: Forecast, without: [Double],
                         scenario: ScenarioForecast, onExact: ScenarioForecast) -> String {
        let end = without.count - 1
        let effect = [truth.lift, truth.halfLife, mail.lift, mail.halfLife, mail.spread.logLift, mail.spread.logHalfLife]
        let outcomes = [forecast.observedTotal, forecast.mean.values[end], without[end], onExact.baseline.mean.values[end],
                        scenario.mean.values[end], forecast.actual.values[end], onExact.mean.values[end]]
        let bounds = levels.indices.flatMap { l in
            [scenario.bands[l], forecast.burstFreeBands[l], onExact.bands[l]].flatMap { [$0.lower.values[end], $0.upper.values[end]] }
        }
        return (keys + (effect + outcomes + bounds).map { String($0) }).joined(separator: ",") + "\n"
    }
}

extension WhatIfBands.Tally {
    /// Counts one scenario against the actual cumulative revenue after the cutoff.
    mutating func add(_ scenario: ScenarioForecast, actual: [Double], observed: Double) {
        for (l, band) in scenario.bands.enumerated() {
            let inside = actual.indices.filter { band.lower.values[$0] <= actual[$0] && actual[$0] <= band.upper.values[$0] }
            minutesInside[l] += Double(inside.count) / Double(actual.count)
            endsInside[l] += inside.last == actual.count - 1 ? 1 : 0
            let end = actual.count - 1
            widths[l] += (band.upper.values[end] - band.lower.values[end]) / (scenario.mean.values[end] - observed)
        }
        let gained = actual[199] - observed
        hre200 += abs(scenario.mean.values[199] - observed - gained) / gained
        cases += 1
    }
}
