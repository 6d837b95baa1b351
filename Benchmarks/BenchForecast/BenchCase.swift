import Foundation
import SaleData

/// A sale to forecast, and the earlier similar sale the paper uses beside it.
struct BenchCase: Sendable {
    /// Unique name (the shape, and `+offset` for further seeds).
    let name: String
    /// The shape: cases of one kind differ only by their seeds.
    let kind: String
    let revenue: Series
    let history: Series?
    let description: String
    /// The simulator's expected revenue per minute (nil for the real sale): what a perfect model
    /// would forecast, so its errors are the noise no model can remove.
    var expected: [Double]? = nil

    var isReal: Bool { expected == nil }
}

extension BenchCase {
    /// Simulated cases of different shapes; each earlier sale has the same shape with its own
    /// seed, size and no campaigns (unless the shape says otherwise), and starts at the same time
    /// of day 180 days before. `seedOffset` moves every seed (0 gives the fixed cases).
    static func simulated(seedOffset: UInt64 = 0) -> [BenchCase] {
        let label = { (name: String) in seedOffset == 0 ? name : "\(name)+\(seedOffset)" }
        let mails = [SaleSimulation.Campaign(minute: 900, lift: 1.5), SaleSimulation.Campaign(minute: 1980, lift: 2, halfLife: 45),
                     SaleSimulation.Campaign(minute: 3300, lift: 1.2)]
        func sale(_ seed: UInt64, _ orders: Double, _ change: (inout SaleSimulation) -> Void = { _ in }) -> SaleSimulation {
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
            return BenchCase(name: label(name), kind: name, revenue: revenue(of: current), history: revenue(of: previous),
                             description: text, expected: expectedRevenue(of: current))
        }
        var random = RandomSource(seed: 77 + seedOffset)
        /// Campaigns nobody announced: at unusual hours (local night for most of the audience) and on the last day.
        let unannounced = [SaleSimulation.Campaign(minute: 1440 + 180 + Int(random.uniform() * 180), lift: 1 + 2 * random.uniform()),
                           SaleSimulation.Campaign(minute: 2880 + 300 + Int(random.uniform() * 900), lift: 1 + 2 * random.uniform(),
                                                   halfLife: 20 + 60 * random.uniform())]
        return [
            pair("sim-default", "3 days, 200k orders, three e-mail campaigns (the simulator's default shape)",
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
            pair("sim-unannounced", "3 days, 120k orders, two campaigns nobody announced: one at night, one on the last day",
                 current: sale(7, 120_000) { $0.campaigns = unannounced }, earlierOrders: 100_000),
            pair("sim-asia", "3 days, 100k orders, audience in Asia-Pacific (UTC+9, +10, +5:30), shop clock in UTC; the earlier sale's mix differed",
                 current: sale(8, 100_000) {
                     $0.regions = [.init(utcOffsetHours: 9, share: 0.5), .init(utcOffsetHours: 10, share: 0.3),
                                   .init(utcOffsetHours: 5.5, share: 0.2)]
                 }, earlierOrders: 80_000,
                 earlier: { $0.regions = [.init(utcOffsetHours: 9, share: 0.3), .init(utcOffsetHours: 5.5, share: 0.7)] }),
            pair("sim-1day", "1 day, 40k orders, one campaign (no origin with a day before the training window)",
                 current: sale(9, 40_000) { $0.minutes = 1440; $0.campaigns = [.init(minute: 700, lift: 1.5)] }, earlierOrders: 30_000),
            pair("sim-2day", "2 days, 60k orders, one campaign on day 2",
                 current: sale(10, 60_000) { $0.minutes = 2880; $0.campaigns = [.init(minute: 1900, lift: 1.5)] }, earlierOrders: 50_000),
            pair("sim-heavy", "3 days, 4.3k orders (0-3 a minute), baskets heavy-tailed (log sd 1.5: one order can be half an hour's revenue)",
                 current: sale(11, 4_300) { $0.basketSigma = 1.5; $0.dailyDepth = 0.9 }, earlierOrders: 3_500),
            blackFriday(seedOffset: seedOffset, name: label("sim-blackfriday")),
        ]
    }

    /// Four days, Wednesday to Saturday, of an ordinary shop whose Friday is Black Friday (3 times
    /// an ordinary day, a surge at midnight) and whose Saturday stays busier (1.5 times); the earlier
    /// sale is last year's same week, whose Black Friday was smaller (2 times).
    static func blackFriday(seedOffset: UInt64, name: String) -> BenchCase {
        func week(seed: UInt64, start: Int, ordinaryDay: Double, friday: Double) -> (Series, [Double]) {
            let days: [(orders: Double, surge: Double)] = [(ordinaryDay, 0), (ordinaryDay, 0), (ordinaryDay * friday, 2), (ordinaryDay * 1.5, 0)]
            var values: [Double] = [], expected: [Double] = []
            for (index, day) in days.enumerated() {
                var simulation = SaleSimulation()
                simulation.seed = seed + UInt64(index) + seedOffset
                simulation.start = start + index * 1440
                simulation.minutes = 1440
                simulation.expectedOrders = day.orders
                simulation.surgeLift = day.surge
                simulation.surgeHalfLife = 120
                simulation.closingLift = 0
                values += revenue(of: simulation).values
                expected += expectedRevenue(of: simulation)
            }
            return (Series(start: start, values: values, zone: .utc), expected)
        }
        let start = SaleSimulation().start
        let (current, expected) = week(seed: 12, start: start, ordinaryDay: 30_000, friday: 3)
        let (earlier, _) = week(seed: 112, start: start - 364 * 1440, ordinaryDay: 25_000, friday: 2)
        return BenchCase(name: name, kind: "sim-blackfriday", revenue: current, history: earlier,
                         description: "4 days (Wed-Sat), 30k orders a day, Black Friday 3x with a midnight surge, Saturday 1.5x; last year's Black Friday 2x",
                         expected: expected)
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

    /// The real UK retailer (when the data folder given holds it): its 9 busiest days, with the 9
    /// days a week earlier as the earlier "sale" (weekdays line up), and the 16 days to 7 December
    /// (Black Friday among them) with the 16 days two weeks earlier.
    static func real(dataFolder: String) -> [BenchCase] {
        let orders = dataFolder + "/online_retail_ii_2009_2010/orders.csv"
        guard FileManager.default.fileExists(atPath: orders) else { return [] }
        func read(_ first: Int, days: Int) -> Series? {
            var options = OrdersReadOptions()
            options.window = first...(first + days * 1440 - 1)
            return try? OrdersReader.read(path: orders, options: options).table.revenue
        }
        func window(_ name: String, _ first: String, days: Int, back: Int, _ text: String) -> BenchCase? {
            guard let start = ShopZone.utc.minute(of: first), let revenue = read(start, days: days),
                  let history = read(start - back * 1440, days: days) else { return nil }
            return BenchCase(name: name, kind: name, revenue: revenue, history: history, description: text)
        }
        return [
            window("real-uk", "2010-11-08T00:00", days: 9, back: 7,
                   "UK online retailer, 2010-11-08 to 11-16, sparse (800 of 12,960 minutes have an order), closed on Saturday"),
            window("real-uk-late", "2010-11-22T00:00", days: 16, back: 14,
                   "UK online retailer, 2010-11-22 to 12-07 (Black Friday 11-26), closed on Saturdays"),
        ].compactMap { $0 }
    }
}
