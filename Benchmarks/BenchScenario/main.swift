import Forecasting
import Foundation
import SaleData
import Scenarios

/// Forecast error with and without known campaigns on simulated sales (see README.md).
struct Variant {
    let name: String
    let forecast: (Series, SaleSimulation, ForecastOptions) throws -> Forecast
}

/// Per-minute revenue of a simulated sale, summed from its orders.
func revenue(of simulation: SaleSimulation) -> Series {
    var cents = [Int64](repeating: 0, count: simulation.minutes)
    simulation.forEachOrder { order in cents[order.second / 60 - simulation.start] += order.cents }
    return Series(start: simulation.start, values: cents.map { Double($0) / 100 })
}

/// A 3-day sale with campaigns at 20:00, 45:00 and 62:00 after the start; shapes vary by seed.
func sale(seed: UInt64) -> SaleSimulation {
    var simulation = SaleSimulation()
    simulation.seed = seed
    simulation.surgeLift = [3.0, 2.0, 4.0, 1.5, 3.0][Int(seed - 1) % 5]
    simulation.dailyDepth = [0.8, 0.6, 0.9, 0.7, 0.5][Int(seed - 1) % 5]
    simulation.campaigns = [SaleSimulation.Campaign(minute: 1200, lift: 1.5, halfLife: 30),
                            SaleSimulation.Campaign(minute: 2700, lift: secondLift(seed: seed), halfLife: 45),
                            SaleSimulation.Campaign(minute: 3720, lift: 1.2, halfLife: 40)]
    return simulation
}

/// The second campaign's lift: 1.1, 1.2, ... 3.0 for seeds 1-20, then again from 1.1 (seed 21),
/// so that every seed's sale is as plausible as the first twenty's (a lift of 13 at seed 120 would be none).
func secondLift(seed: UInt64) -> Double {
    1.0 + 0.1 * Double(1 + (seed - 1) % 20)
}

func campaigns(_ simulation: SaleSimulation) -> [ScenarioEvent] {
    simulation.campaigns.map { .campaign(CampaignEffect($0, saleStart: simulation.start)) }
}

let variants = [
    Variant(name: "no events") { series, _, options in try Forecaster.forecast(revenue: series, options: options) },
    Variant(name: "future campaigns only") { series, simulation, options in
        try EventForecaster.forecast(revenue: series, events: campaigns(simulation), options: options, removingPast: false)
    },
    Variant(name: "every campaign known (default)") { series, simulation, options in
        try EventForecaster.forecast(revenue: series, events: campaigns(simulation), options: options)
    },
    Variant(name: "campaigns known, effect learned from the first") { series, simulation, options in
        let first = simulation.campaigns[0]
        let effect = try EffectLearner.learn(series, sentAt: simulation.start + first.minute)
        let events = simulation.campaigns.map { ScenarioEvent.campaign(effect.campaign(at: simulation.start + $0.minute)) }
        return try EventForecaster.forecast(revenue: series, events: events, options: options)
    },
]

/// Signed error of the revenue gained `h` minutes ahead: above 0 forecasts too much.
func bias(_ forecast: Forecast, _ h: Int) -> Double? {
    guard h <= forecast.actual.count else { return nil }
    let gained = forecast.actual.values[h - 1] - forecast.observedTotal
    return gained > 0 ? (forecast.mean.values[h - 1] - forecast.observedTotal - gained) / gained : nil
}

/// `--whatif-seeds A-B`: the seeds of the what-if band check (default 6-10, never tuned on);
/// `--whatif-only` skips the table of known events.
let arguments = CommandLine.arguments
let whatIfSeeds: [UInt64] = {
    guard let at = arguments.firstIndex(of: "--whatif-seeds"), at + 1 < arguments.count else { return Array(6...10) }
    let ends = arguments[at + 1].split(separator: "-").compactMap { UInt64($0) }
    return ends.count == 2 && ends[0] <= ends[1] ? Array(ends[0]...ends[1]) : Array(6...10)
}()
/// `--whatif-cases FILE`: the what-if band check's cases, one CSV line each.
let whatIfCases = arguments.firstIndex(of: "--whatif-cases").flatMap { $0 + 1 < arguments.count ? arguments[$0 + 1] : nil }
if arguments.contains("--whatif-only") {
    try WhatIfBands.run(seeds: whatIfSeeds, casesPath: whatIfCases)
    exit(0)
}
let seeds: [UInt64] = [1, 2, 3, 4, 5]
let cutoffs = [2659, 2759, 3659]
print("BenchScenario: \(seeds.count) simulated 3-day sales x cutoffs \(cutoffs) (train 1000, horizon 500, model flashcast)")
var sums = [[Double]](repeating: [0, 0, 0, 0, 0, 0], count: variants.count)
var seconds = [Double](repeating: 0, count: variants.count)
var cases = 0
for seed in seeds {
    let simulation = sale(seed: seed)
    let series = revenue(of: simulation)
    for cutoff in cutoffs {
        let options = ForecastOptions(cutoff: cutoff, train: 1000, horizon: 500, seed: seed)
        var line = "seed \(seed) cutoff \(cutoff):"
        for (v, variant) in variants.enumerated() {
            let clock = ContinuousClock.now
            let forecast = try variant.forecast(series, simulation, options)
            seconds[v] += (ContinuousClock.now - clock) / .seconds(1)
            let m = forecast.metrics
            let row = [m?[.hre60], m?[.hre200], m?[.hre500], bias(forecast, 200), m?[.coverage], m?[.mape]].map { $0 ?? .nan }
            sums[v] = zip(sums[v], row).map { $0 + $1 }
            line += String(format: "  [%@] %+.1f%%", variant.name, row[3] * 100)
        }
        print(line)
        cases += 1
    }
}
print("\n| known events | hre@60 % | hre@200 % | hre@500 % | bias@200 % | 80% coverage % | MAPE % | s per forecast |")
print("|---|---|---|---|---|---|---|---|")
for (v, variant) in variants.enumerated() {
    let mean = sums[v].map { $0 / Double(cases) * 100 }
    print(String(format: "| %@ | %.1f | %.1f | %.1f | %+.1f | %.0f | %.2f | %.3f |", variant.name, mean[0], mean[1], mean[2],
                 mean[3], mean[4], mean[5], seconds[v] / Double(cases)))
}
try WhatIfBands.run(seeds: whatIfSeeds, casesPath: whatIfCases)
