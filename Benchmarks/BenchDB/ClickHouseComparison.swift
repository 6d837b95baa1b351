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
        let exportFile = NSTemporaryDirectory() + "benchdb-clickhouse-export.csv"
        defer { try? FileManager.default.removeItem(atPath: exportFile) }
        let query = try MinuteQuery(table: sale.table, time: "created_at", amount: "total", customer: "customer",
                                    window: sale.window, zone: sale.zone)
        let sumsOnly = try MinuteQuery(table: sale.table, time: "created_at", amount: "total", window: sale.window,
                                       zone: sale.zone)
        let lastMinutes = sale.window.upperBound - 9...sale.window.upperBound
        let liveRefresh = try MinuteQuery(table: sale.table, time: "created_at", amount: "total", customer: "customer",
                                          window: lastMinutes, zone: sale.zone)
        var pushed: [Double] = [], pushedSums: [Double] = [], live: [Double] = [], export: [Double] = []
        var aggregate: [Double] = []
        var results: (MinuteTable, MinuteTable)?
        for _ in 0..<runs {
            var clock = ContinuousClock.now
            let table = try OrderDatabase.open(url).minuteTable(query)
            pushed.append(Timing.seconds(since: &clock))
            _ = try OrderDatabase.open(url).minuteTable(sumsOnly)
            pushedSums.append(Timing.seconds(since: &clock))
            _ = try OrderDatabase.open(url).minuteTable(liveRefresh)
            live.append(Timing.seconds(since: &clock))
            try curl.run("SELECT order_id, toUInt32(created_at) AS order_time, customer, total AS amount FROM \(sale.table)"
                         + " WHERE created_at >= toDateTime(\(sale.window.lowerBound * 60)) AND created_at <"
                         + " toDateTime(\((sale.window.upperBound + 1) * 60)) FORMAT CSVWithNames", output: exportFile)
            export.append(Timing.seconds(since: &clock))
            var options = OrdersReadOptions()
            options.zone = sale.zone
            options.window = sale.window
            let csv = try OrdersReader.read(path: exportFile, options: options).table
            aggregate.append(Timing.seconds(since: &clock))
            results = (table, csv)
        }
        guard let (table, csv) = results else { return }
        let bytes = (try? FileManager.default.attributesOfItem(atPath: exportFile)[.size] as? Int) ?? 0
        let csvTotal = zip(export, aggregate).map(+)
        print("ClickHouse \(try curl.run("SELECT version()")), \(sale.orders) expected orders, \(sale.window.count) minutes,"
              + " \(runs) runs, medians:")
        print(Timing.row("FlashCast push-down (sums, counts, distinct customers)", pushed))
        print(Timing.row("FlashCast push-down (sums and counts only)", pushedSums))
        print(Timing.row("FlashCast push-down, last 10 minutes only (a live refresh)", live))
        print(Timing.row("CSV path: curl FORMAT CSVWithNames export (\(bytes / 1_000_000) MB)", export))
        print(Timing.row("CSV path: FlashCast CSV reader", aggregate))
        print(Timing.row("CSV path total", csvTotal))
        print(String(format: "CSV path time / push-down time: %.2f with distinct customers, %.2f for sums and counts",
                     Timing.median(csvTotal) / Timing.median(pushed), Timing.median(csvTotal) / Timing.median(pushedSums)))
        print("tables equal: \(table == csv) (\(table.orders.reduce(0, +)) orders, total \(NumberFormat.cents(table.totalCents)))")
        guard table == csv else { throw OrderSourceError("the two paths disagree") }
    }
}
