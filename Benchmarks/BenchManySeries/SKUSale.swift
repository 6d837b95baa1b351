#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import NumberText
import SafeOutput
import SaleData

/// A shop's sale broken down by SKU: the orders of a simulated 3-day sale, each for one SKU.
///
/// Popularity is heavy-tailed (Zipf, exponent 1.1: the top SKU sells about a sixth of the orders,
/// the last ones a handful a day), prices are log-normal (median 25, sigma 1), a tenth of the SKUs
/// have a two-hour deal at their own time (their pick rate tripled), so most series are sparse
/// and some jump. Deterministic: the same seed writes the same file byte for byte.
struct SKUSale {
    /// The sale's seed; every SKU draw derives from it.
    var seed: UInt64 = 1
    /// Number of SKUs.
    var skus = 1000
    /// Expected orders over the sale.
    var orders = 200_000.0
    /// Zipf exponent of the SKUs' popularity.
    static let popularityExponent = 1.1
    /// Share of SKUs with a deal.
    static let dealShare = 0.1
    /// Minutes a deal lasts.
    static let dealMinutes = 120
    /// How much a deal multiplies its SKU's pick rate.
    static let dealLift = 3.0

    /// Writes `order_id,order_time,customer,amount,sku` (times in epoch seconds) atomically;
    /// returns the orders written.
    func write(to path: String) throws -> Int {
        var sale = SaleSimulation()
        sale.seed = seed
        sale.expectedOrders = orders
        sale.campaigns = [SaleSimulation.Campaign(minute: 600, lift: 2), SaleSimulation.Campaign(minute: 2040, lift: 1.5)]
        var random = RandomSource(seed: seed &* 0x9E37_79B9 &+ 7)
        let weights = (1...skus).map { 1 / pow(Double($0), Self.popularityExponent) }
        let prices = (0..<skus).map { _ in (exp(log(25) + random.normal()) * 100).rounded() / 100 }
        let deals = (0..<skus).map { _ -> Int? in
            random.uniform() < Self.dealShare ? Int(random.uniform() * Double(sale.minutes - Self.dealMinutes)) : nil
        }
        let file = try OutputFile(path)
        var text = "order_id,order_time,customer,amount,sku\n"
        var written = 0, minute = -1
        var cumulative: [Double] = []
        try sale.forEachOrder { order in
            let now = order.second / 60 - sale.start
            if now != minute {
                minute = now
                cumulative = Self.cumulative(weights, deals: deals, minute: now)
            }
            let pick = random.uniform() * (cumulative.last ?? 0)
            let sku = min(cumulative.partitionIndex { $0 > pick }, skus - 1)
            let quantity = random.uniform() < 0.8 ? 1 : 2 + Int(random.uniform() * 3)
            let cents = Int64((prices[sku] * Double(quantity) * 100).rounded())
            text += "\(order.id),\(order.second),\(order.customerLabel),\(NumberFormat.cents(max(cents, 1))),sku\(sku + 1)\n"
            written += 1
            if text.utf8.count >= 1 << 20 {
                try file.write(text)
                text = ""
            }
        }
        try file.write(text)
        try file.commit()
        return written
    }

    /// Running sums of the SKUs' pick rates at `minute` (a deal triples its SKU's).
    static func cumulative(_ weights: [Double], deals: [Int?], minute: Int) -> [Double] {
        var running = 0.0
        return weights.indices.map { sku in
            let live = deals[sku].map { (0..<dealMinutes).contains(minute - $0) } ?? false
            running += weights[sku] * (live ? dealLift : 1)
            return running
        }
    }
}

extension Array where Element == Double {
    /// The first index whose element satisfies `above` (elements rising), or `count`.
    func partitionIndex(where above: (Double) -> Bool) -> Int {
        var low = 0, high = count
        while low < high {
            let middle = (low + high) / 2
            if above(self[middle]) { high = middle } else { low = middle + 1 }
        }
        return low
    }
}
