import Foundation
import Forecasting
import SaleData

/// Whether the reconciled total beats the total forecast directly (see README.md): simulated
/// multi-market sales of 2, 4 and 8 markets, and, with `--data DATA`, the real shop broken down by
/// what its export holds; every case's hre@500 for each method.

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

/// Four more markets for the 8-market shape, each with its own clock and e-mail.
let moreMarkets: [MarketSimulation.Market] = [
    .init(name: "GB", zone: ShopZone("Europe/London") ?? .utc, currency: "GBP", rate: 1.27, share: 0.2,
          campaigns: [SaleSimulation.Campaign(minute: 2040, lift: 1.5, halfLife: 40)]),
    .init(name: "IN", zone: ShopZone("Asia/Kolkata") ?? .utc, currency: "INR", rate: 0.012, share: 0.1,
          campaigns: [SaleSimulation.Campaign(minute: 1620, lift: 2, halfLife: 30)]),
    .init(name: "AU", zone: ShopZone("Australia/Sydney") ?? .utc, currency: "AUD", rate: 0.66, share: 0.08),
    .init(name: "MX", zone: ShopZone("America/Mexico_City") ?? .utc, currency: "MXN", rate: 0.058, share: 0.07,
          campaigns: [SaleSimulation.Campaign(minute: 2400, lift: 1, halfLife: 60)]),
]

