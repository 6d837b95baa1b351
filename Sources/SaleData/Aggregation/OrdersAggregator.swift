/// Aggregates orders given one at a time (from a database query, from Lua tables, from the
/// simulator) into a per-minute table, as the reader does for files: an order id seen before in
/// the same minute counts once, orders outside the window are counted and left out.
public struct OrdersAggregator: Sendable {
    private var accumulator = MinuteAccumulator()
    private var options = OrdersReadOptions()
    /// Orders added, duplicates and orders outside the window.
    public private(set) var report = ReadReport()

    /// An empty aggregation labelled in `zone`, over `window` (nil: the first to the last order).
    public init(zone: ShopZone = .utc, window: ClosedRange<Int>? = nil) {
        options.zone = zone
        options.window = window
        options.countCustomers = false
    }

    /// Adds an order at an instant (seconds since the epoch) with its amount in cents; false when
    /// it was not counted (a duplicate id, or outside the window).
    @discardableResult
    public mutating func add(second: Int, cents: Int64, id: String? = nil, customer: String? = nil) -> Bool {
        report.rows += 1
        let minute = second.floorDiv(60)
        if let window = options.window, !window.contains(minute) {
            report.outsideWindow += 1
            return false
        }
        if customer != nil { options.countCustomers = true }
        guard accumulator.add(minute: minute, cents: cents, id: id.map { Self.bytes($0, OrderIDSet.key) },
                                     customer: customer.map { Self.bytes($0, hashBytes) })
        else {
            report.duplicates += 1
            report.note("row \(report.rows): order id '\(id ?? "")' seen before", under: "duplicate order id")
            return false
        }
        report.orders += 1
        return true
    }

    /// The dense per-minute table; customers are counted when any order named its customer.
    public func table() throws -> MinuteTable {
        try accumulator.table(options: options, file: "orders")
    }

    /// The table with the report, as the reader returns them.
    public func result() throws -> OrdersResult {
        OrdersResult(table: try table(), report: report)
    }

    /// `body` applied to the text's UTF-8 bytes.
    private static func bytes(_ text: String, _ body: (UnsafePointer<UInt8>, Int) -> UInt64) -> UInt64 {
        let bytes = Array(text.utf8) + [0]  // never empty, so the buffer has an address
        return bytes.withUnsafeBufferPointer { buffer in buffer.baseAddress.map { body($0, bytes.count - 1) } ?? 0 }
    }
}
