import Forecasting
import SaleData

/// Whether the reconciled total beats the total forecast directly on simulated multi-market sales
/// (see README.md): every seed's markets, forecast at several cutoffs, each method's hre@500.

/// Per-minute revenue of every market and of the total, summed from the orders (reporting currency).
func series(of simulation: MarketSimulation) -> (total: Series, groups: [GroupSeries]) {
    let minutes = simulation.sale.minutes, start = simulation.sale.start
    var cents = [[Int64]](repeating: [Int64](repeating: 0, count: minutes), count: simulation.markets.count)
    for (order, market) in simulation.orders() { cents[market][order.second / 60 - start] += order.cents }
    let groups = simulation.markets.indices.map { index in
        GroupSeries(name: simulation.markets[index].name,
                    revenue: Series(start: start, values: cents[index].map { Double($0) / 100 }, zone: simulation.markets[index].zone))
    }
    let total = (0..<minutes).map { minute in groups.reduce(0) { $0 + $1.revenue.values[minute] } }
    return (Series(start: start, values: total), groups)
}

/// The shared sale of a seed: its surge and daily depth vary, so do the markets' campaigns.
func simulation(seed: UInt64, orders: Double) -> MarketSimulation {
    var sale = SaleSimulation()
    sale.seed = seed
    sale.expectedOrders = orders
    sale.surgeLift = [3.0, 2.0, 4.0, 1.5, 3.0][Int(seed - 1) % 5]
    sale.dailyDepth = [0.8, 0.6, 0.9, 0.7, 0.5][Int(seed - 1) % 5]
    var markets = MarketSimulation.example
    for index in markets.indices {
        markets[index].campaigns = markets[index].campaigns.map { campaign in
            var moved = campaign
            moved.minute += Int(seed % 4) * 360
            moved.lift *= 1 + 0.25 * Double(seed % 3)
            return moved
        }
    }
    return MarketSimulation(sale: sale, markets: markets)
}

/// hre@h of a forecast: |forecast gain - actual gain| / actual gain at its last row.
func hre(_ forecast: Forecast) -> Double? {
    guard let actual = forecast.actual.values.last, forecast.actual.count == forecast.rows else { return nil }
    let gain = actual - forecast.observedTotal
    guard gain > 0, let mean = forecast.mean.values.last else { return nil }
    return abs(mean - actual) / gain
}

/// Whether the actual end value lies inside the forecast's main band.
func holdsEnd(_ forecast: Forecast) -> Bool {
    guard let actual = forecast.actual.values.last, let lower = forecast.lower.values.last,
          let upper = forecast.upper.values.last else { return false }
    return lower <= actual && actual <= upper
}

let arguments = CommandLine.arguments
let seeds = UInt64(arguments.firstIndex(of: "--seeds").map { arguments[$0 + 1] }.flatMap { Int($0) } ?? 10)
let orders = arguments.firstIndex(of: "--orders").map { arguments[$0 + 1] }.flatMap { Double($0) } ?? 40_000
let cutoffs = [2600, 3100, 3600]
let names = ["direct", "bottom-up", "WLS", "chosen by back-test"]
var errors = [String: [Double]]()
var holds = [String: Int]()
var chosen = [Reconciliation: Int]()
var cases = 0
for seed in 1...seeds {
    let (total, groups) = series(of: simulation(seed: seed, orders: orders))
    for cutoff in cutoffs {
        var options = GroupForecastOptions(forecast: ForecastOptions(cutoff: cutoff, train: 1000, horizon: 500))
        let result = try GroupForecaster.forecast(total: total, groups: groups, options: options)
        options.reconciliation = .bottomUp
        let bottomUp = try GroupForecaster.forecast(total: total, groups: groups, options: options)
        options.reconciliation = .wls
        let wls = try GroupForecaster.forecast(total: total, groups: groups, options: options)
        let totals = [result.direct, bottomUp.total, wls.total, result.total]
        guard totals.allSatisfy({ hre($0) != nil }) else { continue }
        cases += 1
        chosen[result.reconciliation, default: 0] += 1
        for (name, forecast) in zip(names, totals) {
            errors[name, default: []].append(hre(forecast) ?? 0)
            if holdsEnd(forecast) { holds[name, default: 0] += 1 }
        }
    }
}

func percent(_ value: Double) -> String { MetricFormat.share.text(value) }
func median(_ values: [Double]) -> Double {
    let sorted = values.sorted()
    return sorted.isEmpty ? 0 : sorted.count % 2 == 1 ? sorted[sorted.count / 2] : (sorted[sorted.count / 2 - 1] + sorted[sorted.count / 2]) / 2
}
print("\(cases) cases: \(seeds) seeds x cutoffs \(cutoffs.map(String.init).joined(separator: ", ")), 4 markets, about \(Int(orders)) orders a sale")
print("total forecast        median hre@500  mean hre@500  beats direct  80% band holds the end")
let direct = errors["direct"] ?? []
for name in names {
    let values = errors[name] ?? []
    let beats = name == "direct" ? "-" : "\(zip(values, direct).filter { $0 < $1 }.count)/\(values.count)"
    let mean = values.reduce(0, +) / Double(max(values.count, 1))
    print(name.padded(21) + "  " + percent(median(values)).leftPadded(14) + "  " + percent(mean).leftPadded(12) + "  "
          + beats.leftPadded(12) + "  " + "\(holds[name] ?? 0)/\(values.count)".leftPadded(22))
}
print("chosen: " + Reconciliation.allCases.map { "\($0.label) \(chosen[$0] ?? 0)" }.joined(separator: ", "))

extension String {
    func padded(_ width: Int) -> String { self + String(repeating: " ", count: max(0, width - count)) }
    func leftPadded(_ width: Int) -> String { String(repeating: " ", count: max(0, width - count)) + self }
}
