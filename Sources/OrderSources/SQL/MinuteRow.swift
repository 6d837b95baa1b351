/// One minute as the database sums it.
public struct MinuteRow: Sendable, Equatable {
    /// Minute counted in UTC from the epoch.
    public var minute: Int
    /// Revenue in cents (each order rounded to cents first, as the CSV reader does).
    public var cents: Int64
    /// Orders counted.
    public var orders: Int
    /// Distinct customers (0 without a customer column).
    public var customers: Int

    /// A row from its sums.
    public init(minute: Int, cents: Int64, orders: Int, customers: Int) {
        self.minute = minute
        self.cents = cents
        self.orders = orders
        self.customers = customers
    }
}

extension MinuteRow {
    /// Rows sorted by minute, those of the same minute added up.
    static func merged(_ rows: [MinuteRow]) -> [MinuteRow] {
        var result: [MinuteRow] = []
        for row in rows.sorted(by: { $0.minute < $1.minute }) {
            if let last = result.last, last.minute == row.minute {
                result[result.count - 1].cents += row.cents
                result[result.count - 1].orders += row.orders
                result[result.count - 1].customers += row.customers
            } else {
                result.append(row)
            }
        }
        return result
    }
}
