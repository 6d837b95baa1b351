/// Orders aggregated per minute over a sale window: every minute present, zeros where no order.
///
/// Money is kept in integer cents, so sums are exact and the cumulative revenue never decreases.
public struct MinuteTable: Sendable, Equatable {
    /// Minute of the first row, counted in UTC from the epoch.
    public let start: Int
    /// Zone of the minute labels.
    public let zone: ShopZone
    /// Revenue per minute in cents of the reporting currency.
    public let revenueCents: [Int64]
    /// Orders counted per minute.
    public let orders: [Int]
    /// Distinct customers per minute, or nil when the file has no customer column.
    public let customers: [Int]?

    /// A table from its columns (all of the same length).
    public init(start: Int, zone: ShopZone, revenueCents: [Int64], orders: [Int], customers: [Int]?) {
        self.start = start
        self.zone = zone
        self.revenueCents = revenueCents
        self.orders = orders
        self.customers = customers
    }

    /// Number of minutes.
    public var count: Int { revenueCents.count }

    /// Running revenue in cents: row `i` is the revenue of minutes `0...i` (held at the largest
    /// 64-bit value should it ever exceed it; readers refuse such tables, see `sumsFit`).
    public var cumulativeCents: [Int64] {
        var total: Int64 = 0
        return revenueCents.map { total = Self.saturatingSum(total, $0); return total }
    }

    /// Total revenue in cents (saturating as `cumulativeCents`).
    public var totalCents: Int64 { revenueCents.reduce(0, Self.saturatingSum) }

    /// Whether the running revenue fits in 64-bit cents.
    public var sumsFit: Bool {
        var total: Int64 = 0
        for cents in revenueCents {
            let (sum, overflow) = total.addingReportingOverflow(cents)
            if overflow { return false }
            total = sum
        }
        return true
    }

    private static func saturatingSum(_ a: Int64, _ b: Int64) -> Int64 {
        let (sum, overflow) = a.addingReportingOverflow(b)
        return overflow ? (b > 0 ? .max : .min) : sum
    }

    /// Revenue per minute in currency units.
    public var revenue: Series { series(revenueCents.map { Double($0) / 100 }) }

    /// Cumulative revenue per minute in currency units.
    public var cumulative: Series { series(cumulativeCents.map { Double($0) / 100 }) }

    /// Orders per minute.
    public var orderCounts: Series { series(orders.map(Double.init)) }

    /// Distinct customers per minute, or nil without a customer column.
    public var customerCounts: Series? { customers.map { series($0.map(Double.init)) } }

    private func series(_ values: [Double]) -> Series {
        Series(start: start, step: 1, values: values, zone: zone)
    }
}
