import Foundation
import SaleData

/// The repository's bundled sale (examples/data/current_sale.csv) as per-minute revenue, as
/// `orders.read(path, {tz = "+08:00"})` gives it: rows from the first order's minute, UTC+8.
enum ExampleSale {
    static func revenue() throws -> Series {
        let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let text = try String(contentsOf: repository.appendingPathComponent("examples/data/current_sale.csv"), encoding: .utf8)
        let parser = ISO8601DateFormatter()
        var orders: [(minute: Int, amount: Double)] = []
        for line in text.split(separator: "\n").dropFirst() {
            let fields = line.split(separator: ",")
            guard fields.count == 4, let time = parser.date(from: String(fields[1])), let amount = Double(fields[3]) else { continue }
            orders.append((Int((time.timeIntervalSince1970 / 60).rounded(.down)), amount))
        }
        let start = orders.map(\.minute).min() ?? 0, end = orders.map(\.minute).max() ?? 0
        var values = Array(repeating: 0.0, count: end - start + 1)
        for order in orders { values[order.minute - start] += order.amount }
        return Series(start: start, values: values, zone: ShopZone(offsetSeconds: 8 * 3600))
    }
}
