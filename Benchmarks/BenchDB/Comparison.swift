import Foundation
import NumberText
import OrderSources
import SaleData

/// Times both paths `runs` times each, alternating, and prints medians and whether the tables agree:
/// FlashCast's push-down (the server groups by minute) against the CSV path (the server's export of the
/// orders, then FlashCast's CSV reader).
struct Comparison {
    let sale: BenchSale
    let url: String
    let runs: Int
    /// The first line of the results, before the runs' count.
    let heading: String
    /// The export step's row label, such as "psql \copy export".
    let exportLabel: String
    /// Writes the orders of `sale.window` to the CSV file at the path given (columns order_id,
    /// order_time, customer, amount, with a header).
    let export: (String) throws -> Void

    func run() throws {
        let exportFile = NSTemporaryDirectory() + "benchdb-export.csv"
        defer { try? FileManager.default.removeItem(atPath: exportFile) }
        let query = try MinuteQuery(table: sale.table, time: "created_at", amount: "total", customer: "customer",
                                    window: sale.window, zone: sale.zone)
        let sumsOnly = try MinuteQuery(table: sale.table, time: "created_at", amount: "total", window: sale.window,
                                       zone: sale.zone)
        let lastMinutes = sale.window.upperBound - 9...sale.window.upperBound
        let liveRefresh = try MinuteQuery(table: sale.table, time: "created_at", amount: "total", customer: "customer",
                                          window: lastMinutes, zone: sale.zone)
        var pushed: [Double] = [], pushedSums: [Double] = [], live: [Double] = [], exported: [Double] = []
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
            try export(exportFile)
            exported.append(Timing.seconds(since: &clock))
            var options = OrdersReadOptions()
            options.zone = sale.zone
            options.window = sale.window
            let csv = try OrdersReader.read(path: exportFile, options: options).table
            aggregate.append(Timing.seconds(since: &clock))
            results = (table, csv)
        }
        guard let (table, csv) = results else { return }
        let bytes = (try? FileManager.default.attributesOfItem(atPath: exportFile)[.size] as? Int) ?? 0
        let csvTotal = zip(exported, aggregate).map(+)
        print("\(heading), \(runs) runs, medians:")
        print(Timing.row("FlashCast push-down (sums, counts, distinct customers)", pushed))
        print(Timing.row("FlashCast push-down (sums and counts only)", pushedSums))
        print(Timing.row("FlashCast push-down, last 10 minutes only (a live refresh)", live))
        print(Timing.row("CSV path: \(exportLabel) (\(bytes / 1_000_000) MB)", exported))
        print(Timing.row("CSV path: FlashCast CSV reader", aggregate))
        print(Timing.row("CSV path total", csvTotal))
        print(String(format: "CSV path time / push-down time: %.2f with distinct customers, %.2f for sums and counts",
                     Timing.median(csvTotal) / Timing.median(pushed), Timing.median(csvTotal) / Timing.median(pushedSums)))
        print("tables equal: \(table == csv) (\(table.orders.reduce(0, +)) orders, total \(NumberFormat.cents(table.totalCents)))")
        guard table == csv else { throw OrderSourceError("the two paths disagree") }
    }
}

/// The PostgreSQL run: the CSV path exports with psql's `\copy`.
extension Comparison {
    init(server: Psql, sale: BenchSale, url: String, runs: Int) {
        self.init(sale: sale, url: url, runs: runs,
                  heading: "sale simulated with \(sale.orders) expected orders, \(sale.window.count) minutes",
                  exportLabel: "psql \\copy export") { file in
            try server.run("\\copy (SELECT order_id, created_at AS order_time, customer, total AS amount FROM \(sale.table)"
                           + " WHERE created_at >= to_timestamp(\(sale.window.lowerBound * 60)) AND created_at <"
                           + " to_timestamp(\((sale.window.upperBound + 1) * 60))) TO '\(file)' WITH (FORMAT csv, HEADER true)")
        }
    }
}

/// Wall-clock timing helpers.
enum Timing {
    static func seconds(since clock: inout ContinuousClock.Instant) -> Double {
        let now = ContinuousClock.now
        let elapsed = now - clock
        clock = now
        return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
    }

    static func since(_ clock: inout ContinuousClock.Instant) -> String { String(format: "%.1f s", seconds(since: &clock)) }

    /// A table line: the label, then the median of `seconds`.
    static func row(_ label: String, _ seconds: [Double]) -> String {
        label.padding(toLength: 62, withPad: " ", startingAt: 0) + String(format: "%8.3f s", median(seconds))
    }

    static func median(_ values: [Double]) -> Double {
        let sorted = values.sorted()
        return sorted.isEmpty ? 0 : sorted[sorted.count / 2]
    }
}
