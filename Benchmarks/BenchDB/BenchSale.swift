import Foundation
import SaleData

/// The benchmark's sale: 3 days, three campaigns, seed 42 (as BenchAggregate), shop in Asia/Shanghai,
/// loaded into `bench_orders_N(order_id bigint, created_at timestamptz, customer text, total numeric(12,2))`.
struct BenchSale {
    let orders: Int
    let simulation: SaleSimulation
    var table: String { "bench_orders_\(orders)" }
    var window: ClosedRange<Int> { simulation.start...simulation.start + simulation.minutes - 1 }
    var zone: ShopZone { simulation.zone }

    init(orders: Int) {
        self.orders = orders
        var sale = SaleSimulation()
        sale.seed = 42
        sale.expectedOrders = Double(orders)
        sale.zone = ShopZone("Asia/Shanghai") ?? .utc
        sale.timeFormat = .offset
        sale.campaigns = [.init(minute: 700, lift: 1.5), .init(minute: 2100, lift: 2, halfLife: 45),
                          .init(minute: 3500, lift: 1)]
        simulation = sale
    }

    /// Generates the orders and loads them with COPY (plus an index on the time), unless the table exists.
    func loadIfMissing(_ psql: Psql) throws {
        if try psql.run("SELECT to_regclass('\(table)') IS NOT NULL") == "t" {
            print("table \(table) exists: \(try psql.run("SELECT count(*) FROM \(table)")) orders")
            return
        }
        let file = NSTemporaryDirectory() + "benchdb-\(orders).csv"
        defer { try? FileManager.default.removeItem(atPath: file) }
        var clock = ContinuousClock.now
        let written = try simulation.write(to: file)
        print("generated \(written) orders in \(Timing.since(&clock))")
        try psql.run("CREATE TABLE \(table)_loading (order_id bigint, created_at timestamptz, customer text, total numeric(12,2))")
        try psql.run("\\copy \(table)_loading FROM '\(file)' WITH (FORMAT csv, HEADER true)")
        print("COPY into PostgreSQL: \(Timing.since(&clock))")
        try psql.run("CREATE INDEX ON \(table)_loading (created_at); ANALYZE \(table)_loading;"
                     + " ALTER TABLE \(table)_loading RENAME TO \(table)")
        print("index and analyze: \(Timing.since(&clock))")
    }
}
