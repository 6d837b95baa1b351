import Foundation
import SaleData

/// A sale to forecast, and the earlier similar sale the paper uses beside it.
struct BenchCase {
    let name: String
    let revenue: Series
    let history: Series?
    let description: String
    /// The simulator's expected revenue per minute (nil for the real sale): what a perfect model
    /// would forecast, so its errors are the noise no model can remove.
    var expected: [Double]? = nil

    /// Cutoff of the paper's experiment 1: the 1000 training minutes centred in the sale.
    var centredCutoff: Int { revenue.count / 2 + 500 - 1 }
}

extension BenchCase {
    /// Simulated cases of different shapes; each earlier sale has the same shape with its own
    /// seed, size and no campaigns, and starts at the same time of day.
    static func simulated(seedOffset: UInt64 = 0) -> [BenchCase] {
        let mails = [SaleSimulation.Campaign(minute: 900, lift: 1.5), SaleSimulation.Campaign(minute: 1980, lift: 2, halfLife: 45),
                     SaleSimulation.Campaign(minute: 3300, lift: 1.2)]
        func sale(_ seed: UInt64, _ orders: Double, _ change: (inout SaleSimulation) -> Void) -> SaleSimulation {
            var simulation = SaleSimulation()
            simulation.seed = seed + seedOffset
            simulation.expectedOrders = orders
            change(&simulation)
            return simulation
        }
        func pair(_ name: String, _ text: String, current: SaleSimulation, earlierOrders: Double,
                  earlier: (inout SaleSimulation) -> Void = { _ in }) -> BenchCase {
            var previous = current
            previous.seed = current.seed + 100
            previous.expectedOrders = earlierOrders
            previous.campaigns = []
            previous.start = current.start - 180 * 1440
            earlier(&previous)
            let label = seedOffset == 0 ? name : "\(name)+\(seedOffset)"
            return BenchCase(name: label, revenue: revenue(of: current), history: revenue(of: previous), description: text,
                             expected: expectedRevenue(of: current))
        }
        return [
            pair("sim-default", "3 days, 200k orders, three e-mail campaigns (the BENCHMARKS.md sale)",
                 current: sale(1, 200_000) { $0.campaigns = mails }, earlierOrders: 150_000),
            pair("sim-flat", "3 days, 100k orders, shallow daily cycle, small surge, two campaigns",
                 current: sale(2, 100_000) { $0.dailyDepth = 0.3; $0.surgeLift = 1; $0.campaigns = Array(mails.prefix(2)) },
                 earlierOrders: 120_000),
            pair("sim-surge", "3 days, 60k orders, long strong opening surge; the earlier sale's surge was weaker",
                 current: sale(3, 60_000) { $0.surgeLift = 8; $0.surgeHalfLife = 240 }, earlierOrders: 50_000,
                 earlier: { $0.surgeLift = 5 }),
            pair("sim-long", "5 days, 250k orders, one campaign, strong closing rush",
                 current: sale(4, 250_000) { $0.minutes = 7200; $0.closingLift = 4; $0.campaigns = [mails[1]] },
                 earlierOrders: 200_000),
            pair("sim-sparse", "3 days, 8k orders (2 a minute), deep daily cycle",
                 current: sale(5, 8_000) { $0.dailyDepth = 0.95; $0.campaigns = [mails[0]] }, earlierOrders: 6_000),
            pair("sim-americas", "3 days, 150k orders, audience mostly in the Americas; the earlier sale's audience differed",
                 current: sale(6, 150_000) {
                     $0.regions = [.init(utcOffsetHours: -5, share: 0.6), .init(utcOffsetHours: -8, share: 0.3),
                                   .init(utcOffsetHours: 1, share: 0.1)]
                     $0.campaigns = [mails[2]]
                 }, earlierOrders: 90_000,
                 earlier: { $0.regions = [.init(utcOffsetHours: -5, share: 0.5), .init(utcOffsetHours: -8, share: 0.2),
                                          .init(utcOffsetHours: 1, share: 0.3)] }),
        ]
    }

    /// Per-minute revenue of a simulated sale, summed in cents.
    static func revenue(of sale: SaleSimulation) -> Series {
        var cents = Array(repeating: Int64(0), count: sale.minutes)
        sale.forEachOrder { cents[$0.second / 60 - sale.start] += $0.cents }
        return Series(start: sale.start, values: cents.map { Double($0) / 100 }, zone: sale.zone)
    }

    /// Expected revenue per minute: expected orders times the log-normal basket's mean.
    static func expectedRevenue(of sale: SaleSimulation) -> [Double] {
        let meanBasket = sale.basketMedian * exp(sale.basketSigma * sale.basketSigma / 2)
        return sale.expectedRates().map { $0 * meanBasket }
    }

    /// The real UK retailer's 9 busiest days (when ../shared/data is present); the earlier "sale" is
    /// the 9 days starting a week before, so that weekdays line up.
    static func real(dataFolder: String) -> BenchCase? {
        let orders = dataFolder + "/online_retail_ii_2009_2010/orders.csv"
        guard FileManager.default.fileExists(atPath: orders),
              let start = ShopZone.utc.minute(of: "2010-11-08T00:00") else { return nil }
        func read(_ first: Int) -> Series? {
            var options = OrdersReadOptions()
            options.window = first...(first + 9 * 1440 - 1)
            return try? OrdersReader.read(path: orders, options: options).table.revenue
        }
        guard let revenue = read(start), let history = read(start - 7 * 1440) else { return nil }
        return BenchCase(name: "real-uk", revenue: revenue, history: history,
                         description: "UK online retailer, 2010-11-08 to 11-16, sparse (800 of 12,960 minutes have an order)")
    }
}
