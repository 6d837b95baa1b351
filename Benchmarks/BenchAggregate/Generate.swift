import SaleData

/// Makes the benchmark's orders file: a 3-day sale with three campaigns, seed 42.
enum Generate {
    static func run(path: String, orders: Double) throws -> Int {
        var sale = SaleSimulation()
        sale.seed = 42
        sale.expectedOrders = orders
        sale.campaigns = [.init(minute: 700, lift: 1.5), .init(minute: 2100, lift: 2, halfLife: 45),
                          .init(minute: 3500, lift: 1)]
        return try sale.write(to: path)
    }
}
