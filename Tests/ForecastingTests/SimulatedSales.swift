import SaleData

/// Small simulated sales for end-to-end tests (no shared data needed).
enum SimulatedSales {
    /// Per-minute revenue of a simulated sale of `minutes` (3 days unless given) and about `orders` orders.
    static func revenue(seed: UInt64, orders: Double = 20_000, minutes: Int? = nil, campaigns: [SaleSimulation.Campaign] = []) -> Series {
        var sale = SaleSimulation()
        sale.seed = seed
        if let minutes { sale.minutes = minutes }
        sale.expectedOrders = orders
        sale.campaigns = campaigns
        var cents = Array(repeating: Int64(0), count: sale.minutes)
        sale.forEachOrder { cents[$0.second / 60 - sale.start] += $0.cents }
        return Series(start: sale.start, values: cents.map { Double($0) / 100 })
    }
}