/// The shared sale of a seed with `count` markets: its surge and daily depth vary, so do the markets' campaigns.
func simulation(seed: UInt64, orders: Double, markets count: Int) -> MarketSimulation {
    var sale = SaleSimulation()
    sale.seed = seed
    sale.expectedOrders = orders
    sale.surgeLift = [3.0, 2.0, 4.0, 1.5, 3.0][Int(seed - 1) % 5]
    sale.dailyDepth = [0.8, 0.6, 0.9, 0.7, 0.5][Int(seed - 1) % 5]
    var markets = Array((MarketSimulation.example + moreMarkets).prefix(count))
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

/// One forecast to measure: the total and its groups, cut at `cutoff`.
struct Case {
    let total: Series
    let groups: [GroupSeries]
    let cutoff: Int
}

/// The real shop's orders in `days` days from `first` (UTC, as the export's times), grouped.
func realCases(_ orders: String, first: String, days: Int, grouping: OrderGrouping, train: Int, horizon: Int) throws -> [Case] {
    guard let start = ShopZone.utc.minute(of: first) else { return [] }
    var options = OrdersReadOptions()
    options.window = start...(start + days * 1440 - 1)
    let sale = try OrdersReader.read(path: orders, options: options, grouping: grouping)
    let total = sale.total.table.revenue
    let groups = sale.groups.map { GroupSeries(name: $0.name, revenue: $0.table.revenue) }
    return stride(from: 1440, through: total.count - 1 - horizon, by: 720).map { Case(total: total, groups: groups, cutoff: $0) }
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

let names = ["direct", "bottom-up", "WLS", "chosen by back-test"]

/// Forecasts every case with each method and prints the table: medians, means, wins, bands, choices.
func measure(_ title: String, _ cases: [Case], train: Int, horizon: Int) throws {
    var errors = [String: [Double]](), holds = [String: Int](), chosen = [Reconciliation: Int]()
    var counted = 0
    for item in cases {
        var options = GroupForecastOptions(forecast: ForecastOptions(cutoff: item.cutoff, train: train, horizon: horizon))
        let result = try GroupForecaster.forecast(total: item.total, groups: item.groups, options: options)
        options.reconciliation = .bottomUp
        let bottomUp = try GroupForecaster.forecast(total: item.total, groups: item.groups, options: options)
        options.reconciliation = .wls
        let wls = try GroupForecaster.forecast(total: item.total, groups: item.groups, options: options)
        let totals = [result.direct, bottomUp.total, wls.total, result.total]
        guard totals.allSatisfy({ hre($0) != nil }) else { continue }
        counted += 1
        chosen[result.reconciliation, default: 0] += 1
        for (name, forecast) in zip(names, totals) {
            errors[name, default: []].append(hre(forecast) ?? 0)
            if holdsEnd(forecast) { holds[name, default: 0] += 1 }
        }
    }
    print("\n\(title): \(counted) cases (of \(cases.count) cutoffs; the others had no gain after the cutoff)")
    print("total forecast        median hre@\(horizon)  mean hre@\(horizon)  beats direct  80% band holds the end")
    let direct = errors["direct"] ?? []
    for name in names {
        let values = errors[name] ?? []
        let beats = name == "direct" ? "-" : "\(zip(values, direct).filter { $0 < $1 }.count)/\(values.count)"
        let mean = values.reduce(0, +) / Double(max(values.count, 1))
        print(name.padded(21) + "  " + percent(median(values)).leftPadded(14) + "  " + percent(mean).leftPadded(12) + "  "
              + beats.leftPadded(12) + "  " + "\(holds[name] ?? 0)/\(values.count)".leftPadded(22))
    }
    print("chosen: " + Reconciliation.allCases.map { "\($0.label) \(chosen[$0] ?? 0)" }.joined(separator: ", "))
}

func percent(_ value: Double) -> String { MetricFormat.share.text(value) }
func median(_ values: [Double]) -> Double {
    let sorted = values.sorted()
    return sorted.isEmpty ? 0 : sorted.count % 2 == 1 ? sorted[sorted.count / 2] : (sorted[sorted.count / 2 - 1] + sorted[sorted.count / 2]) / 2
}

extension String {
    func padded(_ width: Int) -> String { self + String(repeating: " ", count: max(0, width - count)) }
    func leftPadded(_ width: Int) -> String { String(repeating: " ", count: max(0, width - count)) + self }
}

let arguments = CommandLine.arguments
func option(_ name: String) -> String? { arguments.firstIndex(of: name).flatMap { $0 + 1 < arguments.count ? arguments[$0 + 1] : nil } }
let seeds = UInt64(option("--seeds").flatMap { Int($0) } ?? 10)
let orders = option("--orders").flatMap { Double($0) } ?? 40_000
let shapes = (option("--markets") ?? "2,4,8").split(separator: ",").compactMap { Int($0) }.filter { (1...8).contains($0) }
let cutoffs = [2600, 3100, 3600]
if !arguments.contains("--no-sim") {
    for count in shapes {
        let cases = (1...seeds).flatMap { seed in
            let (total, groups) = series(of: simulation(seed: seed, orders: orders, markets: count))
            return cutoffs.map { Case(total: total, groups: groups, cutoff: $0) }
        }
        try measure("simulated, \(count) markets (\(seeds) seeds x cutoffs \(cutoffs.map(String.init).joined(separator: ", ")), "
                        + "about \(Int(orders)) orders a sale)", cases, train: 1000, horizon: 500)
    }
}
if let data = option("--data") {
    let path = data + "/online_retail_ii_2009_2010/orders.csv"
    guard FileManager.default.fileExists(atPath: path) else {
        print("(no real shop: \(data) holds no online_retail_ii_2009_2010/orders.csv)")
        exit(1)
    }
    let known = OrderGrouping(.function { row in (row["customer"] ?? "").isEmpty ? "guest" : "known" })
    let size = OrderGrouping(.function { row in
        let amount = Double(row["amount"] ?? "") ?? 0
        return amount < 200 ? "small" : amount < 600 ? "medium" : "large"
    })
    for (label, grouping) in [("customer known or guest, 2 groups", known), ("order size <200, 200-600, >=600 GBP, 3 groups", size)] {
        let cases = try realCases(path, first: "2010-11-08T00:00", days: 9, grouping: grouping, train: 1000, horizon: 500)
            + realCases(path, first: "2010-11-22T00:00", days: 16, grouping: grouping, train: 1000, horizon: 500)
        try measure("real UK shop by \(label) (2010-11-08 to 11-16 and 11-22 to 12-07, a cutoff every 720 minutes)",
                    cases, train: 1000, horizon: 500)
    }
}
