import SaleData

/// Longest span a table may cover (ten years of minutes), as for the CSV reader.
let maxWindowMinutes = 10 * 366 * 1440

extension MinuteTable {
    /// The dense table of database rows over `window` (or first to last row): zeros fill the
    /// minutes without orders; rows outside the window are left out.
    public init(rows: [MinuteRow], window: ClosedRange<Int>?, zone: ShopZone, customers: Bool)
        throws(OrderSourceError) {
        let minutes = rows.map(\.minute)
        guard let window = window ?? minutes.min().flatMap({ first in minutes.max().map { first...$0 } }) else {
            self.init(start: 0, zone: zone, revenueCents: [], orders: [], customers: customers ? [] : nil)
            return
        }
        guard window.count <= maxWindowMinutes else {
            throw OrderSourceError("orders span \(window.count) minutes from '\(zone.label(minute: window.lowerBound))'"
                + " to '\(zone.label(minute: window.upperBound))', more than ten years; give a window")
        }
        var cents = [Int64](repeating: 0, count: window.count)
        var orders = [Int](repeating: 0, count: window.count)
        var distinct = [Int](repeating: 0, count: customers ? window.count : 0)
        for row in rows where window.contains(row.minute) {
            let slot = row.minute - window.lowerBound
            cents[slot] += row.cents
            orders[slot] += row.orders
            if customers { distinct[slot] += row.customers }
        }
        self.init(start: window.lowerBound, zone: zone, revenueCents: cents, orders: orders,
                  customers: customers ? distinct : nil)
    }
}
