import Foundation
import NumberText
import OrderSources
import SaleData

/// The same sale in ClickHouse: FlashCast's push-down (`clickhouse://`, GROUP BY in the server)
/// against the CSV path (a `FORMAT CSVWithNames` export with curl, then FlashCast's CSV reader).
struct ClickHouseComparison {
    let url: String
    let sale: BenchSale
    let runs: Int

    /// Loads the sale into `bench_orders_N(order_id UInt64, created_at DateTime, customer String,
    /// total Decimal(12, 2))` (MergeTree ordered by time) unless the table exists.
    func loadIfMissing(_ curl: Curl) throws {
        if try curl.run("EXISTS TABLE \(sale.table)") == "1" {
            print("table \(sale.table) exists: \(try curl.run("SELECT count() FROM \(sale.table)")) orders")
            return
        }
        var simulation = sale.simulation
        simulation.timeFormat = .epoch
        let file = NSTemporaryDirectory() + "benchdb-clickhouse-\(sale.orders).csv"
        defer { try? FileManager.default.removeItem(atPath: file) }
        var clock = ContinuousClock.now
        let written = try simulation.write(to: file)
        print("generated \(written) orders in \(Timing.since(&clock))")
        try curl.run("CREATE TABLE \(sale.table)_loading (order_id UInt64, created_at DateTime, customer String,"
                     + " total Decimal(12, 2)) ENGINE = MergeTree ORDER BY created_at")
        try curl.run("INSERT INTO \(sale.table)_loading FORMAT CSVWithNames", upload: file)
        try curl.run("RENAME TABLE \(sale.table)_loading TO \(sale.table)")
        print("INSERT into ClickHouse: \(Timing.since(&clock))")
    }

    func run() throws {
        let curl = try Curl(url: url)
        try loadIfMissing(curl)
        let heading = "ClickHouse \(try curl.run("SELECT version()")), \(sale.orders) expected orders, \(sale.window.count) minutes"
        try Comparison(sale: sale, url: url, runs: runs, heading: heading,
                       exportLabel: "curl FORMAT CSVWithNames export") { file in
            try curl.run("SELECT order_id, toUInt32(created_at) AS order_time, customer, total AS amount FROM \(sale.table)"
                         + " WHERE created_at >= toDateTime(\(sale.window.lowerBound * 60)) AND created_at <"
                         + " toDateTime(\((sale.window.upperBound + 1) * 60)) FORMAT CSVWithNames", output: file)
        }.run()
    }
}
