/// What reading an orders file gives: the per-minute table and the report of what was counted.
public struct OrdersResult: Sendable, Equatable {
    /// Revenue, orders and customers per minute.
    public let table: MinuteTable
    /// Rows read, orders kept, and what was left out and why.
    public let report: ReadReport
}

/// Longest window a table may span (ten years of minutes): a longer one means a wrong time.
let maxWindowMinutes = 10 * 366 * 1440

extension MinuteAccumulator {
    /// The dense table over the window asked for, or from the first to the last order.
    func table(options: OrdersReadOptions, file: String) throws(OrdersFileError) -> MinuteTable {
        let zone = options.zone
        guard let window = options.window ?? span else {
            return MinuteTable(start: 0, zone: zone, revenueCents: [], orders: [],
                               customers: options.countCustomers ? [] : nil)
        }
        guard window.count <= maxWindowMinutes else {
            throw OrdersFileError(description: "\(file): orders span \(window.count) minutes from '"
                + "\(zone.label(minute: window.lowerBound))' to '\(zone.label(minute: window.upperBound))'"
                + ", more than ten years; check the order times or give a window")
        }
        guard !overflowed else {
            throw OrdersFileError(description: "\(file): revenue of a minute is too large to sum in cents")
        }
        let columns = columns(over: window, customers: options.countCustomers)
        let table = MinuteTable(start: window.lowerBound, zone: zone, revenueCents: columns.cents,
                                orders: columns.orders, customers: columns.customers)
        guard table.sumsFit else { throw OrdersFileError(description: "\(file): total revenue is too large to sum in cents") }
        return table
    }
}
